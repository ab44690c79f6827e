// Step 11, /leaderboard and each class's page: the answer to "stride-2 or pooling?". Per variant (or any other axis),
// the test accuracy as mean ± spread over distinct seeds; every run against its parameters and its training time,
// beside the course's reference results; a sortable table of the best runs. Whoever teaches the board verifies entries
// by re-running them with their seed, and hides entries. The site-wide board (the default) can be narrowed to one of
// the reader's classes; a class page passes its own board's API ({@code api}) and whether the reader moderates it.
import { LitElement, html, css } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import * as echarts from '/_static/echarts/dist/echarts.esm.min.js';
import { downloadCsv, getJson, postJson, putJson } from 'app/js/api.js';
import { VARIANTS } from './lib/architecture.js';
import { localTime } from 'app/js/times.js';

const AXES = { downsampling: 'downsampling', kernelSize: 'kernel size', channels: 'channel widths', batchNorm: 'batch norm',
  head: 'head', optimizer: 'optimizer', epochs: 'epochs', dataset: 'dataset' };
const COLUMNS = [
  ['testAccuracy', 'test accuracy'], ['parameters', 'parameters'], ['trainingSeconds', 'training time'],
  ['imagesPerSecond', 'images/s'], ['seed', 'seed'], ['finishedAt', 'finished'],
];
const SHORT_VARIANTS = { STRIDE2: 'stride-2 conv', MAX_POOL: 'max-pool', AVG_POOL: 'average-pool' };
const percent = (value) => `${(value * 100).toFixed(2)}%`;
const VALUE_LABELS = { batchNorm: { true: 'with batch norm', false: 'without' }, head: { FLATTEN: 'flatten', GLOBAL_AVERAGE_POOL: 'global average pool' } };
const label = (axis, value) => (axis === 'downsampling' ? VARIANTS[value] : VALUE_LABELS[axis]?.[value]) ?? value;
const shortLabel = (axis, value) => (axis === 'downsampling' ? SHORT_VARIANTS[value] ?? value : label(axis, value));
/** Polls while a verification re-run is pending, so its outcome shows without a reload. */
const PENDING_POLL_MS = 2000;
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumSignificantDigits: 3 });

/** Bounds and a round step of about {@code ticks} intervals that hold low to high, so no label lands beside another. */
function niceBounds(low, high, ticks = 4) {
  const raw = Math.max(high - low, Math.abs(high) * 1e-3, 1e-9) / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw);
  return { min: Math.floor(low / step) * step, max: Math.ceil(high / step) * step, interval: step };
}

/**
 * An x axis around some positive values: logarithmic when they span more than ten times, else linear with room
 * either side, so that runs which all share one size sit in the middle of a readable scale.
 */
function spanOf(values, log) {
  const low = Math.min(...values);
  const high = Math.max(...values);
  if (log && high > 10 * low) return { type: 'log', min: low / 1.5, max: high * 1.5 };
  const pad = low === high ? Math.max(1, low * 0.25) : (high - low) * 0.15;
  const bounds = niceBounds(Math.max(0, low - pad), high + pad, 3);
  return { type: 'value', ...bounds, min: Math.max(0, bounds.min) };
}

class Leaderboard extends LitElement {
  static properties = {
    board: { state: true }, error: { state: true }, instructor: { state: true }, axis: { state: true },
    sort: { state: true }, descending: { state: true }, loggedIn: { state: true }, chosen: { state: true },
    classes: { state: true },
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
    .compares { margin: 0.75rem 0 0.25rem; }
    .shared { font-family: ui-monospace, monospace; font-size: 0.9rem; overflow-wrap: anywhere; }
    .choose select { max-width: 100%; margin-left: 0.5rem; }
    .references { color: #4b5563; font-size: 0.9rem; }
  `;

  constructor() {
    super();
    this.axis = 'downsampling';
    this.sort = 'testAccuracy';
    this.descending = true;
    this.chosen = 0;
    this.api = '/api/leaderboard';
    this.moderation = '/api/instructor/leaderboard';
    this.classFilter = true;
  }

  disconnectedCallback() {
    clearTimeout(this.poll);
    super.disconnectedCallback();
  }

  async connectedCallback() {
    super.connectedCallback();
    const me = await getJson('/api/me');
    this.loggedIn = me.ok;
    this.instructor = this.moderator ?? (me.ok && me.data.role === 'instructor');
    if (me.ok && this.classFilter) {
      const classes = await getJson('/api/classes');
      this.classes = classes.ok ? classes.data : [];
    }
    if (me.ok) await this.load();
  }

  query() {
    const form = this.renderRoot.querySelector('form');
    const params = new URLSearchParams();
    for (const name of ['dataset', 'epochs', 'downsampling', 'class']) {
      const value = form?.[name]?.value ?? (name === 'dataset' ? 'fashion-mnist' : '');
      if (value) params.set(name, value);
    }
    if (form?.hidden?.checked) params.set('hidden', 'true');
    return params.toString();
  }

  /** Only the latest load's answer is shown and schedules the next poll: overlapping loads once multiplied the polls. */
  async load() {
    clearTimeout(this.poll);
    const asked = (this.loads = (this.loads ?? 0) + 1);
    const { ok, data } = await getJson(`${this.api}?${this.query()}`);
    if (asked !== this.loads) return;
    this.error = ok ? null : data?.detail ?? 'The leaderboard could not be loaded.';
    this.board = ok ? data : null;
    clearTimeout(this.poll);
    if (this.board?.entries.some((e) => e.verification === 'pending') && this.isConnected) {
      this.poll = setTimeout(() => this.load(), PENDING_POLL_MS);
    }
  }

  async verify(entry) {
    const { ok, data } = await postJson(`${this.moderation}/${encodeURIComponent(entry.runId)}/verify`);
    this.error = ok ? null : data?.detail;
    await this.load();
  }

  async hide(entry) {
    await putJson(`${this.moderation}/${encodeURIComponent(entry.runId)}`, { hidden: !entry.hidden });
    await this.load();
  }

  sortBy(column) {
    this.descending = this.sort === column ? !this.descending : column !== 'trainingSeconds' && column !== 'parameters';
    this.sort = column;
  }

  sortedEntries() {
    const sign = this.descending ? -1 : 1;
    const key = (e) => (this.sort === 'finishedAt' ? Date.parse(e.finishedAt) : e[this.sort]);
    return [...this.board.entries].sort((a, b) => sign * (key(a) - key(b)) || a.runId - b.runId).slice(0, 100);
  }

  updated() {
    if (!this.board) return;
    const comparison = this.comparison();
    const inComparison = new Set(comparison?.runIds ?? []);
    const compared = this.board.entries.filter((e) => inComparison.has(e.runId));
    const groups = comparison?.groups ?? [];
    const values = groups.map((g) => g.value);
    const variants = this.renderRoot.querySelector('.variants');
    const labelWidth = Math.max(40, (variants?.clientWidth ?? 300) - 72) / Math.max(1, values.length) - 6;
    this.draw('.variants', {
      tooltip: {}, grid: { left: 56, right: 16, top: 24, bottom: 56 },
      xAxis: { type: 'category', data: values.map((v) => shortLabel(this.axis, v)),
        axisLabel: { interval: 0, fontSize: 11, width: labelWidth, overflow: 'break', lineHeight: 13 } },
      yAxis: this.accuracyAxis([...compared.map((e) => e.testAccuracy), ...groups.flatMap((g) => [g.mean + (g.spread ?? 0), g.mean - (g.spread ?? 0)])]),
      series: [
        { name: 'run', type: 'scatter', symbolSize: 6, itemStyle: { opacity: 0.5 },
          data: compared.map((e) => [shortLabel(this.axis, String(this.axisValue(e))), e.testAccuracy]) },
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
        this.referenceLines(),
      ],
    });
    const byVariant = Object.keys(VARIANTS).map((variant) => ({ variant, entries: compared.filter((e) => e.downsampling === variant) }))
      .filter(({ entries }) => entries.length > 0);
    for (const [selector, x, name, log] of [['.parameters', 'parameters', 'parameters', true], ['.seconds', 'trainingSeconds', 'training time (s)', false]]) {
      this.draw(selector, {
        tooltip: { formatter: (p) => `${p.seriesName}: ${percent(p.value[1])}, ${p.value[0].toLocaleString('en')} ${name}` },
        legend: { bottom: 0, textStyle: { fontSize: 10 } }, grid: { left: 56, right: 24, top: 16, bottom: 84 },
        xAxis: { ...spanOf(compared.map((e) => e[x]), log), name, nameLocation: 'middle', nameGap: 28,
          axisLabel: { hideOverlap: true, formatter: (v) => compact.format(v) } },
        yAxis: this.accuracyAxis(compared.map((e) => e.testAccuracy)),
        series: [...byVariant.map(({ variant, entries }) => ({ name: VARIANTS[variant], type: 'scatter', symbolSize: 7,
          data: entries.map((e) => [e[x], e.testAccuracy]) })), this.referenceLines()],
      });
    }
  }

  /** The comparison chosen for the current axis, the fullest by default. */
  comparison() {
    const comparisons = this.board?.comparisons[this.axis] ?? [];
    return comparisons[Math.min(this.chosen ?? 0, comparisons.length - 1)];
  }

  /** An accuracy axis that holds every value and every reference line, and never goes past 1. */
  accuracyAxis(accuracies) {
    const all = [...accuracies, ...this.board.baselines.map((b) => b.accuracy)].filter(Number.isFinite);
    const { min, max, interval } = niceBounds(Math.max(0, Math.min(...all) - 0.01), Math.min(1, Math.max(...all) + 0.01));
    return { type: 'value', name: 'test accuracy', nameLocation: 'middle', nameGap: 40, min: Math.max(0, min), max: Math.min(1, max),
      interval, axisLabel: { formatter: (v) => v.toFixed(interval < 0.01 ? 3 : 2) } };
  }

  /** The course's results as dashed lines, labelled by value at alternating ends so that close lines stay readable. */
  referenceLines() {
    const positions = ['insideStartTop', 'insideEndTop', 'insideMiddleTop'];
    const data = this.board.baselines.map((b, i) => ({ yAxis: b.accuracy, name: b.label,
      label: { position: positions[i % positions.length], formatter: `course ${b.accuracy}` } }));
    return { type: 'line', data: [], markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#6b7280' },
      label: { fontSize: 10, color: '#374151' }, data } };
  }

  axisValue(entry) {
    if (this.axis === 'channels') return entry.channels.join('-');
    return this.axis === 'optimizer' ? `${entry.optimizer} lr ${entry.learningRate}` : entry[this.axis];
  }

  draw(selector, option) {
    const element = this.renderRoot.querySelector(selector);
    if (!element) return;
    const chart = echarts.getInstanceByDom(element) ?? echarts.init(element, null, { renderer: 'svg' });
    chart.setOption(option, true);
  }

  /** What the per-axis view compares, and a choice among the sets of runs that are alike in everything else. */
  comparisonChooser() {
    const comparisons = this.board.comparisons[this.axis];
    const chosen = this.comparison();
    const others = comparisons.length - 1;
    return html`
      <p class="compares">Comparing <strong>${AXES[this.axis]}</strong> among runs alike in everything else (seeds aside):
        <span class="shared">${chosen.shared}</span>.
        ${chosen.groups.length < 2 ? html`These runs all have one ${AXES[this.axis]}, so there is nothing to compare here yet.` : ''}
        ${others > 0 ? html`${others} other set${others === 1 ? '' : 's'} of runs differ${others === 1 ? 's' : ''} in more than the ${AXES[this.axis]}.` : ''}</p>
      ${others > 0 ? html`<p class="choose"><label for="board-comparison">Runs to compare</label>
        <select id="board-comparison" @change=${(e) => { this.chosen = Number(e.target.value); }}>
          ${comparisons.map((c, i) => html`<option value=${i} ?selected=${c === chosen}>${c.groups.length} × ${AXES[this.axis]}, ${c.seeds} seed${c.seeds === 1 ? '' : 's'}: ${c.shared}</option>`)}
        </select></p>` : ''}`;
  }

  groupTable() {
    const groups = this.comparison().groups;
    return html`${this.comparisonChooser()}<div class="scroll" tabindex="0" role="region" aria-label="Accuracy per group"><table>
      <caption>Test accuracy per ${AXES[this.axis]}, over distinct seeds (a configuration re-run with the same seed counts once;
        collapsed runs, which learned next to nothing, count too and are marked)</caption>
      <thead><tr><th scope="col">${AXES[this.axis]}</th><th scope="col">mean ± spread</th><th scope="col">range</th><th scope="col">seeds</th>
        <th scope="col">runs</th><th scope="col">parameters</th><th scope="col">training time</th></tr></thead>
      <tbody>${groups.map((g) => html`<tr><th scope="row">${label(this.axis, g.value)}</th>
        <td>${percent(g.mean)}${g.spread != null ? html` ± ${(g.spread * 100).toFixed(2)}` : html` <span class="badge">one seed</span>`}</td>
        <td>${percent(g.min)} – ${percent(g.max)}</td><td>${g.seeds}${g.collapsed ? html` <span class="badge collapsed">${g.collapsed} collapsed</span>` : ''}</td><td>${g.runs}</td>
        <td>${Math.round(g.meanParameters).toLocaleString('en')}</td><td>${g.meanSeconds.toFixed(1)} s</td></tr>`)}</tbody>
    </table></div>`;
  }

  entryTable() {
    const header = ([key, text]) => html`<th scope="col" aria-sort=${this.sort === key ? (this.descending ? 'descending' : 'ascending') : 'none'}>
      <button @click=${() => this.sortBy(key)}>${text}${this.sort === key ? (this.descending ? ' ▼' : ' ▲') : ''}</button></th>`;
    return html`<div class="scroll" tabindex="0" role="region" aria-label="The best runs"><table>
      <caption>The best runs (up to 100); click a heading to sort</caption>
      <thead><tr><th scope="col">learner</th><th scope="col">configuration</th>${COLUMNS.map(header)}<th scope="col">check</th></tr></thead>
      <tbody>${repeat(this.sortedEntries(), (e) => e.runId, (e) => html`<tr class=${e.hidden ? 'hidden-row' : ''}>
        <td>${e.learner}</td><td>${e.configuration}</td><td>${percent(e.testAccuracy)}${e.outcome === 'collapsed'
          ? html` <span class="badge collapsed" title="It learned next to nothing: test accuracy near chance, or one class predicted for nearly everything">collapsed</span>` : ''}</td><td>${e.parameters.toLocaleString('en')}</td>
        <td>${e.trainingSeconds.toFixed(1)} s</td><td>${Math.round(e.imagesPerSecond).toLocaleString('en')}</td><td>${e.seed}</td>
        <td><time datetime=${e.finishedAt} title=${e.finishedAt}>${localTime(e.finishedAt)}</time></td>
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
      <form @change=${() => { this.chosen = 0; this.load(); }} @submit=${(e) => { e.preventDefault(); this.chosen = 0; this.load(); }}>
        <label for="board-dataset">Data</label>
        <select id="board-dataset" name="dataset"><option value="fashion-mnist">Fashion-MNIST</option><option value="mnist">MNIST</option><option value="">both</option></select>
        <label for="board-epochs">Epochs</label>
        <input id="board-epochs" name="epochs" type="number" min="1" max="20" placeholder="any" style="width: 5rem">
        <label for="board-variant">Variant</label>
        <select id="board-variant" name="downsampling"><option value="">all</option>
          ${Object.entries(VARIANTS).map(([value, text]) => html`<option value=${value}>${text}</option>`)}</select>
        <label for="board-axis">Compare by</label>
        <select id="board-axis" @change=${(e) => { e.stopPropagation(); this.axis = e.target.value; this.chosen = 0; }}>
          ${Object.entries(AXES).map(([value, text]) => html`<option value=${value}>${text}</option>`)}</select>
        ${this.classes?.length ? html`<label for="board-class">Class</label>
          <select id="board-class" name="class"><option value="">everyone</option>
            ${this.classes.map((c) => html`<option value=${c.id}>${c.name}</option>`)}</select>` : ''}
        ${this.instructor ? html`<label><input type="checkbox" name="hidden"> Show hidden entries</label>` : ''}
        <button type="button" @click=${() => downloadCsv(`${this.api}?${this.query()}`, 'leaderboard.csv')}>Download CSV</button>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${!this.board ? html`<p>Loading…</p>` : !this.board.entries.length ? html`<p>No finished runs match yet: queue some above.</p>` : html`
        ${this.groupTable()}
        <div class="charts">
          <div class="chart variants" role="img" aria-label=${`Test accuracy per ${AXES[this.axis]} of the runs compared above, each run a dot, with mean and spread; the table above has the numbers`}></div>
          <div class="chart parameters" role="img" aria-label="Test accuracy against parameter count of the runs compared above, one point per run, with the course's reference results as dashed lines"></div>
          <div class="chart seconds" role="img" aria-label="Test accuracy against training time of the runs compared above, one point per run, with the course's reference results as dashed lines"></div>
        </div>
        ${this.board.baselines.length ? html`<p class="references">Dashed lines: the course's reference results on Fashion-MNIST,
          ${this.board.baselines.map((b) => `${b.label} ${b.accuracy}`).join(' · ')}.</p>` : ''}
        ${this.entryTable()}`}
    `;
  }
}

customElements.define('cl-leaderboard', Leaderboard);

/** {@code params}: {@code api} (a class's board), {@code moderator} (the reader moderates it), {@code classFilter}. */
export function mount(element, params = {}) {
  const board = document.createElement('cl-leaderboard');
  if (params.api) {
    Object.assign(board, { api: params.api, moderation: params.api, moderator: params.moderator === true, classFilter: params.classFilter !== false });
  }
  element.replaceChildren(board);
}
