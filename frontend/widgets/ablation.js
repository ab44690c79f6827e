// Step 11: queue one variant over several seeds, see what it will cost, and follow your runs in a list.
import { LitElement, html, css } from 'lit';
import { apiPath, downloadCsv, getJson, postJson, problemText } from 'app/js/api.js';
import { VARIANTS, architectureFields, readArchitecture } from './lib/architecture.js';
import { FINISHED, accuracyWithOutcome, duration } from './lib/run-view.js';

class Ablation extends LitElement {
  static properties = { loggedIn: { state: true }, runs: { state: true }, settings: { state: true }, message: { state: true }, error: { state: true } };

  static styles = css`
    :host { display: block; }
    @media (max-width: 40rem) { table.runs { display: block; overflow-x: auto; } }
    form { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; }
    fieldset { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; border: 1px solid #d1d5db; border-radius: 0.3rem; }
    legend { font-weight: 700; }
    label { font-weight: 600; }
    input, select, button { font: inherit; }
    input[type=number] { width: 5.5rem; }
    button { padding: 0.35rem 0.9rem; border: 1px solid #1d4ed8; border-radius: 0.3rem; background: #1d4ed8; color: #fff; cursor: pointer; }
    button.secondary { background: #fff; color: #1d4ed8; }
    :is(input, select, button, a):focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
    .help { color: #4b5563; font-size: 0.9rem; }
    .error, .collapsed { color: #b91c1c; }
    .collapsed { font-weight: 600; }
    table { border-collapse: collapse; width: 100%; font-size: 0.95rem; margin-top: 0.75rem; }
    th, td { border-bottom: 1px solid #e5e7eb; padding: 0.3rem 0.5rem; text-align: left; }
    progress { width: 6rem; }
    .scroll { overflow-x: auto; max-width: 100%; }
  `;

  async connectedCallback() {
    super.connectedCallback();
    await this.refresh();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  async refresh() {
    clearTimeout(this.timer);
    const { ok, data } = await getJson('/api/runs');
    this.loggedIn = ok;
    if (!ok) return;
    this.runs = data.filter((r) => !r.verifiesRunId);
    if (this.runs.some((r) => !FINISHED.includes(r.state))) {
      this.timer = setTimeout(() => this.refresh(), 2000);
    }
  }

  firstUpdated() {
    this.read();
  }

  updated() {
    if (!this.settings && this.renderRoot.querySelector('form')) this.read();
  }

  read() {
    const form = this.renderRoot.querySelector('form');
    if (form) this.settings = readArchitecture(form);
  }

  async submit(event) {
    event.preventDefault();
    const form = event.target;
    const seeds = form.seeds.value.split(/[\s,]+/).filter(Boolean).map(Number);
    if (!seeds.length || seeds.some((s) => !Number.isInteger(s))) {
      this.error = 'seeds: list whole numbers, such as 1, 2, 3';
      return;
    }
    const common = { ...readArchitecture(form), dataset: form.dataset.value, optimizer: form.optimizer.value,
      learningRate: Number(form.learningRate.value), batchSize: Number(form.batchSize.value), epochs: Number(form.epochs.value) };
    const queued = [];
    this.error = null;
    for (const seed of seeds) {
      const { ok, data } = await postJson('/api/runs', { ...common, seed });
      if (!ok) {
        this.error = `Seed ${seed} was not queued: ${problemText(data, 'the server refused it')}`;
        break;
      }
      queued.push(seed);
    }
    this.message = queued.length ? `Queued seed(s) ${queued.join(', ')}.` : '';
    await this.refresh();
  }

  async cancel(id) {
    await postJson(apiPath`/api/runs/${id}/cancel`);
    await this.refresh();
  }

  row(run) {
    const s = run.settings;
    const active = !FINISHED.includes(run.state);
    return html`<tr>
      <td><a href=${`/runs/${run.id}`}>${run.id}</a></td>
      <td>${VARIANTS[s.downsampling]}, ${s.kernelSize}×${s.kernelSize}, ${s.channels.join('-')}${s.batchNorm ? ', batch norm' : ''}, ${s.dataset}, ${s.optimizer} ${s.learningRate}, batch ${s.batchSize}</td>
      <td>${s.epochs}</td><td>${s.seed}</td>
      <td>${run.outcome?.kind === 'collapsed' ? html`<span class="collapsed" title=${run.outcome.explanation}>collapsed</span>` : run.state}${run.state === 'queued' ? ` (${run.queuePosition} ahead)` : ''}</td>
      <td>${active ? html`<progress max=${s.epochs} value=${run.epochsDone} aria-label=${`Run ${run.id}: ${run.epochsDone} of ${s.epochs} epochs`}></progress> ${duration(run.etaSeconds)}` : ''}</td>
      <td>${accuracyWithOutcome(run)}</td>
      <td>${active ? html`<button class="secondary" @click=${() => this.cancel(run.id)}>Cancel</button>` : ''}</td>
    </tr>`;
  }

  render() {
    if (this.loggedIn === undefined) return html`<p>Loading…</p>`;
    if (!this.loggedIn) return html`<p><a href="/login">Log in</a> to run the ablation on the server.</p>`;
    return html`
      <form @submit=${this.submit} @input=${this.read} @change=${this.read}>
        <fieldset><legend>Network</legend>${architectureFields('ablation')}</fieldset>
        <fieldset><legend>Training</legend>
          <label for="ablation-dataset">Data</label>
          <select id="ablation-dataset" name="dataset"><option value="fashion-mnist">Fashion-MNIST</option><option value="mnist">MNIST digits (shipped)</option></select>
          <label for="ablation-optimizer">Optimizer</label>
          <select id="ablation-optimizer" name="optimizer"><option value="SGD">SGD</option><option value="MOMENTUM">SGD with momentum</option><option value="ADAM">Adam</option></select>
          <label for="ablation-lr">Learning rate</label><input id="ablation-lr" name="learningRate" type="number" step="any" min="0.00001" max="10" value="0.4">
          <label for="ablation-batch">Batch</label><input id="ablation-batch" name="batchSize" type="number" min="1" max="4096" value="256">
          <label for="ablation-epochs">Epochs</label><input id="ablation-epochs" name="epochs" type="number" min="1" max="20" value="5">
          <label for="ablation-seeds">Seeds</label><input id="ablation-seeds" name="seeds" value="1, 2, 3" size="10">
        </fieldset>
        <button type="submit">Queue these runs</button>
      </form>
      <cl-network-plan .settings=${this.settings}></cl-network-plan>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      <p role="status" aria-live="polite">${this.message ?? ''}</p>
      <h3>Your runs</h3>
      ${this.runs?.length ? html`<div class="scroll" tabindex="0" role="region" aria-label="Your runs"><table class="runs">
        <thead><tr><th scope="col">run</th><th scope="col">configuration</th><th scope="col">epochs</th><th scope="col">seed</th>
          <th scope="col">state</th><th scope="col">progress, time left</th><th scope="col">test accuracy</th><th scope="col"><span class="help">actions</span></th></tr></thead>
        <tbody>${this.runs.map((run) => this.row(run))}</tbody></table></div>
        ${this.runs.some((r) => r.outcome?.kind === 'collapsed') ? html`<p class="help">A <span class="collapsed">collapsed</span> run
          ran to the end but learned next to nothing: its test accuracy is near chance, or it predicts one class for nearly
          every image (its page says which). It still counts in the leaderboard's statistics, since it is what that setting
          gave, and is marked there. Try a smaller learning rate, a smaller batch with more epochs, batch norm, or Adam.</p>` : ''}
        <p><button class="secondary" @click=${() => downloadCsv('/api/runs', 'my-runs.csv')}>Download my runs (CSV)</button></p>`
      : html`<p>No runs yet.</p>`}
    `;
  }
}

customElements.define('cl-ablation', Ablation);

export function mount(element) {
  element.replaceChildren(document.createElement('cl-ablation'));
}
