// One training run as it happens: state, a progress bar with the ETA, loss (every few batches and per epoch) and
// accuracy charts (Apache ECharts), then the first layer's learned kernels and the confusion matrix. It follows the
// run's Server-Sent Events, which replay everything stored, so a reload mid-run loses nothing.
import { LitElement, html, css } from 'lit';
import * as echarts from '/_static/echarts/dist/echarts.esm.min.js';
import { apiPath, postJson } from 'app/js/api.js';
import { t, number, percent } from 'app/i18n/messages.js';
import { drawMap } from './maps.js';
import { className } from './datasets.js';

export const FINISHED = ['succeeded', 'failed', 'diverged', 'canceled'];

/** A run's state ("queued", "diverged") in the page's language. */
const STATES = { queued: 'runs.state.queued', running: 'runs.state.running', succeeded: 'runs.state.succeeded',
  failed: 'runs.state.failed', diverged: 'runs.state.diverged', canceled: 'runs.state.canceled', collapsed: 'runs.state.collapsed' };
export const stateName = (state) => (STATES[state] ? t(STATES[state]) : state);

/** A finished run's accuracy with what it came to: "96.10%", "11.20%, collapsed". */
export function accuracyWithOutcome(run) {
  if (run.result?.testAccuracy == null || run.state !== 'succeeded') return '';
  const accuracy = percent(run.result.testAccuracy);
  return run.outcome?.kind === 'collapsed' ? t('runs.collapsedAccuracy', { accuracy }) : accuracy;
}

/** "3 min 20 s" from seconds; a moment while the server has not sent its estimate yet. */
export function duration(seconds) {
  if (seconds == null) return t('runs.aMoment');
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? t('runs.seconds', { seconds: s }) : t('runs.minutes', { minutes: Math.floor(s / 60), seconds: s % 60 });
}

class RunView extends LitElement {
  static properties = { runId: { type: Number, attribute: 'run-id' }, run: { state: true }, epochs: { state: true }, batches: { state: true } };

  static styles = css`
    :host { display: block; }
    progress { width: 100%; height: 1rem; }
    button { font: inherit; padding: 0.3rem 0.8rem; border: 1px solid #1d4ed8; border-radius: 0.3rem; background: #fff; color: #1d4ed8; cursor: pointer; }
    button:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
    .chart { width: 100%; height: 300px; }
    @media (max-width: 560px) { .chart { height: 340px; } }
    .kernels { display: flex; flex-wrap: wrap; gap: 0.5rem; }
    .kernels canvas { width: 72px; height: 72px; image-rendering: pixelated; border: 1px solid #6b7280; }
    .failed-run { border-left: 4px solid #b91c1c; padding-left: 0.75rem; }
    .scroll { overflow-x: auto; max-width: 100%; }
    table { border-collapse: collapse; font-size: 0.85rem; }
    th, td { padding: 0.2rem 0.35rem; text-align: right; border: 1px solid #e5e7eb; color: #111827; }
    th[scope=row] { text-align: left; }
    thead th:first-child { white-space: nowrap; }
  `;

  constructor() {
    super();
    this.epochs = [];
    this.batches = [];
  }

  updated(changed) {
    if (changed.has('runId') && this.runId) {
      this.follow();
    }
    this.drawCharts();
    // Following a new run clears the old one's result before the next render removes its canvases.
    const kernels = this.run?.result?.firstLayerKernels ?? [];
    this.renderRoot.querySelectorAll('.kernels canvas').forEach((canvas, i) => kernels[i] && drawMap(canvas, kernels[i]));
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.flushing);
    this.source?.close();
    clearInterval(this.clock);
  }

  follow() {
    this.source?.close();
    this.pending = [];
    this.epochs = [];
    this.batches = [];
    this.run = { id: this.runId };
    this.source = new EventSource(apiPath`/api/runs/${this.runId}/events`);
    this.source.onmessage = (message) => this.onEvent(JSON.parse(message.data));
    clearInterval(this.clock);
    this.clock = setInterval(() => this.requestUpdate(), 1000);
  }

  /**
   * Progress events are gathered and shown together a tenth of a second later: a finished run replays a few hundred of
   * them at once, and redrawing the chart for each one kept a reloaded page "Connecting…" for seconds.
   */
  onEvent(event) {
    if (event.kind === 'epoch' || event.kind === 'batches') {
      (this.pending ??= []).push(event);
      this.flushing ??= setTimeout(() => this.flush(), 100);
      return;
    }
    this.flush();
    if (event.kind === 'restart') {
      this.epochs = [];
      this.batches = [];
    } else {
      this.run = { ...this.run, ...event, seenAt: Date.now() };
      if (FINISHED.includes(event.state)) {
        this.source.close();
        clearInterval(this.clock);
      }
      this.dispatchEvent(new CustomEvent('run-state', { detail: this.run, bubbles: true, composed: true }));
    }
  }

  flush() {
    clearTimeout(this.flushing);
    this.flushing = null;
    const events = this.pending ?? [];
    this.pending = [];
    if (!events.length) return;
    this.epochs = [...this.epochs, ...events.filter((e) => e.kind === 'epoch')];
    this.batches = [...this.batches, ...events.filter((e) => e.kind === 'batches')];
  }

  /** Fraction of the run done, from the last batch report or the epochs finished. */
  done() {
    if (FINISHED.includes(this.run?.state)) return 1;
    const total = this.run?.epochs;
    if (!total) return 0;
    const last = this.batches.at(-1);
    const fromBatches = last ? (last.epoch - 1 + last.batch / last.batchesPerEpoch) / total : 0;
    return Math.max(fromBatches, (this.run.epochsDone ?? 0) / total);
  }

  eta() {
    if (this.run?.etaSeconds == null || FINISHED.includes(this.run.state)) return null;
    return this.run.etaSeconds - (Date.now() - this.run.seenAt) / 1000;
  }

  async cancel() {
    await postJson(apiPath`/api/runs/${this.runId}/cancel`);
  }

  drawCharts() {
    const element = this.renderRoot.querySelector('.chart');
    if (!element) return;
    this.chart ??= echarts.init(element, null, { renderer: 'svg' });
    const perEpoch = (e) => e.epoch;
    const batchX = (b) => +(b.epoch - 1 + b.batch / b.batchesPerEpoch).toFixed(3);
    // On a phone the three names wrap onto lines of their own instead of scrolling out of sight.
    const narrow = element.clientWidth < 560;
    this.chart.setOption({
      // No animation: a screenshot or a glance right after the replay must show every point already.
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, orient: narrow ? 'vertical' : 'horizontal', left: narrow ? 0 : 'center', itemGap: narrow ? 4 : 10 },
      grid: { left: 48, right: 48, top: narrow ? 84 : 48, bottom: 36 },
      xAxis: { type: 'value', name: t('runs.chart.epoch'), min: 0, nameLocation: 'middle', nameGap: 24 },
      yAxis: [{ type: 'value', name: t('runs.chart.loss') }, { type: 'value', name: t('runs.chart.accuracy'), min: 0, max: 1 }],
      series: [
        { name: t('runs.chart.trainLoss'), type: 'line', showSymbol: false, data: this.batches.map((b) => [batchX(b), b.meanLoss]) },
        { name: t('runs.chart.validationLoss'), type: 'line', data: this.epochs.map((e) => [perEpoch(e), e.validationLoss]) },
        { name: t('runs.chart.validationAccuracy'), type: 'line', yAxisIndex: 1, data: this.epochs.map((e) => [perEpoch(e), e.validationAccuracy]) },
      ],
    });
  }

  status() {
    const run = this.run ?? {};
    switch (run.state) {
      case undefined: return t('runs.connecting');
      case 'queued': return t('runs.queued', { ahead: run.queuePosition, eta: duration(this.eta()) });
      case 'running': return t('runs.running', { done: run.epochsDone, epochs: run.epochs ?? '?', eta: duration(this.eta()) });
      case 'succeeded': return run.outcome?.kind === 'collapsed'
        ? t('runs.collapsed', { accuracy: percent(run.result.testAccuracy) })
        : t('runs.done', { accuracy: percent(run.result.testAccuracy), parameters: number(run.result.parameters),
          time: duration(run.result.trainingSeconds), speed: number(run.result.imagesPerSecond), device: run.result.device });
      default: return run.error ? t('runs.endedWithError', { state: stateName(run.state), error: run.error }) : t('runs.ended', { state: stateName(run.state) });
    }
  }

  confusion() {
    const matrix = this.run?.result?.confusion;
    if (!matrix) return '';
    const names = matrix.map((_, label) => className(this.run.dataset, label));
    const max = Math.max(...matrix.flat());
    return html`<h3>${t('runs.confusionTitle')}</h3>
      <div class="scroll" tabindex="0" role="region" aria-label=${t('runs.confusion')}><table><caption>${t('runs.confusionCaption')}</caption>
        <thead><tr><th scope="col">${t('runs.confusionCorner')}</th>${names.map((n) => html`<th scope="col">${n}</th>`)}</tr></thead>
        <tbody>${matrix.map((row, i) => html`<tr><th scope="row">${names[i]}</th>${row.map((count, j) => html`<td
          style=${`background: rgba(${i === j ? '29,78,216' : '185,28,28'}, ${(0.05 + 0.4 * count / max).toFixed(2)})`}>${count}</td>`)}</tr>`)}</tbody>
      </table></div>`;
  }

  render() {
    const run = this.run ?? {};
    const active = run.state && !FINISHED.includes(run.state);
    return html`
      <p class="status" role="status" aria-live="polite">${this.status()}</p>
      ${active ? html`<progress max="1" value=${this.done()} aria-label=${t('runs.progress')}></progress>
        <p><button type="button" @click=${this.cancel}>${t('runs.cancel', { run: this.runId })}</button></p>` : ''}
      ${['diverged', 'collapsed'].includes(run.outcome?.kind) ? html`<div class="failed-run"><p><strong>${t(run.outcome.kind === 'diverged'
        ? 'runs.outcomeDiverged' : 'runs.outcomeCollapsed')}</strong> ${run.outcome.explanation}</p></div>` : ''}
      ${this.epochs.length || this.batches.length ? html`<div class="chart" role="img" aria-label=${this.epochs.length
        ? t('runs.chartLabelAccuracy', { epochs: this.epochs.length, accuracy: percent(this.epochs.at(-1).validationAccuracy, 1) })
        : t('runs.chartLabel', { epochs: this.epochs.length })}></div>` : ''}
      ${run.result?.firstLayerKernels ? html`<h3>${t('runs.kernelsTitle')}</h3><div class="kernels">
        ${run.result.firstLayerKernels.map((_, i) => html`<canvas role="img" aria-label=${t('runs.kernel', { kernel: i + 1 })}></canvas>`)}</div>` : ''}
      ${this.confusion()}
    `;
  }
}

customElements.define('cl-run-view', RunView);
