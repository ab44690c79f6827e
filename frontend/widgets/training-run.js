// Step 8: train the lesson's network on the server and watch it learn. The form starts from the default run (the
// server's, which learns on the shipped digits); after a reload it shows the learner's last run and its settings.
import { LitElement, html, css } from 'lit';
import { getJson, postJson, problemText } from 'app/js/api.js';
import { t } from 'app/i18n/messages.js';
import { FINISHED } from './lib/run-view.js';

const FIELDS = ['dataset', 'downsampling', 'optimizer', 'learningRate', 'batchSize', 'epochs', 'seed'];

class TrainingRun extends LitElement {
  static properties = {
    loggedIn: { state: true }, runId: { state: true }, running: { state: true }, error: { state: true },
    settings: { state: true }, defaults: { state: true },
  };

  static styles = css`
    :host { display: block; }
    form { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; margin-bottom: 0.75rem; }
    label { font-weight: 600; }
    input, select, button { font: inherit; }
    input[type=number] { width: 5.5rem; }
    button { padding: 0.35rem 0.9rem; border: 1px solid #1d4ed8; border-radius: 0.3rem; background: #1d4ed8; color: #fff; cursor: pointer; }
    button.secondary { background: #fff; color: #1d4ed8; }
    :is(input, select, button):focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
    .error { color: #b91c1c; }
  `;

  async connectedCallback() {
    super.connectedCallback();
    const [runs, defaults] = await Promise.all([getJson('/api/runs'), getJson('/api/runs/defaults')]);
    this.defaults = defaults.ok ? defaults.data : null;
    const last = runs.ok ? runs.data.find((r) => !r.verifiesRunId) : null;
    this.settings = last ? last.settings : this.defaults;
    if (last) {
      this.runId = last.id;
      this.running = !FINISHED.includes(last.state);
    }
    this.loggedIn = runs.ok;
  }

  async submit(event) {
    event.preventDefault();
    const form = event.target;
    const request = {
      dataset: form.dataset.value, downsampling: form.downsampling.value, optimizer: form.optimizer.value,
      learningRate: Number(form.learningRate.value), batchSize: Number(form.batchSize.value),
      epochs: Number(form.epochs.value), seed: Number(form.seed.value),
    };
    const { ok, data } = await postJson('/api/runs', request);
    if (!ok) {
      this.error = problemText(data, t('training.notQueued'));
      return;
    }
    this.error = null;
    this.settings = { ...this.settings, ...request };
    this.runId = data.id;
    this.running = true;
  }

  /** Puts the default run's settings back into the form. */
  useDefaults() {
    const form = this.renderRoot.querySelector('form');
    FIELDS.forEach((field) => { form[field].value = String(this.defaults[field]); });
  }

  option(field, value, text) {
    return html`<option value=${value} ?selected=${String(this.settings?.[field]) === value}>${text}</option>`;
  }

  render() {
    if (this.loggedIn === undefined) return html`<p>${t('common.loading')}</p>`;
    if (!this.loggedIn) return html`<p>${t('training.logInFirst', { login: html`<a href="/login">${t('common.logIn')}</a>` })}</p>`;
    const s = this.settings ?? {};
    return html`
      <form @submit=${this.submit}>
        <label for="run-dataset">${t('training.data')}</label>
        <select id="run-dataset" name="dataset">${this.option('dataset', 'mnist', t('training.mnistShipped'))}${this.option('dataset', 'fashion-mnist', 'Fashion-MNIST')}</select>
        <label for="run-downsampling">${t('architecture.downsampling')}</label>
        <select id="run-downsampling" name="downsampling">${this.option('downsampling', 'STRIDE2', t('variants.stride2'))}${this.option('downsampling', 'MAX_POOL', t('variants.maxPoolShort'))}${this.option('downsampling', 'AVG_POOL', t('variants.avgPoolShort'))}</select>
        <label for="run-optimizer">${t('training.optimizer')}</label>
        <select id="run-optimizer" name="optimizer">${this.option('optimizer', 'SGD', 'SGD')}${this.option('optimizer', 'MOMENTUM', t('training.momentum'))}${this.option('optimizer', 'ADAM', 'Adam')}</select>
        <label for="run-lr">${t('training.learningRate')}</label><input id="run-lr" name="learningRate" type="number" step="any" min="0.00001" max="10" .value=${String(s.learningRate ?? '')}>
        <label for="run-batch">${t('training.batch')}</label><input id="run-batch" name="batchSize" type="number" min="1" max="4096" .value=${String(s.batchSize ?? '')}>
        <label for="run-epochs">${t('training.epochs')}</label><input id="run-epochs" name="epochs" type="number" min="1" max="20" .value=${String(s.epochs ?? '')}>
        <label for="run-seed">${t('training.seed')}</label><input id="run-seed" name="seed" type="number" .value=${String(s.seed ?? '')}>
        <button type="submit" ?disabled=${this.running}>${t('training.train')}</button>
        ${this.defaults ? html`<button type="button" class="secondary" @click=${this.useDefaults}>${t('training.defaults')}</button>` : ''}
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${this.runId ? html`<p>${t('training.lastRun', { link: html`<a href=${`/runs/${this.runId}`}>${t('training.runLink', { run: this.runId })}</a>` })}</p>
        <cl-run-view run-id=${this.runId} @run-state=${(e) => { this.running = !FINISHED.includes(e.detail.state); }}></cl-run-view>` : ''}
    `;
  }
}

customElements.define('cl-training-run', TrainingRun);

export function mount(element) {
  element.replaceChildren(document.createElement('cl-training-run'));
}
