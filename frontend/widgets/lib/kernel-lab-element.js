// The kernel lab: learners type kernels and settings, TensorFlow on the server computes the maps.
// Kernels of one size go to the server in one request, so kernels of different sizes compute side by side; each
// map remembers the inputs it was computed from and is drawn only beside those inputs.
import { LitElement, html, css } from 'lit';
import { apiPath, getJson, postForMaps, putJson, problemText } from 'app/js/api.js';
import { t, lang, number } from 'app/i18n/messages.js';
import { PRESETS, LESSON_KERNELS, parseMatrix, resize, outputSize, samePadding, formatWeight, presetName } from './kernels.js';
import { drawImage, drawMap, cellAt, mapScale, displayScale } from './maps.js';
import { className, datasetTitle } from './datasets.js';

/** Each colour channel's name, as a word and as the title of its contribution map. */
const CHANNELS = [
  { name: 'kernelLab.channel.red', contribution: 'kernelLab.contribution.red' },
  { name: 'kernelLab.channel.green', contribution: 'kernelLab.contribution.green' },
  { name: 'kernelLab.channel.blue', contribution: 'kernelLab.contribution.blue' },
];
const DEBOUNCE_MS = 250;
const BUSY_RETRY_MS = 1000;
const MAX_KERNELS = 16;
const MAX_WEIGHT = 1e6;
const SHOWN_SIDE = 196;

let nextId = 1;
/** A kernel of {@code channels} copies of {@code matrix}; {@code preset} names the preset it is, if it is one. */
const kernelFrom = (name, matrix, channels, preset) => ({
  id: nextId++, name, preset, weights: Array.from({ length: channels }, () => matrix.map((row) => [...row])),
});
const fromPreset = (preset, channels) => kernelFrom(presetName(preset), PRESETS[preset], channels, preset);
const sizeOf = (kernel) => `${kernel.weights[0].length}×${kernel.weights[0][0].length}`;
const clamp = (value, min, max) => Math.max(min, Math.min(max, Math.trunc(Number(value)) || min));
const weightsValid = (kernel) => kernel.weights.every((c) => c.every((row) => row.every((v) => Number.isFinite(v) && Math.abs(v) <= MAX_WEIGHT)));

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
    results: { state: true },
    error: { state: true },
    readout: { state: true },
    saved: { state: true },
  };

  static styles = css`
    :host { display: block; }
    fieldset { border: 1px solid #d1d5db; border-radius: 0.4rem; margin: 0 0 0.75rem; padding: 0.5rem 0.75rem; min-width: 0; }
    legend { font-weight: 600; padding: 0 0.3rem; }
    label { margin-right: 0.35rem; }
    .controls { display: flex; flex-wrap: wrap; gap: 0.75rem; }
    .controls fieldset { flex: 1 1 15rem; display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.35rem 0.5rem; align-items: center; justify-items: start; }
    .kernel-tools { display: flex; flex-wrap: wrap; gap: 0.35rem 0.5rem; align-items: center; margin-bottom: 0.5rem; }
    input, select, button { font: inherit; }
    select { max-width: 100%; }
    .kernel-row > .results { flex: 1 1 14rem; min-width: 0; }
    input[type=number] { width: 4.5rem; }
    button { padding: 0.3rem 0.7rem; border: 1px solid #1d4ed8; border-radius: 0.3rem; background: #fff; color: #1d4ed8; cursor: pointer; }
    button.primary { background: #1d4ed8; color: #fff; }
    :is(button, input, select, canvas, .scroll):focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
    .formula { font-family: ui-monospace, monospace; background: #f3f4f6; padding: 0.4rem 0.6rem; border-radius: 0.3rem; overflow-wrap: anywhere; }
    .formula span { display: block; }
    .kernel-row { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
    .maps { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: flex-start; min-width: 0; max-width: 100%; }
    .kernel-grid { border-collapse: collapse; }
    .kernel-grid td { padding: 1px; }
    .kernel-grid input { width: 3.4rem; text-align: right; padding: 0.2rem; border: 1px solid #6b7280; border-radius: 0.2rem; }
    .kernel-grid input[aria-invalid=true] { border-color: #b91c1c; background: #fee2e2; }
    .weights { overflow-x: auto; max-width: 100%; }
    .fixed-grid td { width: 2rem; text-align: right; border: 1px solid #d1d5db; padding: 0.15rem 0.3rem; font-family: ui-monospace, monospace; }
    figure { margin: 0; min-width: 0; max-width: 100%; }
    .scroll { overflow: auto; max-width: 100%; max-height: 70vh; }
    canvas { display: block; image-rendering: pixelated; border: 1px solid #6b7280; }
    canvas.stale { opacity: 0.3; }
    figcaption, .readout { font-size: 0.9rem; color: #374151; }
    .status, .legend { color: #374151; font-size: 0.9rem; }
    .pending { color: #92400e; font-weight: 600; }
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
    this.results = {};
    this.kernels = [fromPreset('topEdge', 1)];
  }

  connectedCallback() {
    super.connectedCallback();
    if (this.fixed) {
      this.kernels = LESSON_KERNELS.map((preset) => fromPreset(preset, 1));
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

  /** The learner's saved kernels; null when not logged in (the page has no log-out form), which hides saving. */
  async loadSaved() {
    if (!document.querySelector('form[action="/logout"]')) {
      this.saved = null;
      return;
    }
    const { ok, data } = await getJson('/api/me/kernels');
    this.saved = ok ? data : null;
  }

  async save(i, name) {
    const kernel = this.kernels[i];
    const { ok, data } = await putJson(apiPath`/api/me/kernels/${name.trim()}`, { weights: kernel.weights });
    this.readout = ok ? t('kernelLab.saved', { name: data.name }) : (data?.detail ?? t('kernelLab.notSaved'));
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
      this.error = data?.detail ?? t('kernelLab.imageNotLoaded');
      return;
    }
    this.error = null;
    this.index = index;
    if (data.channels !== this.channels || !this.image) {
      this.kernels = this.kernels.map((k) => ({ ...k, weights: Array.from({ length: data.channels }, () => k.weights[0].map((row) => [...row])) }));
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

  /** A kernel's own dilation, else the one set for all. */
  dilationOf(kernel) {
    return kernel.dilation ?? this.dilation;
  }

  /** Everything a kernel's maps depend on: a map is shown only beside the inputs of the same key. */
  keyOf(kernel) {
    return JSON.stringify([this.source, this.image?.index, this.stride, this.dilationOf(kernel), this.padding(), kernel.weights]);
  }

  /** Sets the dilation of every kernel, replacing any kernel's own. */
  setDilation(value) {
    this.dilation = clamp(value, 1, 8);
    this.kernels = this.kernels.map(({ dilation, ...kernel }) => kernel);
    this.schedule();
  }

  setKernelDilation(i, value) {
    const copy = [...this.kernels];
    copy[i] = { ...copy[i], dilation: clamp(value, 1, 8) };
    this.kernels = copy;
    this.schedule();
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.compute(), DEBOUNCE_MS);
  }

  /** The kernels as the API takes them; on colour input each also as its three one-channel parts. */
  requestKernels(kernel) {
    if (this.channels === 1) {
      return [kernel.weights[0]];
    }
    const stacked = (keep) => kernel.weights[0].map((row, y) => row.map((_, x) => kernel.weights.map((channel, c) => (keep(c) ? channel[y][x] : 0))));
    return [stacked(() => true), ...CHANNELS.map((_, only) => stacked((c) => c === only))];
  }

  /** One request per kernel size, each kernel's maps or error stored under the inputs they belong to. */
  compute() {
    if (!this.image) {
      return;
    }
    const results = { ...this.results };
    const groups = new Map();
    for (const kernel of this.kernels) {
      const key = this.keyOf(kernel);
      if (results[kernel.id]?.key === key) {
        continue;
      }
      if (!weightsValid(kernel)) {
        results[kernel.id] = { key, error: t('kernelLab.weightRange', { max: MAX_WEIGHT }) };
        continue;
      }
      const [rows, columns] = this.outputShape(kernel);
      if (rows < 1 || columns < 1) {
        results[kernel.id] = { key, error: t('kernelLab.doesNotFit', { size: sizeOf(kernel), dilation: this.dilationOf(kernel),
          image: `${this.image.height}×${this.image.width}` }) };
        continue;
      }
      const group = `${sizeOf(kernel)} d${this.dilationOf(kernel)}`;
      groups.set(group, [...(groups.get(group) ?? []), { kernel, key }]);
    }
    this.results = results;
    // A colour kernel's four maps of a 256×256 photo are already a large answer: one such kernel per request keeps
    // every request within the server's answer budget for visitors who are not logged in.
    const perRequest = this.channels === 1 ? MAX_KERNELS : 1;
    for (const group of groups.values()) {
      for (let i = 0; i < group.length; i += perRequest) {
        this.computeGroup(group.slice(i, i + perRequest));
      }
    }
  }

  async computeGroup(group) {
    const parts = this.channels === 1 ? 1 : 4;
    const { ok, status, data } = await postForMaps('/api/convolutions', {
      input: { dataset: this.source, indices: [this.image.index] },
      kernels: group.flatMap(({ kernel }) => this.requestKernels(kernel)),
      stride: this.stride,
      dilation: this.dilationOf(group[0].kernel),
      padding: this.padding(),
    });
    if (status === 503 || status === 429) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.compute(), BUSY_RETRY_MS);
      return;
    }
    const results = { ...this.results };
    group.forEach(({ kernel, key }, i) => {
      const current = this.kernels.find((k) => k.id === kernel.id);
      if (!current || this.keyOf(current) !== key) {
        return;
      }
      results[kernel.id] = ok
        ? { key, maps: data.output[0].slice(i * parts, (i + 1) * parts), padding: data.padding, device: data.device, micros: data.computeMicros }
        : { key, error: problemText(data, t('kernelLab.notComputed')) };
    });
    this.results = results;
  }

  /** The stored result for a kernel, and whether it was computed from what the page shows now. */
  resultOf(kernel) {
    const result = this.results[kernel.id];
    return { result, current: result?.key === this.keyOf(kernel) };
  }

  updated() {
    const input = this.renderRoot.querySelector('canvas.input');
    if (input && this.image) {
      drawImage(input, this.image.pixels);
    }
    for (const kernel of this.kernels) {
      const { result } = this.resultOf(kernel);
      const canvases = this.renderRoot.querySelectorAll(`canvas.map[data-kernel="${kernel.id}"]`);
      if (result?.maps) {
        const scale = mapScale(result.maps);
        canvases.forEach((canvas) => drawMap(canvas, result.maps[Number(canvas.dataset.part)], scale));
      }
    }
  }

  setWeight(kernel, y, x, text) {
    const value = Number(text);
    const copy = this.kernels.map((k) => ({ ...k, weights: k.weights.map((c) => c.map((row) => [...row])) }));
    copy[kernel].weights[this.channelShown][y][x] = text.trim() === '' ? NaN : value;
    this.kernels = copy;
    this.schedule();
  }

  setKernel(kernel, matrix, name, preset) {
    const copy = [...this.kernels];
    copy[kernel] = { ...kernelFrom(name ?? copy[kernel].name, matrix, this.channels, preset), id: copy[kernel].id };
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

  /** Adds the first preset not on the page yet (3×3), so the new kernel shows a map of its own at once. */
  addKernel() {
    const used = new Set(this.kernels.map((k) => k.preset));
    const preset = Object.keys(PRESETS).find((n) => !used.has(n)) ?? 'identity';
    this.kernels = [...this.kernels, fromPreset(preset, this.channels)];
    this.schedule();
  }

  removeKernel(i) {
    this.kernels = this.kernels.filter((_, j) => j !== i);
  }

  /** One arrow press moves one cell; only while a number is being typed do left and right move the caret inside it. */
  onCellKey(event, kernel, y, x) {
    const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[event.key];
    if (!move || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    const { selectionStart, selectionEnd, value } = event.target;
    const atEdge = selectionStart === selectionEnd && (move[1] < 0 ? selectionStart === 0 : selectionEnd === value.length);
    if (move[1] !== 0 && this.editingCell === event.target && !atEdge) {
      return;
    }
    event.preventDefault();
    const target = this.renderRoot.querySelector(`input[data-cell="${kernel}-${y + move[0]}-${x + move[1]}"]`);
    if (target) {
      target.focus();
      target.select();
    }
  }

  onCellPaste(event, kernel) {
    const text = event.clipboardData.getData('text');
    if (!/[\n;[]/.test(text)) {
      return;
    }
    event.preventDefault();
    try {
      this.setKernel(kernel, parseMatrix(text), t('kernelLab.pasted'));
    } catch (problem) {
      this.error = problem.message;
    }
  }

  onMapPointer(event, i, map, part) {
    const cell = map && cellAt(event, event.target, map);
    this.readout = cell ? t(part ? 'kernelLab.readoutPart' : 'kernelLab.readout',
      { kernel: i + 1, part, row: cell.row, column: cell.column, value: number(cell.value, 3) }) : '';
  }

  /** The map's rows and columns for a kernel, by the output-size formula. */
  outputShape(kernel) {
    const [kh, kw, d] = [kernel.weights[0].length, kernel.weights[0][0].length, this.dilationOf(kernel)];
    return [outputSize(this.image.height, kh, this.stride, ...this.padsAlong(this.image.height, kh, this.stride, d), d),
      outputSize(this.image.width, kw, this.stride, ...this.padsAlong(this.image.width, kw, this.stride, d), d)];
  }

  /** The output-size formula, once per kernel size and dilation on the page. */
  formulas() {
    if (!this.image) return [];
    const kinds = new Map(this.kernels.map((k) => [`${sizeOf(k)} d${this.dilationOf(k)}`,
      { size: sizeOf(k), kh: k.weights[0].length, kw: k.weights[0][0].length, d: this.dilationOf(k) }]));
    return [...kinds.values()].map(({ size, kh, kw, d }) => {
      const [pt, pb] = this.padsAlong(this.image.height, kh, this.stride, d);
      const [pl, pr] = this.padsAlong(this.image.width, kw, this.stride, d);
      const rows = outputSize(this.image.height, kh, this.stride, pt, pb, d);
      const columns = outputSize(this.image.width, kw, this.stride, pl, pr, d);
      const shown = (n) => (n < 1 ? t('kernelLab.noFit') : n);
      const formula = {
        rows: `floor((${this.image.height} + ${pt} + ${pb} − ${d}·(${kh}−1) − 1) / ${this.stride}) + 1 = ${shown(rows)}`,
        columns: `floor((${this.image.width} + ${pl} + ${pr} − ${d}·(${kw}−1) − 1) / ${this.stride}) + 1 = ${shown(columns)}`,
      };
      return kinds.size > 1 ? t('kernelLab.formulaOfSize', { size, dilation: d, ...formula }) : t('kernelLab.formula', formula);
    });
  }

  renderGrid(kernel, i) {
    const weights = kernel.weights[this.fixed ? 0 : this.channelShown];
    if (this.fixed) {
      return html`<table class="fixed-grid"><caption>${kernel.name}</caption>
        ${weights.map((row) => html`<tr>${row.map((v) => html`<td>${formatWeight(v)}</td>`)}</tr>`)}</table>`;
    }
    const channel = this.channels > 1 ? t(CHANNELS[this.channelShown].name) : null;
    const grid = channel ? t('kernelLab.weightsOfChannel', { kernel: i + 1, channel }) : t('kernelLab.weights', { kernel: i + 1 });
    const cell = (y, x) => t(channel ? 'kernelLab.cellOfChannel' : 'kernelLab.cell', { kernel: i + 1, channel, row: y + 1, column: x + 1 });
    return html`<div class="weights"><table class="kernel-grid" aria-label=${grid}>
      ${weights.map((row, y) => html`<tr>${row.map((v, x) => html`<td><input data-cell=${`${i}-${y}-${x}`}
          inputmode="decimal" aria-label=${cell(y, x)}
          .value=${Number.isFinite(v) ? formatWeight(v) : ''} aria-invalid=${Number.isFinite(v) ? 'false' : 'true'}
          @focus=${() => { this.editingCell = null; }}
          @input=${(e) => { this.editingCell = e.target; this.setWeight(i, y, x, e.target.value); }}
          @keydown=${(e) => this.onCellKey(e, i, y, x)}
          @paste=${(e) => this.onCellPaste(e, i)}></td>`)}</tr>`)}
    </table></div>`;
  }

  /** One map: drawn at a whole multiple of its size (never squeezed), the scale said in its caption. */
  renderMap(kernel, i, result, current, part, title) {
    const map = result?.maps?.[part];
    const zoom = map ? displayScale(map[0].length, SHOWN_SIDE) : 1;
    const flat = map && current ? map.flat() : [];
    const what = title ? t('kernelLab.partOfKernel', { title, kernel: i + 1 })
      : this.fixed ? t('kernelLab.featureMapOf', { name: kernel.name }) : t('kernelLab.featureMapOfKernel', { kernel: i + 1 });
    const partLabel = title.toLocaleLowerCase(lang);
    let caption;
    if (!map) {
      caption = html`<span class="pending">${t('kernelLab.computing')}</span>`;
    } else if (!current) {
      caption = html`<span class="pending">${t('kernelLab.outOfDate')}</span>`;
    } else {
      const size = `${map.length}×${map[0].length}`;
      const drawn = zoom === 1 ? t('kernelLab.mapActualSize', { size }) : t('kernelLab.mapZoomed', { size, zoom });
      caption = title ? t('kernelLab.mapTitled', { title: html`<strong>${title}</strong>`, drawn }) : drawn;
    }
    return html`<figure class="map" style=${`width:${Math.max(160, (map ? map[0].length * zoom : SHOWN_SIDE) + 2)}px`}>
      <div class="scroll" tabindex=${map && zoom === 1 && map[0].length > SHOWN_SIDE ? '0' : '-1'} role="group" aria-label=${what}>
        <canvas class=${`map${current ? '' : ' stale'}`} data-kernel=${kernel.id} data-part=${part} role="img"
                style=${map ? `width:${map[0].length * zoom}px;height:${map.length * zoom}px` : `width:${SHOWN_SIDE}px;height:${SHOWN_SIDE}px`}
                aria-label=${map && current ? t('kernelLab.mapLabel', { what, rows: map.length, columns: map[0].length,
                    min: number(Math.min(...flat), 2), max: number(Math.max(...flat), 2) })
                  : t('kernelLab.mapPending', { what })}
                @pointermove=${(e) => current && this.onMapPointer(e, i, map, partLabel)}></canvas>
      </div>
      <figcaption>${caption}</figcaption>
    </figure>`;
  }

  renderMaps(kernel, i) {
    const { result, current } = this.resultOf(kernel);
    if (current && result.error) {
      return html`<p class="error" role="alert">${t('kernelLab.kernelError', { kernel: i + 1, error: result.error })}</p>`;
    }
    const maps = this.channels === 1 ? [this.renderMap(kernel, i, result, current, 0, '')]
      : [...CHANNELS.map((channel, c) => this.renderMap(kernel, i, result, current, c + 1, t(channel.contribution))),
        this.renderMap(kernel, i, result, current, 0, t('kernelLab.sum'))];
    return html`<div class="maps">${maps}</div>
      ${result?.maps && current ? html`<p class="status">${t('kernelLab.computedBy',
        { padding: result.padding.join(', '), device: result.device, micros: number(result.micros) })}</p>` : ''}`;
  }

  renderKernel(kernel, i) {
    const rows = kernel.weights[0].length;
    const columns = kernel.weights[0][0].length;
    return html`<fieldset class="kernel">
      <legend>${this.fixed ? kernel.name : t(this.dilationOf(kernel) > 1 ? 'kernelLab.legendDilated' : 'kernelLab.legend',
        { kernel: i + 1, size: sizeOf(kernel), dilation: this.dilationOf(kernel) })}</legend>
      ${this.fixed ? '' : html`<div class="kernel-tools">
        <label for=${`preset-${i}`}>${t('kernelLab.preset')}</label>
        <select id=${`preset-${i}`} @change=${(e) => e.target.value && this.setKernel(i, PRESETS[e.target.value], presetName(e.target.value), e.target.value)}>
          <option value="">${t('kernelLab.choose')}</option>
          ${Object.keys(PRESETS).map((preset) => html`<option value=${preset}>${presetName(preset)}</option>`)}
        </select>
        <label for=${`rows-${i}`}>${t('kernelLab.rows')}</label>
        <input id=${`rows-${i}`} type="number" min="1" max="15" .value=${String(rows)}
               @change=${(e) => this.resizeKernel(i, Number(e.target.value), columns)}>
        <label for=${`cols-${i}`}>${t('kernelLab.columns')}</label>
        <input id=${`cols-${i}`} type="number" min="1" max="15" .value=${String(columns)}
               @change=${(e) => this.resizeKernel(i, rows, Number(e.target.value))}>
        <label for=${`dilation-${i}`}>${t('kernelLab.dilation')}</label>
        <input id=${`dilation-${i}`} type="number" min="1" max="8" .value=${String(this.dilationOf(kernel))}
               @change=${(e) => this.setKernelDilation(i, e.target.value)}>
        ${this.saved ? html`<label for=${`saved-${i}`}>${t('kernelLab.mine')}</label>
          <select id=${`saved-${i}`} @change=${(e) => this.useSaved(i, e.target.value)}>
            <option value="">${this.saved.length ? t('kernelLab.load') : t('kernelLab.noneYet')}</option>
            ${this.saved.map((k) => html`<option>${k.name}</option>`)}
          </select>
          <label for=${`save-name-${i}`}>${t('kernelLab.saveAs')}</label>
          <input id=${`save-name-${i}`} type="text" maxlength="60" size="12" .value=${kernel.name}>
          <button type="button" @click=${() => this.save(i, this.renderRoot.querySelector(`#save-name-${i}`).value)}>${t('kernelLab.save')}</button>` : ''}
        ${this.kernels.length > 1 ? html`<button type="button" @click=${() => this.removeKernel(i)}>${t('kernelLab.remove')}</button>` : ''}
      </div>`}
      <div class="kernel-row">
        ${this.renderGrid(kernel, i)}
        <div class="results">${this.renderMaps(kernel, i)}</div>
      </div>
    </fieldset>`;
  }

  /** The input's class ("7", "astronaut") in the page's language. */
  imageName() {
    return className(this.source, this.image.label) || this.image.className;
  }

  inputCaption(zoom) {
    const params = { name: this.imageName(), size: `${this.image.height}×${this.image.width}`, zoom };
    if (this.image.channels === 1) {
      return t(zoom === 1 ? 'kernelLab.inputCaptionGrey' : 'kernelLab.inputCaptionGreyZoomed', params);
    }
    return t(zoom === 1 ? 'kernelLab.inputCaption' : 'kernelLab.inputCaptionZoomed', params);
  }

  render() {
    const image = this.image;
    const inputZoom = image ? displayScale(image.width, SHOWN_SIDE) : 1;
    return html`
      <div class="controls">
        <fieldset>
          <legend>${t('kernelLab.image')}</legend>
          <label for="dataset">${t('kernelLab.set')}</label>
          <select id="dataset" @change=${(e) => { this.source = e.target.value; this.index = 0; this.loadImage(); }}>
            ${(this.datasets.length ? this.datasets : [{ name: this.source, title: this.source }]).map((d) =>
              html`<option value=${d.name} ?selected=${d.name === this.source}>${datasetTitle(d.name, d.title)}</option>`)}
          </select>
          <label for="image-index">${t('kernelLab.number')}</label>
          <input id="image-index" type="number" min="0" .value=${String(this.index)}
                 @change=${(e) => { this.index = Number(e.target.value); this.loadImage(); }}>
        </fieldset>
        ${this.fixed ? '' : html`<fieldset>
          <legend>${t('kernelLab.sliding')}</legend>
          <label for="stride">${t('kernelLab.stride')}</label>
          <input id="stride" type="number" min="1" max="8" .value=${String(this.stride)}
                 @change=${(e) => { this.stride = Math.max(1, Math.min(8, Number(e.target.value) || 1)); this.schedule(); }}>
          <label for="dilation">${t('kernelLab.dilationAll')}</label>
          <input id="dilation" type="number" min="1" max="8" .value=${String(this.dilation)}
                 @change=${(e) => this.setDilation(e.target.value)}>
          <label for="padding">${t('kernelLab.padding')}</label>
          <select id="padding" @change=${(e) => { this.paddingMode = e.target.value; this.schedule(); }}>
            <option value="valid" ?selected=${this.paddingMode === 'valid'}>${t('kernelLab.paddingValid')}</option>
            <option value="same" ?selected=${this.paddingMode === 'same'}>${t('kernelLab.paddingSame')}</option>
            <option value="explicit" ?selected=${this.paddingMode === 'explicit'}>${t('kernelLab.paddingZeros')}</option>
          </select>
          ${this.paddingMode === 'explicit' ? html`<label for="padding-amount">${t('kernelLab.zeros')}</label>
            <input id="padding-amount" type="number" min="0" max="16" .value=${String(this.paddingAmount)}
                   @change=${(e) => { this.paddingAmount = Math.max(0, Math.min(16, Number(e.target.value) || 0)); this.schedule(); }}>` : ''}
        </fieldset>`}
      </div>
      ${this.fixed ? '' : html`<p class="formula" aria-live="polite">${this.formulas().map((line) => html`<span>${line}</span>`)}</p>`}
      ${this.channels > 1 && !this.fixed ? html`<div class="tabs" role="group" aria-label=${t('kernelLab.channelToEdit')}>
        ${CHANNELS.map((channel, c) => html`<button type="button" aria-pressed=${this.channelShown === c ? 'true' : 'false'}
            @click=${() => { this.channelShown = c; }}>${t('kernelLab.edit', { channel: t(channel.name) })}</button>`)}
        </div>` : ''}
      <figure>
        <div class="scroll" tabindex=${inputZoom === 1 && image?.width > SHOWN_SIDE ? '0' : '-1'} role="group" aria-label=${t('kernelLab.inputImage')}>
          <canvas class="input" role="img" style=${image ? `width:${image.width * inputZoom}px;height:${image.height * inputZoom}px` : ''}
                  aria-label=${image ? t('kernelLab.inputLabel', { name: this.imageName(), rows: image.height, columns: image.width })
                    : t('kernelLab.inputLoading')}></canvas>
        </div>
        <figcaption>${image ? this.inputCaption(inputZoom) : t('kernelLab.loading')}</figcaption>
      </figure>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      <p class="legend">${this.channels > 1 ? t('kernelLab.colourLegendColour') : t('kernelLab.colourLegend')}</p>
      ${this.kernels.map((kernel, i) => this.renderKernel(kernel, i))}
      ${this.fixed || this.kernels.length >= MAX_KERNELS ? '' : html`<button type="button" class="primary" @click=${() => this.addKernel()}>${t('kernelLab.addKernel')}</button>`}
      <p class="readout" aria-live="polite">${this.readout}</p>
    `;
  }
}

customElements.define('cl-kernel-lab', KernelLab);
