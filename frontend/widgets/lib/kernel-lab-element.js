// The kernel lab: learners type kernels and settings, TensorFlow on the server computes the maps.
import { LitElement, html, css } from 'lit';
import { apiPath, getJson, postJson, putJson } from 'app/js/api.js';
import { PRESETS, LESSON_KERNELS, parseMatrix, resize, outputSize, samePadding, formatWeight } from './kernels.js';
import { drawImage, drawMap, cellAt } from './maps.js';

const CHANNEL_NAMES = ['red', 'green', 'blue'];
const DEBOUNCE_MS = 250;

const kernelFrom = (name, matrix, channels) => ({ name, weights: Array.from({ length: channels }, () => matrix.map((row) => [...row])) });

export class KernelLab extends LitElement {
  static properties = {
    fixed: { type: Boolean },
    source: { type: String },
    index: { type: Number },
    datasets: { state: true },
    image: { state: true },
    kernels: { state: true },
    stride: { state: true },
    dilation: { state: true },
    paddingMode: { state: true },
    paddingAmount: { state: true },
    channelShown: { state: true },
    result: { state: true },
    error: { state: true },
    readout: { state: true },
    saved: { state: true },
  };

  static styles = css`
    :host { display: block; }
    fieldset { border: 1px solid #d1d5db; border-radius: 0.4rem; margin: 0 0 0.75rem; padding: 0.5rem 0.75rem; }
    legend { font-weight: 600; padding: 0 0.3rem; }
    label { margin-right: 0.35rem; }
    .controls { display: flex; flex-wrap: wrap; gap: 0.75rem; }
    .controls fieldset { flex: 1 1 15rem; display: grid; grid-template-columns: max-content auto; gap: 0.35rem 0.5rem; align-items: center; justify-items: start; }
    input, select, button { font: inherit; }
    input[type=number] { width: 4.5rem; }
    button { padding: 0.3rem 0.7rem; border: 1px solid #1d4ed8; border-radius: 0.3rem; background: #fff; color: #1d4ed8; cursor: pointer; }
    button.primary { background: #1d4ed8; color: #fff; }
    :is(button, input, select, canvas):focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
    .formula { font-family: ui-monospace, monospace; background: #f3f4f6; padding: 0.4rem 0.6rem; border-radius: 0.3rem; }
    .kernel-row { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
    .kernel-grid { border-collapse: collapse; }
    .kernel-grid td { padding: 1px; }
    .kernel-grid input { width: 3.4rem; text-align: right; padding: 0.2rem; border: 1px solid #6b7280; border-radius: 0.2rem; }
    .kernel-grid input[aria-invalid=true] { border-color: #b91c1c; background: #fee2e2; }
    .fixed-grid td { width: 2rem; text-align: right; border: 1px solid #d1d5db; padding: 0.15rem 0.3rem; font-family: ui-monospace, monospace; }
    canvas { width: 196px; height: 196px; image-rendering: pixelated; border: 1px solid #6b7280; }
    .map figcaption, .readout { font-size: 0.9rem; color: #374151; }
    .status { color: #374151; font-size: 0.9rem; }
    .error { color: #b91c1c; }
    .tabs button[aria-pressed=true] { background: #1d4ed8; color: #fff; }
  `;

  constructor() {
    super();
    this.fixed = false;
    this.source = 'mnist';
    this.index = 7;
    this.datasets = [];
    this.stride = 1;
    this.dilation = 1;
    this.paddingMode = 'valid';
    this.paddingAmount = 1;
    this.channelShown = 0;
    this.readout = '';
    this.saved = null;
    this.request = 0;
    this.kernels = (this.fixed ? LESSON_KERNELS : ['Top edge']).map((name) => kernelFrom(name, PRESETS[name], 1));
  }

  connectedCallback() {
    super.connectedCallback();
    if (this.fixed) {
      this.kernels = LESSON_KERNELS.map((name) => kernelFrom(name, PRESETS[name], 1));
    }
    this.start();
  }

  async start() {
    const { ok, data } = await getJson('/api/datasets');
    if (ok) {
      this.datasets = data;
    }
    await this.loadImage();
    if (!this.fixed) {
      await this.loadSaved();
    }
  }

  /** The learner's saved kernels; null when not logged in, which hides saving. */
  async loadSaved() {
    const { ok, data } = await getJson('/api/me/kernels');
    this.saved = ok ? data : null;
  }

  async save(i, name) {
    const kernel = this.kernels[i];
    const { ok, data } = await putJson(apiPath`/api/me/kernels/${name.trim()}`, { weights: kernel.weights });
    this.readout = ok ? `Saved “${data.name}”.` : (data?.detail ?? 'Could not save the kernel.');
    await this.loadSaved();
  }

  useSaved(i, name) {
    const kernel = this.saved?.find((k) => k.name === name);
    if (kernel) {
      this.setKernel(i, kernel.weights[0], kernel.name);
    }
  }

  get channels() {
    return this.image?.channels ?? 1;
  }

  get imageCount() {
    return this.datasets.find((d) => d.name === this.source)?.count ?? 10000;
  }

  async loadImage() {
    const index = Math.max(0, Math.min(this.imageCount - 1, Math.trunc(this.index) || 0));
    const { ok, data } = await getJson(apiPath`/api/datasets/${this.source}/images/${index}`);
    if (!ok) {
      this.error = data?.detail ?? 'The image could not be loaded.';
      return;
    }
    this.index = index;
    if (data.channels !== this.channels || !this.image) {
      this.kernels = this.kernels.map((k) => kernelFrom(k.name, k.weights[0], data.channels));
      this.channelShown = 0;
    }
    this.image = data;
    this.schedule();
  }

  padding() {
    if (this.paddingMode === 'same' || this.paddingMode === 'valid') {
      return this.paddingMode;
    }
    return this.paddingAmount;
  }

  padsAlong(n, k, stride, dilation) {
    if (this.paddingMode === 'same') return samePadding(n, k, stride, dilation);
    if (this.paddingMode === 'valid') return [0, 0];
    return [this.paddingAmount, this.paddingAmount];
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.compute(), DEBOUNCE_MS);
  }

  async compute() {
    if (!this.image || this.kernels.some((k) => k.weights.some((c) => c.some((row) => row.some((v) => !Number.isFinite(v)))))) {
      return;
    }
    const sizes = new Set(this.kernels.map((k) => `${k.weights[0].length}x${k.weights[0][0].length}`));
    if (sizes.size > 1) {
      this.error = 'All kernels computed together must have the same size.';
      return;
    }
    const kernels = this.kernels.map((k) => (this.channels === 1 ? k.weights[0]
      : k.weights[0].map((row, y) => row.map((_, x) => k.weights.map((channel) => channel[y][x])))));
    const request = ++this.request;
    const { ok, data } = await postJson('/api/convolutions', {
      input: { dataset: this.source, indices: [this.index] },
      kernels,
      stride: this.stride,
      dilation: this.dilation,
      padding: this.padding(),
    });
    if (request !== this.request) {
      return;
    }
    if (ok) {
      this.result = data;
      this.error = null;
    } else {
      this.result = null;
      this.error = data?.detail ?? 'The server could not compute this.';
    }
  }

  updated() {
    const input = this.renderRoot.querySelector('canvas.input');
    if (input && this.image) {
      drawImage(input, this.image.pixels);
    }
    this.renderRoot.querySelectorAll('canvas.map').forEach((canvas) => {
      const map = this.result?.output[0][Number(canvas.dataset.kernel)];
      if (map) {
        drawMap(canvas, map);
      }
    });
  }

  setWeight(kernel, y, x, text) {
    const value = Number(text);
    const copy = this.kernels.map((k) => ({ ...k, weights: k.weights.map((c) => c.map((row) => [...row])) }));
    copy[kernel].weights[this.channelShown][y][x] = text.trim() === '' ? NaN : value;
    this.kernels = copy;
    this.schedule();
  }

  setKernel(kernel, matrix, name) {
    const copy = [...this.kernels];
    copy[kernel] = kernelFrom(name ?? copy[kernel].name, matrix, this.channels);
    this.kernels = copy;
    this.schedule();
  }

  resizeKernel(kernel, rows, columns) {
    if (!(rows >= 1 && rows <= 15 && columns >= 1 && columns <= 15)) return;
    const copy = [...this.kernels];
    copy[kernel] = { ...copy[kernel], weights: copy[kernel].weights.map((c) => resize(c, rows, columns)) };
    this.kernels = copy;
    this.schedule();
  }

  onCellKey(event, kernel, y, x) {
    const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[event.key];
    if (!move || (event.key.startsWith('ArrowL') || event.key.startsWith('ArrowR')) && event.target.selectionStart !== event.target.selectionEnd) {
      return;
    }
    const target = this.renderRoot.querySelector(`input[data-cell="${kernel}-${y + move[0]}-${x + move[1]}"]`);
    if (target) {
      event.preventDefault();
      target.focus();
      target.select();
    }
  }

  onCellPaste(event, kernel) {
    const text = event.clipboardData.getData('text');
    if (!/[\n;\[]/.test(text)) {
      return;
    }
    event.preventDefault();
    try {
      this.setKernel(kernel, parseMatrix(text), 'Pasted');
    } catch (problem) {
      this.error = problem.message;
    }
  }

  onMapPointer(event, kernel) {
    const map = this.result?.output[0][kernel];
    const cell = map && cellAt(event, event.target, map);
    this.readout = cell ? `Kernel ${kernel + 1}, row ${cell.row}, column ${cell.column}: ${cell.value.toFixed(3)}` : '';
  }

  formula() {
    if (!this.image) return '';
    const k = this.kernels[0].weights[0];
    const [kh, kw] = [k.length, k[0].length];
    const [pt, pb] = this.padsAlong(this.image.height, kh, this.stride, this.dilation);
    const [pl, pr] = this.padsAlong(this.image.width, kw, this.stride, this.dilation);
    const rows = outputSize(this.image.height, kh, this.stride, pt, pb, this.dilation);
    const columns = outputSize(this.image.width, kw, this.stride, pl, pr, this.dilation);
    return `rows: floor((${this.image.height} + ${pt} + ${pb} − ${this.dilation}·(${kh}−1) − 1) / ${this.stride}) + 1 = ${rows};  `
      + `columns: floor((${this.image.width} + ${pl} + ${pr} − ${this.dilation}·(${kw}−1) − 1) / ${this.stride}) + 1 = ${columns}`;
  }

  renderGrid(kernel, i) {
    const weights = kernel.weights[this.fixed ? 0 : this.channelShown];
    if (this.fixed) {
      return html`<table class="fixed-grid"><caption>${kernel.name}</caption>
        ${weights.map((row) => html`<tr>${row.map((v) => html`<td>${formatWeight(v)}</td>`)}</tr>`)}</table>`;
    }
    return html`<table class="kernel-grid" role="grid" aria-label=${`Weights of kernel ${i + 1}`}>
      ${weights.map((row, y) => html`<tr>${row.map((v, x) => html`<td><input data-cell=${`${i}-${y}-${x}`}
          inputmode="decimal" aria-label=${`Kernel ${i + 1}, row ${y + 1}, column ${x + 1}`}
          .value=${Number.isFinite(v) ? formatWeight(v) : ''} aria-invalid=${Number.isFinite(v) ? 'false' : 'true'}
          @input=${(e) => this.setWeight(i, y, x, e.target.value)}
          @keydown=${(e) => this.onCellKey(e, i, y, x)}
          @paste=${(e) => this.onCellPaste(e, i)}></td>`)}</tr>`)}
    </table>`;
  }

  renderKernel(kernel, i) {
    const map = this.result?.output[0][i];
    const flat = map ? map.flat() : [];
    const rows = kernel.weights[0].length;
    const columns = kernel.weights[0][0].length;
    return html`<fieldset class="kernel">
      <legend>${this.fixed ? kernel.name : `Kernel ${i + 1}`}</legend>
      ${this.fixed ? '' : html`<div class="kernel-tools">
        <label for=${`preset-${i}`}>Preset</label>
        <select id=${`preset-${i}`} @change=${(e) => e.target.value && this.setKernel(i, PRESETS[e.target.value], e.target.value)}>
          <option value="">choose…</option>
          ${Object.keys(PRESETS).map((name) => html`<option>${name}</option>`)}
        </select>
        <label for=${`rows-${i}`}>Rows</label>
        <input id=${`rows-${i}`} type="number" min="1" max="15" .value=${String(rows)}
               @change=${(e) => this.resizeKernel(i, Number(e.target.value), columns)}>
        <label for=${`cols-${i}`}>Columns</label>
        <input id=${`cols-${i}`} type="number" min="1" max="15" .value=${String(columns)}
               @change=${(e) => this.resizeKernel(i, rows, Number(e.target.value))}>
        ${this.saved ? html`<label for=${`saved-${i}`}>Mine</label>
          <select id=${`saved-${i}`} @change=${(e) => this.useSaved(i, e.target.value)}>
            <option value="">${this.saved.length ? 'load…' : 'none yet'}</option>
            ${this.saved.map((k) => html`<option>${k.name}</option>`)}
          </select>
          <label for=${`save-name-${i}`}>Save as</label>
          <input id=${`save-name-${i}`} type="text" maxlength="60" size="12" .value=${kernel.name}>
          <button type="button" @click=${() => this.save(i, this.renderRoot.querySelector(`#save-name-${i}`).value)}>Save</button>` : ''}
        ${this.kernels.length > 1 ? html`<button type="button" @click=${() => { this.kernels = this.kernels.filter((_, j) => j !== i); this.schedule(); }}>Remove</button>` : ''}
      </div>`}
      <div class="kernel-row">
        ${this.renderGrid(kernel, i)}
        <figure class="map">
          <canvas class="map" data-kernel=${i} tabindex="0" role="img"
                  aria-label=${map ? `Feature map of ${kernel.name}: ${map.length} by ${map[0].length}, from ${Math.min(...flat).toFixed(2)} to ${Math.max(...flat).toFixed(2)}` : 'Feature map being computed'}
                  @pointermove=${(e) => this.onMapPointer(e, i)}></canvas>
          <figcaption>${map ? `${map.length}×${map[0].length}; red positive, blue negative` : 'computing…'}</figcaption>
        </figure>
      </div>
    </fieldset>`;
  }

  render() {
    return html`
      <div class="controls">
        <fieldset>
          <legend>Image</legend>
          <label for="dataset">Set</label>
          <select id="dataset" @change=${(e) => { this.source = e.target.value; this.index = 0; this.loadImage(); }}>
            ${(this.datasets.length ? this.datasets : [{ name: this.source, title: this.source }]).map((d) =>
              html`<option value=${d.name} ?selected=${d.name === this.source}>${d.title}</option>`)}
          </select>
          <label for="image-index">Number</label>
          <input id="image-index" type="number" min="0" .value=${String(this.index)}
                 @change=${(e) => { this.index = Number(e.target.value); this.loadImage(); }}>
        </fieldset>
        ${this.fixed ? '' : html`<fieldset>
          <legend>Sliding</legend>
          <label for="stride">Stride</label>
          <input id="stride" type="number" min="1" max="8" .value=${String(this.stride)}
                 @change=${(e) => { this.stride = Math.max(1, Math.min(8, Number(e.target.value) || 1)); this.schedule(); }}>
          <label for="dilation">Dilation</label>
          <input id="dilation" type="number" min="1" max="8" .value=${String(this.dilation)}
                 @change=${(e) => { this.dilation = Math.max(1, Math.min(8, Number(e.target.value) || 1)); this.schedule(); }}>
          <label for="padding">Padding</label>
          <select id="padding" @change=${(e) => { this.paddingMode = e.target.value; this.schedule(); }}>
            <option value="valid" ?selected=${this.paddingMode === 'valid'}>valid (none)</option>
            <option value="same" ?selected=${this.paddingMode === 'same'}>same (TensorFlow)</option>
            <option value="explicit" ?selected=${this.paddingMode === 'explicit'}>zeros on each side</option>
          </select>
          ${this.paddingMode === 'explicit' ? html`<label for="padding-amount">Zeros</label>
            <input id="padding-amount" type="number" min="0" max="16" .value=${String(this.paddingAmount)}
                   @change=${(e) => { this.paddingAmount = Math.max(0, Math.min(16, Number(e.target.value) || 0)); this.schedule(); }}>` : ''}
        </fieldset>`}
      </div>
      ${this.fixed ? '' : html`<p class="formula" aria-live="polite">${this.formula()}</p>`}
      ${this.channels > 1 && !this.fixed ? html`<div class="tabs" role="group" aria-label="Channel to edit">
        ${CHANNEL_NAMES.map((name, c) => html`<button type="button" aria-pressed=${this.channelShown === c ? 'true' : 'false'}
            @click=${() => { this.channelShown = c; }}>Edit ${name}</button>`)}
        </div>` : ''}
      <div class="kernel-row">
        <figure>
          <canvas class="input" role="img" aria-label=${this.image ? `Input image: ${this.image.className}, ${this.image.height} by ${this.image.width}` : 'Input image loading'}></canvas>
          <figcaption>${this.image ? `Input: ${this.image.className} (${this.image.height}×${this.image.width})` : 'loading…'}</figcaption>
        </figure>
      </div>
      ${this.kernels.map((kernel, i) => this.renderKernel(kernel, i))}
      ${this.fixed || this.kernels.length >= 16 ? '' : html`<button type="button" class="primary"
          @click=${() => { const k = this.kernels[0].weights[0]; this.kernels = [...this.kernels, kernelFrom('Identity', resize([[0]], k.length, k[0].length), this.channels)]; this.schedule(); }}>Add a kernel</button>`}
      <p class="readout" aria-live="polite">${this.readout}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${this.result ? html`<p class="status">Computed by TensorFlow on the ${this.result.device} in ${this.result.computeMicros} µs; padding applied (top, bottom, left, right): ${this.result.padding.join(', ')}.</p>` : ''}
    `;
  }
}

customElements.define('cl-kernel-lab', KernelLab);
