// Step 8: train the lesson's network on the server and watch it learn. Reloading the page reattaches to a run still
// queued or running.
import { LitElement, html, css } from 'lit';
import { getJson, postJson, problemText } from 'app/js/api.js';
import { FINISHED } from './lib/run-view.js';

class TrainingRun extends LitElement {
  static properties = { loggedIn: { state: true }, runId: { state: true }, running: { state: true }, error: { state: true } };

  static styles = css`
    :host { display: block; }
    form { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; margin-bottom: 0.75rem; }
    label { font-weight: 600; }
    input, select, button { font: inherit; }
    input[type=number] { width: 5.5rem; }
    button { padding: 0.35rem 0.9rem; border: 1px solid #1d4ed8; border-radius: 0.3rem; background: #1d4ed8; color: #fff; cursor: pointer; }
    :is(input, select, button):focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
    .error { color: #b91c1c; }
  `;

  async connectedCallback() {
    super.connectedCallback();
    const runs = await getJson('/api/runs');
    this.loggedIn = runs.ok;
    const active = runs.ok ? runs.data.find((r) => !FINISHED.includes(r.state) && !r.verifiesRunId) : null;
    if (active) {
      this.runId = active.id;
      this.running = true;
    }
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
      this.error = problemText(data, 'The run could not be queued.');
      return;
    }
    this.error = null;
    this.runId = data.id;
    this.running = true;
  }

  render() {
    if (this.loggedIn === undefined) return html`<p>Loading…</p>`;
    if (!this.loggedIn) return html`<p><a href="/login">Log in</a> to train networks on the server.</p>`;
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
        <button type="submit" ?disabled=${this.running}>Train on the server</button>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${this.runId ? html`<p><a href=${`/runs/${this.runId}`}>Open run ${this.runId} on its own page</a></p>
        <cl-run-view run-id=${this.runId} @run-state=${(e) => { this.running = !FINISHED.includes(e.detail.state); }}></cl-run-view>` : ''}
    `;
  }
}

customElements.define('cl-training-run', TrainingRun);

export function mount(element) {
  element.replaceChildren(document.createElement('cl-training-run'));
}
