// Step 11, /leaderboard and each class's page: the answer to "stride-2 or pooling?". Per variant (or any other axis),
// the test accuracy as mean ± spread over distinct seeds; every run against its parameters and its training time,
// beside the course's reference results; a sortable table of the best runs. Whoever teaches the board verifies entries
// by re-running them with their seed, and hides entries. The site-wide board (the default) can be narrowed to one of
// the reader's classes; a class page passes its own board's API ({@code api}) and whether the reader moderates it.
import { LitElement, html, css } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import * as echarts from '/_static/echarts/dist/echarts.esm.min.js';
import { downloadCsv, getJson, postJson, putJson } from 'app/js/api.js';
import { VARIANTS, variantName } from './lib/architecture.js';
import { localTime } from 'app/js/times.js';
import { t, tp, lang, number, percent } from 'app/i18n/messages.js';

/** The axes a board compares by, each with its catalogue key. */
const AXES = { downsampling: 'board.axis.downsampling', kernelSize: 'board.axis.kernelSize', channels: 'board.axis.channels',
  batchNorm: 'board.axis.batchNorm', head: 'board.axis.head', optimizer: 'board.axis.optimizer', epochs: 'board.axis.epochs',
  dataset: 'board.axis.dataset' };
const COLUMNS = [
  ['testAccuracy', 'board.column.testAccuracy'], ['parameters', 'board.column.parameters'], ['trainingSeconds', 'board.column.trainingTime'],
  ['imagesPerSecond', 'board.column.imagesPerSecond'], ['seed', 'board.column.seed'], ['finishedAt', 'board.column.finished'],
];
const SHORT_VARIANTS = { STRIDE2: 'board.short.stride2', MAX_POOL: 'variants.maxPoolShort', AVG_POOL: 'variants.avgPoolShort' };
const VALUE_LABELS = { batchNorm: { true: 'board.value.withBatchNorm', false: 'board.value.withoutBatchNorm' },
  head: { FLATTEN: 'architecture.flatten', GLOBAL_AVERAGE_POOL: 'architecture.globalAveragePool' } };
/** How a run's settings read ({@link describe}): its downsampling and its head. */
const SETTING_WORDS = { STRIDE2: 'board.describe.stride2', MAX_POOL: 'board.describe.maxPool', AVG_POOL: 'board.describe.avgPool',
  FLATTEN: 'board.describe.flatten', GLOBAL_AVERAGE_POOL: 'board.describe.globalAveragePool' };
/** The course's reference results, by the labels the server gives them (ids, never shown as they are). */
const BASELINES = {
  'simple stride-2 CNN, 5 epochs (course, one run)': 'board.baseline.lessonNet', // i18n-ignore: the server's id
  'wider stride-2 CNN with batch norm': 'board.baseline.batchNorm', // i18n-ignore: the server's id
  'with AdamW and one-cycle, 5 epochs': 'board.baseline.oneCycle', // i18n-ignore: the server's id
};
const baselineName = (label) => (BASELINES[label] ? t(BASELINES[label]) : label);
const VERIFICATIONS = { pending: 'board.verification.pending', verified: 'board.verification.verified', mismatch: 'board.verification.mismatch' };
const axisName = (axis) => t(AXES[axis]);
const label = (axis, value) => {
  if (axis === 'downsampling') return variantName(value);
  const key = VALUE_LABELS[axis]?.[value];
  return key ? t(key) : value;
};
const shortLabel = (axis, value) => (axis === 'downsampling' && SHORT_VARIANTS[value] ? t(SHORT_VARIANTS[value]) : label(axis, value));
/**
 * A run's settings as people read them, every one but {@code except} (an axis) and the seed: "mnist · 3×3 · channels
 * 4-8-16-16 · no batch norm · flatten head · ADAM lr 0.003 · batch 64 · 1 epoch".
 */
function describe(entry, except) {
  const word = (value) => (SETTING_WORDS[value] ? t(SETTING_WORDS[value]) : String(value).toLowerCase());
  const parts = {
    dataset: entry.dataset,
    downsampling: word(entry.downsampling),
    kernelSize: `${entry.kernelSize}×${entry.kernelSize}`,
    channels: t('board.describe.channels', { channels: entry.channels.join('-') }),
    batchNorm: t(entry.batchNorm ? 'board.describe.batchNorm' : 'board.describe.noBatchNorm'),
    head: word(entry.head),
    optimizer: t('board.describe.optimizer', { optimizer: entry.optimizer, rate: entry.learningRate }),
    batchSize: t('board.describe.batch', { batch: entry.batchSize }),
    epochs: tp('board.describe.epochs', entry.epochs),
  };
  delete parts[except];
  return Object.values(parts).join(' · ');
}
/** Polls while a verification re-run is pending, so its outcome shows without a reload. */
const PENDING_POLL_MS = 2000;
const compact = new Intl.NumberFormat(lang, { notation: 'compact', maximumSignificantDigits: 3 });

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
    /* Japanese breaks between any two characters: headings and numbers keep to one line, the tables scroll instead. */
    th, td.number { white-space: nowrap; }
    td.configuration { min-width: 16rem; }
    form select { max-width: 100%; }
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
    this.error = ok ? null : data?.detail ?? t('board.notLoaded');
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
        { name: t('board.series.run'), type: 'scatter', symbolSize: 6, itemStyle: { opacity: 0.5 },
          data: compared.map((e) => [shortLabel(this.axis, String(this.axisValue(e))), e.testAccuracy]) },
        { name: t('board.series.mean'), type: 'custom', clip: true, data: groups.map((g, i) => [i, g.mean, g.spread ?? 0]),
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
    for (const [selector, x, name, tip, log] of [['.parameters', 'parameters', t('board.chart.parameters'), 'board.tooltip.parameters', true],
      ['.seconds', 'trainingSeconds', t('board.chart.seconds'), 'board.tooltip.seconds', false]]) {
      this.draw(selector, {
        tooltip: { formatter: (p) => t(tip, { series: p.seriesName, accuracy: percent(p.value[1]), value: number(p.value[0], x === 'parameters' ? 0 : 1) }) },
        legend: { bottom: 0, textStyle: { fontSize: 10 } }, grid: { left: 56, right: 24, top: 16, bottom: 84 },
        xAxis: { ...spanOf(compared.map((e) => e[x]), log), name, nameLocation: 'middle', nameGap: 28,
          axisLabel: { hideOverlap: true, formatter: (v) => compact.format(v) } },
        yAxis: this.accuracyAxis(compared.map((e) => e.testAccuracy)),
        series: [...byVariant.map(({ variant, entries }) => ({ name: variantName(variant), type: 'scatter', symbolSize: 7,
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
    return { type: 'value', name: t('board.chart.accuracy'), nameLocation: 'middle', nameGap: 40, min: Math.max(0, min), max: Math.min(1, max),
      interval, axisLabel: { formatter: (v) => number(v, interval < 0.01 ? 3 : 2) } };
  }

  /** The course's results as dashed lines, labelled by value at alternating ends so that close lines stay readable. */
  referenceLines() {
    const positions = ['insideStartTop', 'insideEndTop', 'insideMiddleTop'];
    const data = this.board.baselines.map((b, i) => ({ yAxis: b.accuracy, name: baselineName(b.label),
      label: { position: positions[i % positions.length], formatter: t('board.course', { accuracy: b.accuracy }) } }));
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

  /** The settings a comparison's runs share, read from its first run. */
  shared(comparison) {
    const first = this.board.entries.find((e) => e.runId === comparison.runIds[0]);
    return first ? describe(first, this.axis) : comparison.shared;
  }

  /** What the per-axis view compares, and a choice among the sets of runs that are alike in everything else. */
  comparisonChooser() {
    const comparisons = this.board.comparisons[this.axis];
    const chosen = this.comparison();
    const others = comparisons.length - 1;
    return html`
      <p class="compares">${t('board.comparing', { axis: html`<strong>${axisName(this.axis)}</strong>`,
        shared: html`<span class="shared">${this.shared(chosen)}</span>` })}
        ${chosen.groups.length < 2 ? t('board.nothingToCompare', { axis: axisName(this.axis) }) : ''}
        ${others > 0 ? tp('board.otherSets', others, { axis: axisName(this.axis) }) : ''}</p>
      ${others > 0 ? html`<p class="choose"><label for="board-comparison">${t('board.runsToCompare')}</label>
        <select id="board-comparison" @change=${(e) => { this.chosen = Number(e.target.value); }}>
          ${comparisons.map((c, i) => html`<option value=${i} ?selected=${c === chosen}>${tp('board.comparisonOption', c.seeds,
            { groups: c.groups.length, axis: axisName(this.axis), shared: this.shared(c) })}</option>`)}
        </select></p>` : ''}`;
  }

  groupTable() {
    const groups = this.comparison().groups;
    return html`${this.comparisonChooser()}<div class="scroll" tabindex="0" role="region" aria-label=${t('board.perGroup')}><table>
      <caption>${t('board.groupCaption', { axis: axisName(this.axis) })}</caption>
      <thead><tr><th scope="col">${axisName(this.axis)}</th><th scope="col">${t('board.series.mean')}</th><th scope="col">${t('board.range')}</th><th scope="col">${t('board.seeds')}</th>
        <th scope="col">${t('board.runs')}</th><th scope="col">${t('board.column.parameters')}</th><th scope="col">${t('board.column.trainingTime')}</th></tr></thead>
      <tbody>${groups.map((g) => html`<tr><th scope="row">${label(this.axis, g.value)}</th>
        <td>${percent(g.mean)}${g.spread != null ? html` ± ${number(g.spread * 100, 2)}` : html` <span class="badge">${t('board.oneSeed')}</span>`}</td>
        <td class="number">${percent(g.min)} – ${percent(g.max)}</td><td>${g.seeds}${g.collapsed ? html` <span class="badge collapsed">${t('board.collapsedCount', { count: g.collapsed })}</span>` : ''}</td><td>${g.runs}</td>
        <td>${number(g.meanParameters)}</td><td>${t('board.seconds', { seconds: number(g.meanSeconds, 1) })}</td></tr>`)}</tbody>
    </table></div>`;
  }

  entryTable() {
    const header = ([key, text]) => html`<th scope="col" aria-sort=${this.sort === key ? (this.descending ? 'descending' : 'ascending') : 'none'}>
      <button @click=${() => this.sortBy(key)}>${t(text)}${this.sort === key ? (this.descending ? ' ▼' : ' ▲') : ''}</button></th>`;
    return html`<div class="scroll" tabindex="0" role="region" aria-label=${t('board.bestRuns')}><table>
      <caption>${t('board.bestCaption')}</caption>
      <thead><tr><th scope="col">${t('board.learner')}</th><th scope="col">${t('board.configuration')}</th>${COLUMNS.map(header)}<th scope="col">${t('board.check')}</th></tr></thead>
      <tbody>${repeat(this.sortedEntries(), (e) => e.runId, (e) => html`<tr class=${e.hidden ? 'hidden-row' : ''}>
        <td>${e.learner}</td><td class="configuration">${describe(e)}</td><td class="number">${percent(e.testAccuracy)}${e.outcome === 'collapsed'
          ? html` <span class="badge collapsed" title=${t('board.collapsedTitle')}>${t('runs.state.collapsed')}</span>` : ''}</td><td>${number(e.parameters)}</td>
        <td>${t('board.seconds', { seconds: number(e.trainingSeconds, 1) })}</td><td>${number(e.imagesPerSecond)}</td><td>${e.seed}</td>
        <td><time datetime=${e.finishedAt} title=${e.finishedAt}>${localTime(e.finishedAt)}</time></td>
        <td>${e.verification ? html`<span class="badge ${e.verification}">${this.verificationText(e)}</span>` : ''}
          ${this.instructor ? html`<button @click=${() => this.verify(e)} ?disabled=${e.verification === 'pending'}>${t('board.verify')}</button>
            <button @click=${() => this.hide(e)}>${e.hidden ? t('board.show') : t('board.hide')}</button>` : ''}</td>
      </tr>`)}</tbody>
    </table></div>`;
  }

  /** An entry's check ("verified (96.10%)") in the page's language. */
  verificationText(entry) {
    const state = VERIFICATIONS[entry.verification] ? t(VERIFICATIONS[entry.verification]) : entry.verification;
    return entry.verificationAccuracy == null ? state : t('board.verificationWithAccuracy', { state, accuracy: percent(entry.verificationAccuracy) });
  }

  render() {
    if (this.loggedIn === undefined) return html`<p>${t('common.loading')}</p>`;
    if (!this.loggedIn) return html`<p>${t('board.logInFirst', { login: html`<a href="/login">${t('common.logIn')}</a>` })}</p>`;
    return html`
      <form @change=${() => { this.chosen = 0; this.load(); }} @submit=${(e) => { e.preventDefault(); this.chosen = 0; this.load(); }}>
        <label for="board-dataset">${t('training.data')}</label>
        <select id="board-dataset" name="dataset"><option value="fashion-mnist">Fashion-MNIST</option><option value="mnist">MNIST</option><option value="">${t('board.both')}</option></select>
        <label for="board-epochs">${t('training.epochs')}</label>
        <input id="board-epochs" name="epochs" type="number" min="1" max="20" placeholder=${t('board.any')} style="width: 5rem">
        <label for="board-variant">${t('board.variant')}</label>
        <select id="board-variant" name="downsampling"><option value="">${t('board.all')}</option>
          ${Object.keys(VARIANTS).map((value) => html`<option value=${value}>${variantName(value)}</option>`)}</select>
        <label for="board-axis">${t('board.compareBy')}</label>
        <select id="board-axis" @change=${(e) => { e.stopPropagation(); this.axis = e.target.value; this.chosen = 0; }}>
          ${Object.keys(AXES).map((value) => html`<option value=${value}>${axisName(value)}</option>`)}</select>
        ${this.classes?.length ? html`<label for="board-class">${t('board.class')}</label>
          <select id="board-class" name="class"><option value="">${t('board.everyone')}</option>
            ${this.classes.map((c) => html`<option value=${c.id}>${c.name}</option>`)}</select>` : ''}
        ${this.instructor ? html`<label><input type="checkbox" name="hidden"> ${t('board.showHidden')}</label>` : ''}
        <button type="button" @click=${() => downloadCsv(`${this.api}?${this.query()}`, 'leaderboard.csv')}>${t('board.download')}</button>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${!this.board ? html`<p>${t('common.loading')}</p>` : !this.board.entries.length ? html`<p>${t('board.empty')}</p>` : html`
        ${this.groupTable()}
        <div class="charts">
          <div class="chart variants" role="img" aria-label=${t('board.variantsChart', { axis: axisName(this.axis) })}></div>
          <div class="chart parameters" role="img" aria-label=${t('board.parametersChart')}></div>
          <div class="chart seconds" role="img" aria-label=${t('board.secondsChart')}></div>
        </div>
        ${this.board.baselines.length ? html`<p class="references">${t('board.references',
          { results: this.board.baselines.map((b) => `${baselineName(b.label)} ${b.accuracy}`).join(' · ') })}</p>` : ''}
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
