// Step 5: the image unfolded into a matrix, the convolution as one matrix product, and a timing race the server runs.
import { LitElement, html, css } from 'lit';
import { apiPath, getJson, postJson } from 'app/js/api.js';
import { PRESETS, LESSON_KERNELS, formatWeight } from './lib/kernels.js';
import { drawDigit, drawMap } from './lib/maps.js';

const COLUMN_WIDTH = 3;
const ROW_HEIGHT = 12;

class Im2col extends LitElement {
  static properties = {
    index: { type: Number },
    kernelName: { state: true },
    image: { state: true },
    answer: { state: true },
    focus: { state: true },
    error: { state: true },
  };

  static styles = css`
    :host { display: block; }
    .controls { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-bottom: 0.75rem; }
    input { width: 5rem; font: inherit; }
    select { font: inherit; }
    :is(input, select, .matrix):focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
    .layout { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
    canvas.digit, canvas.map { width: 168px; height: 168px; image-rendering: pixelated; border: 1px solid #6b7280; }
    .matrix { overflow-x: auto; max-width: 100%; border: 1px solid #d1d5db; }
    .matrix canvas { display: block; image-rendering: pixelated; }
    code { font-family: ui-monospace, monospace; }
    table { border-collapse: collapse; margin-top: 0.5rem; }
    th, td { border: 1px solid #d1d5db; padding: 0.25rem 0.6rem; text-align: left; }
    td.number { text-align: right; font-family: ui-monospace, monospace; }
    .bar { display: inline-block; height: 0.8rem; background: #1d4ed8; vertical-align: middle; }
    .error { color: #b91c1c; }
  `;

  constructor() {
    super();
    this.index = 7;
    this.kernelName = 'Top edge';
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    const image = await getJson(apiPath`/api/datasets/mnist/images/${this.index}`);
    if (!image.ok) {
      this.error = image.data?.detail ?? 'The digit could not be loaded.';
      return;
    }
    this.image = image.data;
    this.answer = null;
    const { ok, data } = await postJson('/api/im2col', { dataset: 'mnist', index: this.index, kernel: PRESETS[this.kernelName] });
    this.answer = ok ? data : null;
    this.error = ok ? null : (data?.detail ?? 'The server could not run the race.');
  }

  updated() {
    const digit = this.renderRoot.querySelector('canvas.digit');
    if (digit && this.image) {
      const context = digit.getContext('2d');
      drawDigit(context, this.image.pixels);
      if (this.focus) {
        context.strokeStyle = '#f59e0b';
        context.lineWidth = 0.6;
        context.strokeRect(this.focus.x + 0.3, this.focus.y + 0.3, 2.4, 2.4);
      }
    }
    const matrix = this.renderRoot.querySelector('.matrix canvas');
    if (matrix && this.answer) {
      const context = matrix.getContext('2d');
      this.answer.unfolded.forEach((row, r) => row.forEach((v, c) => {
        const grey = Math.round(255 * (1 - v));
        context.fillStyle = this.focus?.column === c ? `rgb(255,${grey},${Math.round(grey / 2)})` : `rgb(${grey},${grey},${grey})`;
        context.fillRect(c * COLUMN_WIDTH, r * ROW_HEIGHT, COLUMN_WIDTH, ROW_HEIGHT);
      }));
    }
    const map = this.renderRoot.querySelector('canvas.map');
    if (map && this.answer) {
      drawMap(map, this.answer.map);
    }
  }

  onMatrixPointer(event) {
    const box = event.target.getBoundingClientRect();
    const column = Math.floor((event.clientX - box.left) / COLUMN_WIDTH);
    this.pickColumn(column);
  }

  pickColumn(column) {
    if (!this.answer || column < 0 || column >= this.answer.columns) return;
    const side = this.answer.map[0].length;
    this.focus = { column, y: Math.floor(column / side), x: column % side };
  }

  onMatrixKey(event) {
    const step = { ArrowLeft: -1, ArrowRight: 1 }[event.key];
    if (step) {
      event.preventDefault();
      this.pickColumn((this.focus?.column ?? -1) + step);
    }
  }

  render() {
    const kernel = PRESETS[this.kernelName];
    const answer = this.answer;
    const slowest = answer ? Math.max(...answer.timings.map((t) => t.medianMicros)) : 1;
    const focused = answer && this.focus ? answer.unfolded.map((row) => row[this.focus.column]) : null;
    return html`
      <div class="controls">
        <label for="im2col-index">Digit number</label>
        <input id="im2col-index" type="number" min="0" max="9999" .value=${String(this.index)}
               @change=${(e) => { this.index = Math.max(0, Math.min(9999, Number(e.target.value) || 0)); this.load(); }}>
        <label for="im2col-kernel">Kernel</label>
        <select id="im2col-kernel" @change=${(e) => { this.kernelName = e.target.value; this.load(); }}>
          ${LESSON_KERNELS.map((name) => html`<option ?selected=${name === this.kernelName}>${name}</option>`)}
        </select>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${answer ? html`
        <p>The digit unfolded: <strong>${answer.rows} × ${answer.columns}</strong>, one column per position of the kernel,
          one row per kernel weight. Point at a column (or focus the matrix and use the arrow keys) to see its window.</p>
        <div class="matrix" tabindex="0" role="region" aria-label=${`Unfolded matrix, ${answer.rows} by ${answer.columns}`} @keydown=${this.onMatrixKey}>
          <canvas width=${answer.columns * COLUMN_WIDTH} height=${answer.rows * ROW_HEIGHT} role="img"
                  aria-label="Each column is one 3 by 3 window of the digit, flattened" @pointermove=${this.onMatrixPointer}></canvas>
        </div>
        <p aria-live="polite">${focused ? html`Column ${this.focus.column} is the window whose top-left corner is row ${this.focus.y},
          column ${this.focus.x}: <code>[${focused.map((v) => v.toFixed(2)).join(', ')}]</code>; times the kernel row it gives
          <strong>${answer.map[this.focus.y][this.focus.x].toFixed(3)}</strong>.` : ''}</p>
        <div class="layout">
          <figure><canvas class="digit" width="28" height="28" role="img" aria-label=${`Digit ${this.image.label}`}></canvas>
            <figcaption>The digit</figcaption></figure>
          <figure><canvas class="map" role="img" aria-label=${`The product reshaped to ${answer.map.length} by ${answer.map[0].length}`}></canvas>
            <figcaption>1×${answer.rows} kernel row · ${answer.rows}×${answer.columns} = 1×${answer.columns}, reshaped ${answer.map.length}×${answer.map[0].length}</figcaption></figure>
        </div>
        <p>The kernel as one row: <code>[${kernel.flat().map(formatWeight).join(', ')}]</code></p>
        <table>
          <caption>The race, timed on the server (${answer.device}), median of ${answer.timings[0].runs} runs each</caption>
          <thead><tr><th scope="col">method</th><th scope="col">median</th><th scope="col">relative</th></tr></thead>
          <tbody>${answer.timings.map((t) => html`<tr><th scope="row">${t.method}</th>
            <td class="number">${t.medianMicros.toFixed(1)} µs</td>
            <td><span class="bar" style=${`width:${Math.max(2, (160 * t.medianMicros) / slowest)}px`}></span></td></tr>`)}</tbody>
        </table>
      ` : html`<p>Unfolding and racing…</p>`}
    `;
  }
}

customElements.define('cl-im2col', Im2col);

export function mount(element, params) {
  const widget = document.createElement('cl-im2col');
  widget.index = Number(params.index ?? 7);
  element.replaceChildren(widget);
}
