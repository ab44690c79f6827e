// Step 6: the output-size formula, a sliding-window diagram along one axis, TensorFlow's own answer for the same
// settings, and the theoretical receptive field of a stack of layers.
import { LitElement, html, svg, css } from 'lit';
import { postJson } from 'app/js/api.js';
import { t } from 'app/i18n/messages.js';
import { outputSize, samePadding } from './lib/kernels.js';

const CELL = 18;
const MAX_DRAWN_POSITIONS = 12;

class ShapeCalculator extends LitElement {
  static properties = {
    n: { state: true }, k: { state: true }, p: { state: true }, s: { state: true }, d: { state: true },
    same: { state: true }, server: { state: true }, layers: { state: true },
  };

  static styles = css`
    :host { display: block; }
    fieldset { border: 1px solid #d1d5db; border-radius: 0.4rem; padding: 0.5rem 0.75rem; margin: 0 0 0.75rem; }
    legend { font-weight: 600; }
    label { margin: 0 0.3rem 0 0.6rem; }
    input { width: 4rem; font: inherit; }
    button { font: inherit; padding: 0.25rem 0.6rem; border: 1px solid #1d4ed8; border-radius: 0.3rem; background: #fff; color: #1d4ed8; cursor: pointer; }
    :is(input, button):focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
    .formula { font-family: ui-monospace, monospace; background: #f3f4f6; padding: 0.5rem; border-radius: 0.3rem; }
    .diagram { overflow-x: auto; max-width: 100%; }
    table { border-collapse: collapse; }
    th, td { border: 1px solid #d1d5db; padding: 0.2rem 0.5rem; text-align: right; }
  `;

  constructor() {
    super();
    Object.assign(this, { n: 28, k: 3, p: 1, s: 2, d: 1, same: false, server: '' });
    this.layers = Array.from({ length: 5 }, () => ({ k: 3, s: 2 }));
  }

  connectedCallback() {
    super.connectedCallback();
    this.verify();
  }

  pads() {
    return this.same ? samePadding(this.n, this.k, this.s, this.d) : [this.p, this.p];
  }

  out() {
    const [before, after] = this.pads();
    return outputSize(this.n, this.k, this.s, before, after, this.d);
  }

  set(name, value, min, max) {
    this[name] = Math.max(min, Math.min(max, Math.trunc(Number(value)) || min));
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.verify(), 300);
  }

  /** Asks TensorFlow for the same convolution on an n×n image of zeros (small sizes only). */
  async verify() {
    if (this.n > 64 || this.out() < 1) {
      this.server = this.n > 64 ? '' : t('shapes.refused');
      return;
    }
    const pixels = [Array.from({ length: this.n }, () => new Array(this.n).fill(0))];
    const kernel = [Array.from({ length: this.k }, () => new Array(this.k).fill(1))];
    const { ok, data } = await postJson('/api/convolutions', {
      input: { pixels }, kernels: kernel, stride: this.s, dilation: this.d, padding: this.same ? 'same' : this.p,
    });
    this.server = ok ? t('shapes.server', { shape: `${data.shape[2]}×${data.shape[3]}`, top: data.padding[0], bottom: data.padding[1] })
      : (data?.detail ?? '');
  }

  diagram() {
    const [before, after] = this.pads();
    const cells = before + this.n + after;
    const out = Math.max(0, this.out());
    const shown = Math.min(out, MAX_DRAWN_POSITIONS);
    const width = cells * CELL + 2;
    const height = (shown + 1) * CELL + 8;
    return svg`<svg width=${width} height=${height} role="img" aria-label=${t('shapes.diagramLabel', { cells, positions: out })}>
      ${Array.from({ length: cells }, (_, i) => svg`<rect x=${i * CELL + 1} y="1" width=${CELL - 2} height=${CELL - 2}
          fill=${i < before || i >= before + this.n ? '#e5e7eb' : '#bfdbfe'} stroke="#6b7280"></rect>`)}
      ${Array.from({ length: shown }, (_, o) => Array.from({ length: this.k }, (_, j) => {
        const x = (o * this.s + j * this.d) * CELL + 1;
        return svg`<rect x=${x} y=${(o + 1) * CELL + 4} width=${CELL - 2} height=${CELL - 4} fill="#f59e0b"></rect>`;
      }))}
    </svg>`;
  }

  receptiveFields() {
    let field = 1;
    let jump = 1;
    return this.layers.map((layer) => {
      field += (layer.k - 1) * jump;
      jump *= layer.s;
      return { ...layer, field, jump };
    });
  }

  render() {
    const [before, after] = this.pads();
    const out = this.out();
    const formula = `floor((${this.n} + ${before} + ${after} − ${this.d}·(${this.k}−1) − 1) / ${this.s}) + 1 = ${out < 1 ? t('shapes.noFit') : out}`;
    const number = (id, name, label, min, max) => html`<label for=${id}>${label}</label><input id=${id} type="number"
        min=${min} max=${max} .value=${String(this[name])} @change=${(e) => this.set(name, e.target.value, min, max)}>`;
    return html`
      <fieldset>
        <legend>${t('shapes.oneAxis')}</legend>
        ${number('calc-n', 'n', t('shapes.size'), 1, 512)} ${number('calc-k', 'k', t('shapes.kernel'), 1, 15)}
        ${this.same ? '' : number('calc-p', 'p', t('shapes.padding'), 0, 16)} ${number('calc-s', 's', t('shapes.stride'), 1, 8)}
        ${number('calc-d', 'd', t('shapes.dilation'), 1, 8)}
        <label for="calc-same">${t('shapes.same')}</label>
        <input id="calc-same" type="checkbox" .checked=${this.same} @change=${(e) => { this.same = e.target.checked; this.verify(); }}>
      </fieldset>
      <p class="formula" aria-live="polite">${formula}</p>
      <p aria-live="polite">${this.server}</p>
      <div class="diagram" tabindex="0" role="region" aria-label=${t('shapes.diagram')}>${this.diagram()}</div>
      <p>${out > MAX_DRAWN_POSITIONS ? t('shapes.diagramKeyFirst', { shown: MAX_DRAWN_POSITIONS, positions: out }) : t('shapes.diagramKey')}</p>
      <fieldset>
        <legend>${t('shapes.stack')}</legend>
        <table>
          <thead><tr><th scope="col">${t('shapes.layer')}</th><th scope="col">${t('shapes.layerKernel')}</th><th scope="col">${t('shapes.layerStride')}</th><th scope="col">${t('shapes.seen')}</th></tr></thead>
          <tbody>${this.receptiveFields().map((layer, i) => html`<tr><th scope="row">${i + 1}</th>
            <td><input aria-label=${t('shapes.layerKernelLabel', { layer: i + 1 })} type="number" min="1" max="15" .value=${String(layer.k)}
                @change=${(e) => { this.layers = this.layers.map((l, j) => (j === i ? { ...l, k: Math.max(1, Math.min(15, Number(e.target.value) || 1)) } : l)); }}></td>
            <td><input aria-label=${t('shapes.layerStrideLabel', { layer: i + 1 })} type="number" min="1" max="8" .value=${String(layer.s)}
                @change=${(e) => { this.layers = this.layers.map((l, j) => (j === i ? { ...l, s: Math.max(1, Math.min(8, Number(e.target.value) || 1)) } : l)); }}></td>
            <td>${layer.field}×${layer.field}</td></tr>`)}</tbody>
        </table>
        <button type="button" @click=${() => { this.layers = [...this.layers, { k: 3, s: 2 }]; }}>${t('shapes.addLayer')}</button>
        ${this.layers.length > 1 ? html`<button type="button" @click=${() => { this.layers = this.layers.slice(0, -1); }}>${t('shapes.removeLast')}</button>` : ''}
      </fieldset>
    `;
  }
}

customElements.define('cl-shape-calculator', ShapeCalculator);

export function mount(element) {
  element.replaceChildren(document.createElement('cl-shape-calculator'));
}
