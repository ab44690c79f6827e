// Step 2: one kernel at one spot. A 3×3 window of a real digit, times the kernel, summed into one value; the
// learner moves the window and compares the sum with the value TensorFlow computed at the same position.
import { LitElement, html, css } from 'lit';
import { apiPath, getJson, postJson } from 'app/js/api.js';
import { t, number } from 'app/i18n/messages.js';
import { PRESETS, LESSON_KERNELS, formatWeight, presetName } from './lib/kernels.js';
import { drawDigit } from './lib/maps.js';

const SCALE = 10;

class KernelSpot extends LitElement {
  static properties = {
    index: { type: Number },
    kernelName: { state: true },
    row: { state: true },
    column: { state: true },
    image: { state: true },
    map: { state: true },
    error: { state: true },
  };

  static styles = css`
    :host { display: block; }
    .layout { display: flex; flex-wrap: wrap; gap: 1.25rem; align-items: flex-start; }
    canvas { width: 280px; height: 280px; image-rendering: pixelated; border: 1px solid #6b7280; }
    canvas:focus-visible, select:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
    table { border-collapse: collapse; font-family: ui-monospace, monospace; margin: 0.25rem 0 0.75rem; }
    caption { text-align: left; font-weight: 600; font-family: system-ui, sans-serif; padding-bottom: 0.2rem; }
    td { border: 1px solid #d1d5db; padding: 0.2rem 0.45rem; text-align: right; min-width: 3.2rem; }
    .tables { display: flex; flex-wrap: wrap; gap: 1rem; }
    .sum { font-size: 1.1rem; }
    .controls { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-bottom: 0.75rem; }
    input { width: 4rem; font: inherit; }
    select, button { font: inherit; }
    button { padding: 0.3rem 0.7rem; border: 1px solid #1d4ed8; border-radius: 0.3rem; background: #fff; color: #1d4ed8; cursor: pointer; }
    .error { color: #b91c1c; }
  `;

  constructor() {
    super();
    this.index = 7;
    this.kernelName = 'topEdge';
    this.row = 8;
    this.column = 10;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    const image = await getJson(apiPath`/api/datasets/mnist/images/${this.index}`);
    if (!image.ok) {
      this.error = image.data?.detail ?? t('kernelSpot.digitNotLoaded');
      return;
    }
    this.image = image.data;
    await this.loadMap();
  }

  async loadMap() {
    const { ok, data } = await postJson('/api/convolutions', {
      input: { dataset: 'mnist', indices: [this.index] },
      kernels: [PRESETS[this.kernelName]],
    });
    this.map = ok ? data.output[0][0] : null;
    this.error = ok ? null : (data?.detail ?? t('kernelSpot.mapFailed'));
  }

  move(rows, columns) {
    this.row = Math.max(0, Math.min(25, this.row + rows));
    this.column = Math.max(0, Math.min(25, this.column + columns));
  }

  onKey(event) {
    const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (moves[event.key]) {
      event.preventDefault();
      this.move(...moves[event.key]);
    }
  }

  onClick(event) {
    const box = event.target.getBoundingClientRect();
    this.row = Math.max(0, Math.min(25, Math.floor(((event.clientY - box.top) / box.height) * 28) - 1));
    this.column = Math.max(0, Math.min(25, Math.floor(((event.clientX - box.left) / box.width) * 28) - 1));
  }

  updated() {
    const canvas = this.renderRoot.querySelector('canvas');
    if (!canvas || !this.image) return;
    const context = canvas.getContext('2d');
    drawDigit(context, this.image.pixels, SCALE);
    context.strokeStyle = '#f59e0b';
    context.lineWidth = 3;
    context.strokeRect(this.column * SCALE + 1.5, this.row * SCALE + 1.5, 3 * SCALE - 3, 3 * SCALE - 3);
  }

  render() {
    if (!this.image) {
      return html`${this.error ? html`<p class="error" role="alert">${this.error}</p>` : html`<p>${t('kernelSpot.loading')}</p>`}`;
    }
    const kernel = PRESETS[this.kernelName];
    const window = [0, 1, 2].map((dy) => [0, 1, 2].map((dx) => this.image.pixels[this.row + dy][this.column + dx]));
    const products = window.map((row, y) => row.map((value, x) => value * kernel[y][x]));
    const sum = products.flat().reduce((a, b) => a + b, 0);
    const server = this.map?.[this.row]?.[this.column];
    const table = (caption, rows, format) => html`<table><caption>${caption}</caption>
      ${rows.map((row) => html`<tr>${row.map((v) => html`<td>${format(v)}</td>`)}</tr>`)}</table>`;
    return html`
      <div class="controls">
        <label for="spot-kernel">${t('kernelSpot.kernel')}</label>
        <select id="spot-kernel" @change=${(e) => { this.kernelName = e.target.value; this.loadMap(); }}>
          ${LESSON_KERNELS.map((name) => html`<option value=${name} ?selected=${name === this.kernelName}>${presetName(name)}</option>`)}
        </select>
        <label for="spot-row">${t('kernelSpot.row')}</label>
        <input id="spot-row" type="number" min="0" max="25" .value=${String(this.row)} @change=${(e) => { this.row = 0; this.move(Number(e.target.value) || 0, 0); }}>
        <label for="spot-column">${t('kernelSpot.column')}</label>
        <input id="spot-column" type="number" min="0" max="25" .value=${String(this.column)} @change=${(e) => { this.column = 0; this.move(0, Number(e.target.value) || 0); }}>
        <button type="button" @click=${() => this.move(0, 1)}>${t('kernelSpot.slideRight')}</button>
        <button type="button" @click=${() => this.move(1, -this.column)}>${t('kernelSpot.nextRow')}</button>
      </div>
      <div class="layout">
        <canvas width="280" height="280" tabindex="0" role="img"
                aria-label=${t('kernelSpot.digitLabel', { label: this.image.label, row: this.row, column: this.column })}
                @keydown=${this.onKey} @click=${this.onClick}></canvas>
        <div>
          <div class="tables">
            ${table(t('kernelSpot.window'), window, (v) => number(v, 2))}
            ${table(t('kernelSpot.timesKernel'), kernel, formatWeight)}
            ${table(t('kernelSpot.products'), products, (v) => number(v, 2))}
          </div>
          <p class="sum" aria-live="polite">${t('kernelSpot.sum', { row: this.row, column: this.column, sum: html`<strong>${number(sum, 3)}</strong>` })}
            ${server === undefined ? '' : t('kernelSpot.server', { value: html`<strong>${number(server, 3)}</strong>` })}</p>
        </div>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
    `;
  }
}

customElements.define('cl-kernel-spot', KernelSpot);

export function mount(element, params) {
  const spot = document.createElement('cl-kernel-spot');
  spot.index = Number(params.index ?? 7);
  element.replaceChildren(spot);
}
