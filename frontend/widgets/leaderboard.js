// Step 11 and /leaderboard: the class's answer to "stride-2 or pooling?". Per variant (or any other axis), the test
// accuracy as mean ± spread over distinct seeds; every run against its parameters and its training time, beside the
// course's reference results; a sortable table of the best runs. Instructors verify entries by re-running them with
// their seed, and hide entries.
import { LitElement, html, css } from 'lit';
import * as echarts from '/_static/echarts/dist/echarts.esm.min.js';
import { apiPath, downloadCsv, getJson, postJson, putJson } from 'app/js/api.js';
import { VARIANTS } from './lib/architecture.js';

const AXES = { downsampling: 'downsampling', kernelSize: 'kernel size', channels: 'channel widths', batchNorm: 'batch norm',
  head: 'head', optimizer: 'optimizer', epochs: 'epochs', dataset: 'dataset' };
const COLUMNS = [
  ['testAccuracy', 'test accuracy'], ['parameters', 'parameters'], ['trainingSeconds', 'training time'],
  ['imagesPerSecond', 'images/s'], ['seed', 'seed'], ['finishedAt', 'finished'],
];
const percent = (value) => `${(value * 100).toFixed(2)}%`;
const label = (axis, value) => (axis === 'downsampling' ? VARIANTS[value] ?? value : value);

class Leaderboard extends LitElement {
  static properties = {
    board: { state: true }, error: { state: true }, instructor: { state: true }, axis: { state: true },
    sort: { state: true }, descending: { state: true }, loggedIn: { state: true },
  };

  static styles = css`
    :host { display: block; }
    form { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; }
    label { font-weight: 600; }
    input, select, button { font: inherit; }
    button { padding: 0.3rem 0.8rem; border: 1px solid #1d4ed8; border-radius: 0.3rem; background: #fff; color: #1d4ed8; cursor: pointer; }
    :is(input, select, button, a):focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
    table { border-collapse: collapse; width: 100%; font-size: 0.95rem; margin: 0.75rem 0; }
    caption { text-align: left; color: #4b5563; padding-bottom: 0.3rem; }
    th, td { border-bottom: 1px solid #e5e7eb; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
    th button { border: none; padding: 0; color: inherit; font-weight: 700; background: none; }
    .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
    .chart { width: 100%; height: 300px; }
    .scroll { overflow-x: auto; }
    td button { white-space: nowrap; margin: 0.1rem 0; font-size: 0.85rem; }
    .badge { font-size: 0.8rem; padding: 0.05rem 0.4rem; border-radius: 0.6rem; background: #e5e7eb; }
    .verified { background: #dcfce7; color: #14532d; }
    .mismatch, .collapsed { background: #fee2e2; color: #7f1d1d; }
    .hidden-row { opacity: 0.6; }
    .error { color: #b91c1c; }
  `;

  constructor() {
    super();
    this.axis = 'downsampling';
    this.sort = 'testAccuracy';
    this.descending = true;
  }

  async connectedCallback() {
    super.connectedCallback();
    const me = await getJson('/api/me');
    this.loggedIn = me.ok;
    this.instructor = me.ok && me.data.role === 'instructor';
    if (me.ok) await this.load();
  }

  query() {
    const form = this.renderRoot.querySelector('form');
    const params = new URLSearchParams();
    for (const name of ['dataset', 'epochs', 'downsampling']) {
      const value = form?.[name]?.value ?? (name === 'dataset' ? 'fashion-mnist' : '');
      if (value) params.set(name, value);
    }
    if (form?.hidden?.checked) params.set('hidden', 'true');
    return params.toString();
  }

  async load() {
    const { ok, data } = await getJson(`/api/leaderboard?${this.query()}`);
    this.error = ok ? null : data?.detail ?? 'The leaderboard could not be loaded.';
    this.board = ok ? data : null;
  }

  async verify(entry) {
    const { ok, data } = await postJson(apiPath`/api/instructor/leaderboard/${entry.runId}/verify`);
    this.error = ok ? null : data?.detail;
    await this.load();
  }

  async hide(entry) {
    await putJson(apiPath`/api/instructor/leaderboard/${entry.runId}`, { hidden: !entry.hidden });
    await this.load();
  }

  sortBy(column) {
    this.descending = this.sort === column ? !this.descending : column !== 'trainingSeconds' && column !== 'parameters';
    this.sort = column;
  }

  sortedEntries() {
    const sign = this.descending ? -1 : 1;
    const key = (e) => (this.sort === 'finishedAt' ? Date.parse(e.finishedAt) : e[this.sort]);
    return [...this.board.entries].sort((a, b) => sign * (key(a) - key(b))).slice(0, 100);
  }

  updated() {
    if (!this.board) return;
    const baselines = this.board.baselines.map((b) => ({ yAxis: b.accuracy, name: b.label }));
    const markLine = { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#6b7280' },
      label: { formatter: (p) => `${p.name} ${p.value}`, position: 'insideEndTop', fontSize: 10 }, data: baselines };
    const groups = this.board.axes[this.axis];
    const values = groups.map((g) => g.value);
    const accuracyAxis = { type: 'value', name: 'test accuracy', nameLocation: 'middle', nameGap: 40, scale: true };
    this.draw('.variants', {
      tooltip: {}, grid: { left: 56, right: 16, top: 24, bottom: 48 },
      xAxis: { type: 'category', data: values.map((v) => label(this.axis, v)), axisLabel: { interval: 0, fontSize: 10 } },
      yAxis: accuracyAxis,
      series: [
        { name: 'run', type: 'scatter', symbolSize: 6, itemStyle: { opacity: 0.5 },
          data: this.board.entries.map((e) => [label(this.axis, String(this.axisValue(e))), e.testAccuracy]) },
        { name: 'mean ± spread', type: 'custom', clip: true, data: groups.map((g, i) => [i, g.mean, g.spread ?? 0]),
          renderItem: (params, api) => {
            const [x, top] = api.coord([api.value(0), api.value(1) + api.value(2)]);
            const [, bottom] = api.coord([api.value(0), api.value(1) - api.value(2)]);
            const [, middle] = api.coord([api.value(0), api.value(1)]);
            const style = { stroke: '#1d4ed8', lineWidth: 2 };
            return { type: 'group', children: [
              { type: 'line', shape: { x1: x, y1: top, x2: x, y2: bottom }, style },
              { type: 'line', shape: { x1: x - 8, y1: middle, x2: x + 8, y2: middle }, style: { ...style, lineWidth: 3 } }] };
          } },
        { type: 'line', data: [], markLine },
      ],
    });
    const byVariant = Object.keys(VARIANTS).map((variant) => ({ variant, entries: this.board.entries.filter((e) => e.downsampling === variant) }));
    for (const [selector, x, name, log] of [['.parameters', 'parameters', 'parameters', true], ['.seconds', 'trainingSeconds', 'training time (s)', false]]) {
      this.draw(selector, {
        tooltip: { formatter: (p) => `${p.seriesName}: ${percent(p.value[1])}, ${p.value[0].toLocaleString('en')} ${name}` },
        legend: { bottom: 0, textStyle: { fontSize: 10 } }, grid: { left: 56, right: 16, top: 16, bottom: 72 },
        xAxis: { type: log ? 'log' : 'value', name, nameLocation: 'middle', nameGap: 24, scale: true, axisLabel: { hideOverlap: true } }, yAxis: accuracyAxis,
        series: [...byVariant.map(({ variant, entries }) => ({ name: VARIANTS[variant], type: 'scatter', symbolSize: 7,
          data: entries.map((e) => [e[x], e.testAccuracy]) })), { type: 'line', data: [], markLine }],
      });
    }
  }

  axisValue(entry) {
    return this.axis === 'channels' ? entry.channels.join('-') : entry[this.axis];
  }

  draw(selector, option) {
    const element = this.renderRoot.querySelector(selector);
    if (!element) return;
    const chart = echarts.getInstanceByDom(element) ?? echarts.init(element, null, { renderer: 'svg' });
    chart.setOption(option, true);
  }

  groupTable() {
    const groups = this.board.axes[this.axis];
    return html`<table>
      <caption>Test accuracy per ${AXES[this.axis]}, over distinct seeds (a configuration re-run with the same seed counts once;
        collapsed runs, which learned next to nothing, count too and are marked)</caption>
      <thead><tr><th scope="col">${AXES[this.axis]}</th><th scope="col">mean ± spread</th><th scope="col">range</th><th scope="col">seeds</th>
        <th scope="col">runs</th><th scope="col">parameters</th><th scope="col">training time</th></tr></thead>
      <tbody>${groups.map((g) => html`<tr><th scope="row">${label(this.axis, g.value)}</th>
        <td>${percent(g.mean)}${g.spread != null ? html` ± ${(g.spread * 100).toFixed(2)}` : html` <span class="badge">one seed</span>`}</td>
        <td>${percent(g.min)} – ${percent(g.max)}</td><td>${g.seeds}${g.collapsed ? html` <span class="badge collapsed">${g.collapsed} collapsed</span>` : ''}</td><td>${g.runs}</td>
        <td>${Math.round(g.meanParameters).toLocaleString('en')}</td><td>${g.meanSeconds.toFixed(1)} s</td></tr>`)}</tbody>
    </table>`;
  }

  entryTable() {
    const header = ([key, text]) => html`<th scope="col" aria-sort=${this.sort === key ? (this.descending ? 'descending' : 'ascending') : 'none'}>
      <button @click=${() => this.sortBy(key)}>${text}${this.sort === key ? (this.descending ? ' ▼' : ' ▲') : ''}</button></th>`;
    return html`<div class="scroll"><table>
      <caption>The best runs (up to 100); click a heading to sort</caption>
      <thead><tr><th scope="col">learner</th><th scope="col">configuration</th>${COLUMNS.map(header)}<th scope="col">check</th></tr></thead>
      <tbody>${this.sortedEntries().map((e) => html`<tr class=${e.hidden ? 'hidden-row' : ''}>
        <td>${e.learner}</td><td>${e.configuration}</td><td>${percent(e.testAccuracy)}${e.outcome === 'collapsed'
          ? html` <span class="badge collapsed" title="It learned next to nothing: test accuracy near chance, or one class predicted for nearly everything">collapsed</span>` : ''}</td><td>${e.parameters.toLocaleString('en')}</td>
        <td>${e.trainingSeconds.toFixed(1)} s</td><td>${Math.round(e.imagesPerSecond).toLocaleString('en')}</td><td>${e.seed}</td>
        <td>${new Date(e.finishedAt).toLocaleDateString('en')}</td>
        <td>${e.verification ? html`<span class="badge ${e.verification}">${e.verification}${e.verificationAccuracy != null ? ` (${percent(e.verificationAccuracy)})` : ''}</span>` : ''}
          ${this.instructor ? html`<button @click=${() => this.verify(e)} ?disabled=${e.verification === 'pending'}>Re-run to verify</button>
            <button @click=${() => this.hide(e)}>${e.hidden ? 'Show' : 'Hide'}</button>` : ''}</td>
      </tr>`)}</tbody>
    </table></div>`;
  }

  render() {
    if (this.loggedIn === undefined) return html`<p>Loading…</p>`;
    if (!this.loggedIn) return html`<p><a href="/login">Log in</a> to see the class leaderboard.</p>`;
    return html`
      <form @change=${() => this.load()} @submit=${(e) => { e.preventDefault(); this.load(); }}>
        <label for="board-dataset">Data</label>
        <select id="board-dataset" name="dataset"><option value="fashion-mnist">Fashion-MNIST</option><option value="mnist">MNIST</option><option value="">both</option></select>
        <label for="board-epochs">Epochs</label>
        <input id="board-epochs" name="epochs" type="number" min="1" max="20" placeholder="any" style="width: 5rem">
        <label for="board-variant">Variant</label>
        <select id="board-variant" name="downsampling"><option value="">all</option>
          ${Object.entries(VARIANTS).map(([value, text]) => html`<option value=${value}>${text}</option>`)}</select>
        <label for="board-axis">Compare by</label>
        <select id="board-axis" @change=${(e) => { e.stopPropagation(); this.axis = e.target.value; }}>
          ${Object.entries(AXES).map(([value, text]) => html`<option value=${value}>${text}</option>`)}</select>
        ${this.instructor ? html`<label><input type="checkbox" name="hidden"> Show hidden entries</label>` : ''}
        <button type="button" @click=${() => downloadCsv(`/api/leaderboard?${this.query()}`, 'leaderboard.csv')}>Download CSV</button>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${!this.board ? html`<p>Loading…</p>` : !this.board.entries.length ? html`<p>No finished runs match yet: queue some above.</p>` : html`
        ${this.groupTable()}
        <div class="charts">
          <div class="chart variants" role="img" aria-label=${`Each run's test accuracy per ${AXES[this.axis]}, with mean and spread; the table above has the numbers`}></div>
          <div class="chart parameters" role="img" aria-label="Test accuracy against parameter count, one point per run, with the course's reference results as dashed lines"></div>
          <div class="chart seconds" role="img" aria-label="Test accuracy against training time, one point per run, with the course's reference results as dashed lines"></div>
        </div>
        ${this.entryTable()}`}
    `;
  }
}

customElements.define('cl-leaderboard', Leaderboard);

export function mount(element) {
  element.replaceChildren(document.createElement('cl-leaderboard'));
}
