// Step 9: click an activation in any layer of a network you trained, and see on a real image which pixels it can see
// (its theoretical receptive field, a rectangle) and how much each one matters (its effective receptive field: the
// gradient of that activation with respect to the input, computed by TensorFlow on the server).
import { LitElement, html, css } from 'lit';
import { apiPath, getJson, postJson, problemText } from 'app/js/api.js';
import { t, number } from 'app/i18n/messages.js';
import { drawImage } from './lib/maps.js';
import { layerName } from './lib/architecture.js';
import { className } from './lib/datasets.js';
import { accuracyWithOutcome } from './lib/run-view.js';

/** Radius around the gradient's centre of mass that holds half of its total magnitude. */
function halfMassRadius(gradient) {
  const cells = [];
  let total = 0;
  let cy = 0;
  let cx = 0;
  gradient.forEach((row, y) => row.forEach((g, x) => {
    const m = Math.abs(g);
    cells.push({ y, x, m });
    total += m;
    cy += m * y;
    cx += m * x;
  }));
  if (total === 0) return null;
  cy /= total;
  cx /= total;
  cells.forEach((c) => { c.d = Math.hypot(c.y - cy, c.x - cx); });
  cells.sort((a, b) => a.d - b.d);
  let sum = 0;
  for (const c of cells) {
    sum += c.m;
    if (sum >= total / 2) return c.d;
  }
  return null;
}

class ReceptiveField extends LitElement {
  static properties = {
    loggedIn: { state: true }, runs: { state: true }, run: { state: true }, loading: { state: true }, training: { state: true }, layers: { state: true },
    layer: { state: true }, channel: { state: true }, image: { state: true }, field: { state: true }, error: { state: true },
  };

  static styles = css`
    :host { display: block; }
    form { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; }
    label { font-weight: 600; }
    input, select, button { font: inherit; }
    select { max-width: 100%; }
    input[type=number] { width: 5rem; }
    button.primary { padding: 0.35rem 0.9rem; border: 1px solid #1d4ed8; border-radius: 0.3rem; background: #1d4ed8; color: #fff; cursor: pointer; }
    :is(input, select, button):focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
    .layout { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; margin-top: 0.75rem; }
    .activations { display: inline-grid; gap: 1px; background: #d1d5db; border: 1px solid #d1d5db; }
    .activations button { width: 16px; height: 16px; padding: 0; border: none; background: #fff; cursor: pointer; }
    .activations button[aria-pressed=true] { background: #f59e0b; }
    figure { margin: 0; }
    figure div { position: relative; width: 196px; height: 196px; }
    canvas { width: 196px; height: 196px; image-rendering: pixelated; border: 1px solid #6b7280; }
    .window { position: absolute; border: 2px solid #f59e0b; box-sizing: border-box; pointer-events: none; }
    figcaption { font-size: 0.9rem; color: #4b5563; max-width: 196px; }
    .error { color: #b91c1c; }
  `;

  constructor() {
    super();
    this.layer = 0;
    this.channel = 0;
    this.image = 0;
  }

  async connectedCallback() {
    super.connectedCallback();
    const runs = await getJson('/api/runs');
    if (runs.ok) {
      this.runs = runs.data.filter((r) => r.state === 'succeeded' && !r.verifiesRunId);
      if (this.runs.length) await this.use(this.runs[0]);
    }
    this.loggedIn = runs.ok;
  }

  /** Probes {@code run} from now on: its layers are planned before it is shown, so nothing renders without them. */
  async use(run) {
    this.loading = true;
    const plan = await postJson('/api/architectures', run.settings);
    this.layers = plan.ok ? plan.data.layers.slice(0, -1) : [];
    this.layer = 0;
    this.channel = 0;
    this.field = null;
    this.error = plan.ok ? null : problemText(plan.data, t('field.notPlanned'));
    this.run = run;
    this.loading = false;
  }

  async trainNow() {
    const defaults = await getJson('/api/runs/defaults');
    if (!defaults.ok) {
      this.error = problemText(defaults.data, t('field.noDefaults'));
      return;
    }
    const { ok, data } = await postJson('/api/runs', defaults.data);
    if (!ok) {
      this.error = problemText(data, t('training.notQueued'));
      return;
    }
    this.training = data.id;
  }

  async onRunState(event) {
    if (event.detail.state === 'succeeded') {
      this.training = null;
      const run = (await getJson(apiPath`/api/runs/${event.detail.id}`)).data;
      this.runs = [run, ...(this.runs ?? [])];
      await this.use(run);
    }
  }

  async pick(y, x) {
    const { ok, data } = await postJson(apiPath`/api/runs/${this.run.id}/receptive-field`,
      { layer: this.layer, channel: this.channel, y, x, image: this.image });
    this.error = ok ? null : problemText(data, t('field.notComputed'));
    this.field = ok ? { ...data, y, x } : null;
  }

  async choose(event) {
    const id = Number(event.target.value);
    if (id !== this.run?.id) await this.use(this.runs.find((r) => r.id === id));
  }

  updated() {
    if (!this.field) return;
    const [digit, gradient] = this.renderRoot.querySelectorAll('figure canvas');
    drawImage(digit, this.field.image);
    const scale = Math.max(1e-12, ...this.field.gradient.flat().map(Math.abs));
    drawImage(gradient, this.field.gradient.map((row) => row.map((g) => 1 - Math.abs(g) / scale)));
  }

  windowBox() {
    const w = this.field.window;
    const px = 196 / 28;
    return `left: ${w.left * px}px; top: ${w.top * px}px; width: ${(w.right - w.left + 1) * px}px; height: ${(w.bottom - w.top + 1) * px}px`;
  }

  controls() {
    const layer = this.layers[this.layer];
    return html`<form @submit=${(e) => e.preventDefault()}>
      <label for="rf-run">${t('field.run')}</label>
      <select id="rf-run" @change=${this.choose} ?disabled=${this.loading}>
        ${this.runs.map((r) => html`<option value=${r.id} ?selected=${r.id === this.run.id}>${this.runLabel(r)}</option>`)}
      </select>
      <label for="rf-layer">${t('field.layer')}</label>
      <select id="rf-layer" ?disabled=${this.loading} @change=${(e) => { this.layer = Number(e.target.value); this.channel = 0; this.field = null; }}>
        ${this.layers.map((l, i) => html`<option value=${i} ?selected=${i === this.layer}>${i + 1}: ${layerName(l.name)} (${l.channels}×${l.height}×${l.width})</option>`)}
      </select>
      <label for="rf-channel">${t('field.channel')}</label>
      <input id="rf-channel" type="number" min="0" max=${layer.channels - 1} .value=${String(this.channel)}
        @change=${(e) => { this.channel = Math.min(layer.channels - 1, Math.max(0, Number(e.target.value) || 0)); this.field = null; }}>
      <label for="rf-image">${t('field.image')}</label>
      <input id="rf-image" type="number" min="0" .value=${String(this.image)}
        @change=${(e) => { this.image = Math.max(0, Number(e.target.value) || 0); if (this.field) this.pick(this.field.y, this.field.x); }}>
    </form>`;
  }

  activationGrid() {
    const layer = this.layers[this.layer];
    const cells = [];
    for (let y = 0; y < layer.height; y++) {
      for (let x = 0; x < layer.width; x++) {
        const pressed = this.field?.y === y && this.field?.x === x;
        cells.push(html`<button ?disabled=${this.loading} aria-pressed=${pressed} aria-label=${t('field.activation', { row: y, column: x })} @click=${() => this.pick(y, x)}></button>`);
      }
    }
    return html`<div><p id="rf-grid-label">${t('field.pick', { layer: this.layer + 1, size: `${layer.height}×${layer.width}`, channel: this.channel })}</p>
      <div class="activations" role="group" aria-labelledby="rf-grid-label" style=${`grid-template-columns: repeat(${layer.width}, 16px)`}>${cells}</div></div>`;
  }

  fieldView() {
    if (!this.field) return '';
    const w = this.field.window;
    const radius = halfMassRadius(this.field.gradient);
    const field = this.layers[this.layer].receptiveField;
    return html`
      <figure><div><canvas role="img" aria-label=${t('field.inputImage')}></canvas><span class="window" style=${this.windowBox()}></span></div>
        <figcaption>${t('field.theoretical', { what: this.classText(this.field.label), top: w.top, bottom: w.bottom, left: w.left, right: w.right,
          field: `${field}×${field}` })}</figcaption></figure>
      <figure><div><canvas role="img" aria-label=${t('field.gradientImage')}></canvas><span class="window" style=${this.windowBox()}></span></div>
        <figcaption>${radius == null ? t('field.effectiveZero', { activation: number(this.field.activation, 3) })
          : t('field.effective', { activation: number(this.field.activation, 3), radius: number(radius, 1) })}</figcaption></figure>`;
  }

  runLabel(run) {
    const s = run.settings;
    return t('field.runLabel', { run: run.id, dataset: s.dataset, epochs: s.epochs, accuracy: accuracyWithOutcome(run) });
  }

  classText(label) {
    const name = className(this.run.settings.dataset, label);
    return t(this.run.settings.dataset === 'mnist' ? 'field.digit' : 'field.class', { name });
  }

  render() {
    if (this.loggedIn === undefined) return html`<p>${t('common.loading')}</p>`;
    if (!this.loggedIn) return html`<p>${t('field.logInFirst', { login: html`<a href="/login">${t('common.logIn')}</a>` })}</p>`;
    if (!this.run) {
      return html`<p>${t('field.needsRun')}</p>
        ${this.training ? html`<cl-run-view run-id=${this.training} @run-state=${this.onRunState}></cl-run-view>`
          : html`<button class="primary" @click=${this.trainNow}>${t('field.trainNow')}</button>`}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}`;
    }
    if (!this.layers.length) return html`<p class="error" role="alert">${this.error}</p>`;
    return html`${this.run.outcome?.kind === 'collapsed' ? html`<p class="error">${t('field.collapsed', { run: this.run.id })}</p>` : ''}
      ${this.controls()}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      <div class="layout">${this.activationGrid()}${this.fieldView()}</div>`;
  }
}

customElements.define('cl-receptive-field', ReceptiveField);

export function mount(element) {
  element.replaceChildren(document.createElement('cl-receptive-field'));
}
