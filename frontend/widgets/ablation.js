// Step 11: queue one variant over several seeds, see what it will cost, and follow your runs in a list.
import { LitElement, html, css } from 'lit';
import { apiPath, downloadCsv, getJson, postJson, problemText } from 'app/js/api.js';
import { t, list } from 'app/i18n/messages.js';
import { architectureFields, readArchitecture, variantName } from './lib/architecture.js';
import { FINISHED, accuracyWithOutcome, duration, stateName } from './lib/run-view.js';

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
    /* Japanese breaks between any two characters: headings and states keep to one line, the table scrolls instead. */
    th, td.state { white-space: nowrap; }
    td.configuration { min-width: 12rem; }
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
      this.error = t('ablation.seedsInvalid');
      return;
    }
    const common = { ...readArchitecture(form), dataset: form.dataset.value, optimizer: form.optimizer.value,
      learningRate: Number(form.learningRate.value), batchSize: Number(form.batchSize.value), epochs: Number(form.epochs.value) };
    const queued = [];
    this.error = null;
    for (const seed of seeds) {
      const { ok, data } = await postJson('/api/runs', { ...common, seed });
      if (!ok) {
        this.error = t('ablation.seedRefused', { seed, reason: problemText(data, t('ablation.refused')) });
        break;
      }
      queued.push(seed);
    }
    this.message = queued.length ? t('ablation.queued', { seeds: list(queued) }) : '';
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
      <td class="configuration">${t(s.batchNorm ? 'ablation.configurationBatchNorm' : 'ablation.configuration', { variant: variantName(s.downsampling),
        kernel: `${s.kernelSize}×${s.kernelSize}`, channels: s.channels.join('-'), dataset: s.dataset, optimizer: s.optimizer,
        learningRate: s.learningRate, batch: s.batchSize })}</td>
      <td>${s.epochs}</td><td>${s.seed}</td>
      <td class="state">${run.outcome?.kind === 'collapsed' ? html`<span class="collapsed" title=${run.outcome.explanation}>${stateName('collapsed')}</span>` : stateName(run.state)}${run.state === 'queued' ? t('ablation.ahead', { ahead: run.queuePosition }) : ''}</td>
      <td>${active ? html`<progress max=${s.epochs} value=${run.epochsDone} aria-label=${t('ablation.progress', { run: run.id, done: run.epochsDone, epochs: s.epochs })}></progress> ${duration(run.etaSeconds)}` : ''}</td>
      <td>${accuracyWithOutcome(run)}</td>
      <td>${active ? html`<button class="secondary" @click=${() => this.cancel(run.id)}>${t('ablation.cancel')}</button>` : ''}</td>
    </tr>`;
  }

  render() {
    if (this.loggedIn === undefined) return html`<p>${t('common.loading')}</p>`;
    if (!this.loggedIn) return html`<p>${t('ablation.logInFirst', { login: html`<a href="/login">${t('common.logIn')}</a>` })}</p>`;
    return html`
      <form @submit=${this.submit} @input=${this.read} @change=${this.read}>
        <fieldset><legend>${t('ablation.network')}</legend>${architectureFields('ablation')}</fieldset>
        <fieldset><legend>${t('ablation.training')}</legend>
          <label for="ablation-dataset">${t('training.data')}</label>
          <select id="ablation-dataset" name="dataset"><option value="fashion-mnist">Fashion-MNIST</option><option value="mnist">${t('training.mnistShipped')}</option></select>
          <label for="ablation-optimizer">${t('training.optimizer')}</label>
          <select id="ablation-optimizer" name="optimizer"><option value="SGD">SGD</option><option value="MOMENTUM">${t('training.momentum')}</option><option value="ADAM">Adam</option></select>
          <label for="ablation-lr">${t('training.learningRate')}</label><input id="ablation-lr" name="learningRate" type="number" step="any" min="0.00001" max="10" value="0.4">
          <label for="ablation-batch">${t('training.batch')}</label><input id="ablation-batch" name="batchSize" type="number" min="1" max="4096" value="256">
          <label for="ablation-epochs">${t('training.epochs')}</label><input id="ablation-epochs" name="epochs" type="number" min="1" max="20" value="5">
          <label for="ablation-seeds">${t('ablation.seeds')}</label><input id="ablation-seeds" name="seeds" value="1, 2, 3" size="10">
        </fieldset>
        <button type="submit">${t('ablation.queue')}</button>
      </form>
      <cl-network-plan .settings=${this.settings}></cl-network-plan>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      <p role="status" aria-live="polite">${this.message ?? ''}</p>
      <h3>${t('ablation.yourRuns')}</h3>
      ${this.runs?.length ? html`<div class="scroll" tabindex="0" role="region" aria-label=${t('ablation.yourRuns')}><table class="runs">
        <thead><tr><th scope="col">${t('ablation.run')}</th><th scope="col">${t('ablation.configurationHeader')}</th><th scope="col">${t('ablation.epochs')}</th><th scope="col">${t('ablation.seed')}</th>
          <th scope="col">${t('ablation.state')}</th><th scope="col">${t('ablation.progressHeader')}</th><th scope="col">${t('ablation.accuracy')}</th><th scope="col"><span class="help">${t('ablation.actions')}</span></th></tr></thead>
        <tbody>${this.runs.map((run) => this.row(run))}</tbody></table></div>
        ${this.runs.some((r) => r.outcome?.kind === 'collapsed') ? html`<p class="help">${t('ablation.collapsedHelp',
          { collapsed: html`<span class="collapsed">${stateName('collapsed')}</span>` })}</p>` : ''}
        <p><button class="secondary" @click=${() => downloadCsv('/api/runs', 'my-runs.csv')}>${t('ablation.download')}</button></p>`
      : html`<p>${t('ablation.noRuns')}</p>`}
    `;
  }
}

customElements.define('cl-ablation', Ablation);

export function mount(element) {
  element.replaceChildren(document.createElement('cl-ablation'));
}
