// Step 8: train the lesson's network on the server and watch it learn: loss and accuracy per epoch (Apache ECharts),
// then the first layer's learned kernels. Reloading the page reattaches to a run still queued or running.
import { LitElement, html, css } from 'lit';
import * as echarts from '/_static/echarts/dist/echarts.esm.min.js';
import { apiPath, getJson, postJson } from 'app/js/api.js';
import { drawMap } from './lib/maps.js';

const FINISHED = ['succeeded', 'failed', 'diverged', 'canceled'];

class TrainingRun extends LitElement {
  static properties = {
    loggedIn: { state: true }, run: { state: true }, status: { state: true }, error: { state: true }, epochs: { state: true },
  };

  static styles = css`
    :host { display: block; }
    form { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; }
    label { font-weight: 600; }
    input, select, button { font: inherit; }
    input[type=number] { width: 5.5rem; }
    button { padding: 0.35rem 0.9rem; border: 1px solid #1d4ed8; border-radius: 0.3rem; background: #1d4ed8; color: #fff; cursor: pointer; }
    button.secondary { background: #fff; color: #1d4ed8; }
    :is(input, select, button):focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
    .chart { width: 100%; height: 300px; }
    .kernels { display: flex; flex-wrap: wrap; gap: 0.5rem; }
    .kernels canvas { width: 72px; height: 72px; image-rendering: pixelated; border: 1px solid #6b7280; }
    .error { color: #b91c1c; }
  `;

  constructor() {
    super();
    this.epochs = [];
    this.status = '';
  }

  async connectedCallback() {
    super.connectedCallback();
    const runs = await getJson('/api/runs');
    this.loggedIn = runs.ok;
    const active = runs.ok ? runs.data.find((r) => !FINISHED.includes(r.state)) : null;
    if (active) {
      this.follow(active.id);
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.source?.close();
  }

  async submit(event) {
    event.preventDefault();
    const form = event.target;
    const { ok, data } = await postJson('/api/runs', {
      dataset: form.dataset.value, downsampling: form.downsampling.value, optimizer: form.optimizer.value,
      learningRate: Number(form.learningRate.value), batchSize: Number(form.batchSize.value),
      epochs: Number(form.epochs.value), seed: Number(form.seed.value),
    });
    if (!ok) {
      this.error = data?.detail ?? 'The run could not be queued.';
      return;
    }
    this.error = null;
    this.follow(data.id);
  }

  follow(id) {
    this.source?.close();
    this.epochs = [];
    this.run = { id };
    this.source = new EventSource(apiPath`/api/runs/${id}/events`);
    this.source.onmessage = (message) => this.onEvent(JSON.parse(message.data));
  }

  onEvent(event) {
    if (event.kind === 'epoch') {
      this.epochs = [...this.epochs, event];
      return;
    }
    this.run = { ...this.run, ...event };
    this.status = event.state === 'queued' ? `Queued: ${event.queuePosition} run(s) ahead of yours.`
      : event.state === 'running' ? `Training: ${event.epochsDone} epoch(s) done.`
      : event.state === 'succeeded' ? `Done: test accuracy ${(event.result.testAccuracy * 100).toFixed(1)}% with ${event.result.parameters} parameters, ${Math.round(event.result.imagesPerSecond)} images/s.`
      : event.state === 'diverged' ? 'Diverged: the loss turned NaN or exploded. Try a smaller learning rate.'
      : `Run ${event.state}${event.error ? `: ${event.error}` : ''}.`;
    if (FINISHED.includes(event.state)) {
      this.source.close();
    }
  }

  async cancel() {
    await postJson(apiPath`/api/runs/${this.run.id}/cancel`);
  }

  updated() {
    const chartElement = this.renderRoot.querySelector('.chart');
    if (chartElement && this.epochs.length) {
      this.chart ??= echarts.init(chartElement, null, { renderer: 'svg' });
      this.chart.setOption({
        tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 48, right: 48, top: 36, bottom: 30 },
        xAxis: { type: 'category', name: 'epoch', data: this.epochs.map((e) => e.epoch) },
        yAxis: [{ type: 'value', name: 'loss' }, { type: 'value', name: 'accuracy', min: 0, max: 1 }],
        series: [
          { name: 'train loss', type: 'line', data: this.epochs.map((e) => e.trainLoss) },
          { name: 'validation loss', type: 'line', data: this.epochs.map((e) => e.validationLoss) },
          { name: 'validation accuracy', type: 'line', yAxisIndex: 1, data: this.epochs.map((e) => e.validationAccuracy) },
        ],
      });
    }
    this.renderRoot.querySelectorAll('.kernels canvas').forEach((canvas, i) => drawMap(canvas, this.run.result.firstLayerKernels[i]));
  }

  render() {
    if (this.loggedIn === undefined) return html`<p>Loading…</p>`;
    if (!this.loggedIn) return html`<p><a href="/login">Log in</a> to train networks on the server.</p>`;
    const running = this.run && !FINISHED.includes(this.run.state);
    return html`
      <form @submit=${this.submit}>
        <label for="run-dataset">Data</label>
        <select id="run-dataset" name="dataset"><option value="mnist">MNIST digits (shipped)</option><option value="fashion-mnist">Fashion-MNIST</option></select>
        <label for="run-downsampling">Downsampling</label>
        <select id="run-downsampling" name="downsampling"><option value="STRIDE2">stride-2 convolutions</option><option value="MAX_POOL">max-pool</option><option value="AVG_POOL">average-pool</option></select>
        <label for="run-optimizer">Optimizer</label>
        <select id="run-optimizer" name="optimizer"><option value="SGD">SGD</option><option value="MOMENTUM">SGD with momentum</option><option value="ADAM">Adam</option></select>
        <label for="run-lr">Learning rate</label><input id="run-lr" name="learningRate" type="number" step="any" min="0.00001" max="10" value="0.4">
        <label for="run-batch">Batch</label><input id="run-batch" name="batchSize" type="number" min="1" max="4096" value="256">
        <label for="run-epochs">Epochs</label><input id="run-epochs" name="epochs" type="number" min="1" max="20" value="1">
        <label for="run-seed">Seed</label><input id="run-seed" name="seed" type="number" value="1">
        <button type="submit" ?disabled=${running}>Train on the server</button>
        ${running ? html`<button type="button" class="secondary" @click=${this.cancel}>Cancel</button>` : ''}
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      <p class="status" role="status" aria-live="polite">${this.status}</p>
      ${this.epochs.length ? html`<div class="chart" role="img" aria-label=${`Loss and accuracy over ${this.epochs.length} epoch(s); last validation accuracy ${(this.epochs.at(-1).validationAccuracy * 100).toFixed(1)}%`}></div>` : ''}
      ${this.run?.result?.firstLayerKernels ? html`<h4>First layer's learned kernels</h4><div class="kernels">
        ${this.run.result.firstLayerKernels.map((_, i) => html`<canvas role="img" aria-label=${`Learned kernel ${i + 1}`}></canvas>`)}</div>` : ''}
    `;
  }
}

customElements.define('cl-training-run', TrainingRun);

export function mount(element) {
  element.replaceChildren(document.createElement('cl-training-run'));
}
