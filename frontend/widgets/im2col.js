// Step 5: the image unfolded into a matrix, the convolution as one matrix product, and a timing race the server runs.
import { LitElement, html, css } from 'lit';
import { apiPath, getJson, postJson } from 'app/js/api.js';
import { localClock } from 'app/js/times.js';
import { t, number } from 'app/i18n/messages.js';
import { PRESETS, LESSON_KERNELS, formatWeight, presetName } from './lib/kernels.js';
import { drawDigit, drawMap, grey } from './lib/maps.js';

const COLUMN_WIDTH = 3;
const ROW_HEIGHT = 12;
/** The race's methods by the names the server gives them (ids, never shown as they are), each with its catalogue key. */
const LOOP = 'Plain Java loop'; // i18n-ignore: the server's id
const MATMUL = 'im2col + MatMul in TensorFlow'; // i18n-ignore: the server's id
const CONV2D = 'TensorFlow Conv2D'; // i18n-ignore: the server's id
const METHODS = { [LOOP]: 'im2col.method.loop', [MATMUL]: 'im2col.method.matmul', [CONV2D]: 'im2col.method.conv2d' };
const methodName = (method) => (METHODS[method] ? t(METHODS[method]) : method);

class Im2col extends LitElement {
  static properties = {
    index: { type: Number },
    kernelName: { state: true },
    image: { state: true },
    answer: { state: true },
    focus: { state: true },
    racing: { state: true },
    error: { state: true },
  };

  static styles = css`
    :host { display: block; }
    .controls { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-bottom: 0.75rem; }
    input { width: 5rem; font: inherit; }
    select { font: inherit; }
    :is(input, select, .matrix):focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
    .layout { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
    .layout figure { margin: 0; max-width: 14rem; }
    canvas.digit, canvas.map { width: 168px; height: 168px; image-rendering: pixelated; border: 1px solid #6b7280; }
    .matrix { overflow-x: auto; max-width: 100%; border: 1px solid #d1d5db; }
    .matrix canvas { display: block; image-rendering: pixelated; }
    code { font-family: ui-monospace, monospace; }
    table { border-collapse: collapse; margin-top: 0.5rem; }
    th, td { border: 1px solid #d1d5db; padding: 0.25rem 0.6rem; text-align: left; }
    td.number { text-align: right; font-family: ui-monospace, monospace; }
    /* Japanese breaks between any two characters: a time and its unit, and a heading, keep to one line. */
    td.number, thead th { white-space: nowrap; }
    .bar { display: inline-block; height: 0.8rem; background: #1d4ed8; vertical-align: middle; }
    .races { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; }
    .race { flex: 1 1 18rem; max-width: 100%; }
    .race table { width: 100%; }
    .race td.relative { width: 30%; }
    .race.stale { opacity: 0.35; }
    .winner { font-weight: 700; }
    button { font: inherit; padding: 0.3rem 0.7rem; border: 1px solid #1d4ed8; border-radius: 0.3rem; background: #fff; color: #1d4ed8; cursor: pointer; }
    button:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
    .error { color: #b91c1c; }
  `;

  constructor() {
    super();
    this.index = 7;
    this.kernelName = 'topEdge';
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    const image = await getJson(apiPath`/api/datasets/mnist/images/${this.index}`);
    if (!image.ok) {
      this.error = image.data?.detail ?? t('im2col.digitNotLoaded');
      return;
    }
    this.image = image.data;
    this.answer = null;
    this.focus = null;
    await this.race(false);
  }

  /**
   * Asks the server to unfold the digit, with the latest race for this kernel's size (shared by every learner for a
   * while) or, when {@code fresh}, a race run anew; the old timings stay only dimmed and labelled meanwhile.
   */
  async race(fresh) {
    const asked = [this.index, this.kernelName];
    this.racing = true;
    const { ok, data } = await postJson('/api/im2col', { dataset: 'mnist', index: this.index, kernel: PRESETS[this.kernelName], fresh });
    if (asked[0] !== this.index || asked[1] !== this.kernelName) {
      return;
    }
    this.racing = false;
    if (ok) {
      this.answer = data;
    }
    this.error = ok ? null : (data?.detail ?? t('im2col.raceFailed'));
  }

  updated() {
    const digit = this.renderRoot.querySelector('canvas.digit');
    if (digit && this.image) {
      const context = digit.getContext('2d');
      drawDigit(context, this.image.pixels);
      if (this.focus) {
        context.strokeStyle = '#f59e0b';
        context.lineWidth = 0.6;
        context.strokeRect(this.focus.x + 0.3, this.focus.y + 0.3, 2.4, 2.4);
      }
    }
    const matrix = this.renderRoot.querySelector('.matrix canvas');
    if (matrix && this.answer) {
      const context = matrix.getContext('2d');
      this.answer.unfolded.forEach((row, r) => row.forEach((v, c) => {
        const level = grey(v);
        context.fillStyle = this.focus?.column === c ? `rgb(255,${Math.round(96 + level / 2)},0)` : `rgb(${level},${level},${level})`;
        context.fillRect(c * COLUMN_WIDTH, r * ROW_HEIGHT, COLUMN_WIDTH, ROW_HEIGHT);
      }));
    }
    const map = this.renderRoot.querySelector('canvas.map');
    if (map && this.answer) {
      drawMap(map, this.answer.map);
    }
  }

  onMatrixPointer(event) {
    const box = event.target.getBoundingClientRect();
    const column = Math.floor((event.clientX - box.left) / COLUMN_WIDTH);
    this.pickColumn(column);
  }

  pickColumn(column) {
    if (!this.answer || column < 0 || column >= this.answer.columns) return;
    const side = this.answer.map[0].length;
    this.focus = { column, y: Math.floor(column / side), x: column % side };
  }

  /** Left and right move the window one position; up and down one row of positions (one map row). */
  onMatrixKey(event) {
    if (!this.answer) return;
    const side = this.answer.map[0].length;
    const step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -side, ArrowDown: side }[event.key];
    if (step) {
      event.preventDefault();
      const from = this.focus?.column ?? (step > 0 ? -1 : this.answer.columns);
      this.pickColumn(from + step);
      const box = this.renderRoot.querySelector('.matrix');
      const left = (this.focus?.column ?? 0) * COLUMN_WIDTH;
      if (box && (left < box.scrollLeft || left > box.scrollLeft + box.clientWidth - COLUMN_WIDTH)) {
        box.scrollLeft = left - box.clientWidth / 2;
      }
    }
  }

  raceTable(caption, timings) {
    const slowest = Math.max(...timings.map((timing) => timing.medianMicros));
    const fastest = Math.min(...timings.map((timing) => timing.medianMicros));
    return html`<div class=${`race${this.racing ? ' stale' : ''}`}><table>
      <caption>${caption}</caption>
      <thead><tr><th scope="col">${t('im2col.method')}</th><th scope="col">${t('im2col.median')}</th><th scope="col">${t('im2col.relative')}</th></tr></thead>
      <tbody>${timings.map((timing) => html`<tr class=${timing.medianMicros === fastest ? 'winner' : ''}><th scope="row">${timing.medianMicros === fastest
          ? t('im2col.fastest', { method: methodName(timing.method) }) : methodName(timing.method)}</th>
        <td class="number">${timing.medianMicros < 1000 ? t('im2col.micros', { value: number(timing.medianMicros, 1) })
          : t('im2col.millis', { value: number(timing.medianMicros / 1000, 2) })}</td>
        <td class="relative"><span class="bar" style=${`width:${Math.max(2, (100 * timing.medianMicros) / slowest)}%`}></span></td></tr>`)}</tbody>
    </table></div>`;
  }

  /** What the two heats show, said from the numbers shown. */
  verdict(answer) {
    const by = (timings, method) => timings.find((t) => t.method === method).medianMicros;
    const loop = by(answer.timings, LOOP);
    const conv = by(answer.timings, CONV2D);
    const batchLoop = by(answer.batch.timings, LOOP);
    const batchConv = by(answer.batch.timings, CONV2D);
    const ratio = (a, b) => number(a / b, a / b >= 10 ? 0 : 1);
    const single = loop < conv
      ? t('im2col.loopWon', { ratio: ratio(conv, loop), work: number(answer.rows * answer.columns) })
      : t('im2col.conv2dWon', { ratio: ratio(loop, conv) });
    const { images, kernels } = answer.batch;
    const batch = batchConv < batchLoop
      ? t('im2col.batchConv2dWon', { images, kernels, times: images * kernels, ratio: ratio(batchLoop, batchConv) })
      : t('im2col.batchLoopWon', { images, kernels });
    return t('im2col.verdict', { single, batch });
  }

  /** When and for whom the server measured the times shown, said plainly. */
  measured(answer, kernel) {
    const size = `${kernel.length}×${kernel[0].length}`;
    const when = { device: answer.device, time: localClock(answer.measuredAt), size, seconds: answer.sharedForSeconds,
      age: answer.ageSeconds < 2 ? t('im2col.justNow') : t('im2col.secondsAgo', { seconds: answer.ageSeconds }) };
    return answer.shared ? t('im2col.measuredShared', when) : t('im2col.measuredForYou', when);
  }

  render() {
    const kernel = PRESETS[this.kernelName];
    const answer = this.answer;
    const focused = answer && this.focus ? answer.unfolded.map((row) => row[this.focus.column]) : null;
    return html`
      <div class="controls">
        <label for="im2col-index">${t('im2col.digitNumber')}</label>
        <input id="im2col-index" type="number" min="0" max="9999" .value=${String(this.index)}
               @change=${(e) => { this.index = Math.max(0, Math.min(9999, Number(e.target.value) || 0)); this.load(); }}>
        <label for="im2col-kernel">${t('im2col.kernel')}</label>
        <select id="im2col-kernel" @change=${(e) => { this.kernelName = e.target.value; this.load(); }}>
          ${LESSON_KERNELS.map((name) => html`<option value=${name} ?selected=${name === this.kernelName}>${presetName(name)}</option>`)}
        </select>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${answer ? html`
        <p>${t('im2col.unfolded', { shape: html`<strong>${answer.rows} × ${answer.columns}</strong>` })}</p>
        <div class="matrix" tabindex="0" role="region" aria-label=${t('im2col.matrixLabel', { rows: answer.rows, columns: answer.columns })} @keydown=${this.onMatrixKey}>
          <canvas width=${answer.columns * COLUMN_WIDTH} height=${answer.rows * ROW_HEIGHT} role="img"
                  aria-label=${t('im2col.matrixImage')} @pointermove=${this.onMatrixPointer}></canvas>
        </div>
        <p aria-live="polite">${focused ? t('im2col.window', { column: this.focus.column, row: this.focus.y, left: this.focus.x,
          values: html`<code>[${focused.map((v) => number(v, 2)).join(', ')}]</code>`,
          value: html`<strong>${number(answer.map[this.focus.y][this.focus.x], 3)}</strong>` }) : ''}</p>
        <div class="layout">
          <figure><canvas class="digit" width="28" height="28" role="img" aria-label=${t('im2col.digitLabel', { label: this.image.label })}></canvas>
            <figcaption>${t('im2col.digit')}</figcaption></figure>
          <figure><canvas class="map" role="img" aria-label=${t('im2col.productLabel', { rows: answer.map.length, columns: answer.map[0].length })}></canvas>
            <figcaption>${t('im2col.productCaption', { rows: answer.rows, columns: answer.columns, shape: `${answer.map.length}×${answer.map[0].length}` })}</figcaption></figure>
        </div>
        <p>${t('im2col.kernelRow', { row: html`<code>[${kernel.flat().map(formatWeight).join(', ')}]</code>` })}</p>
        <div class="races" aria-live="polite">
          ${this.raceTable(t('im2col.singleCaption', { runs: answer.timings[0].runs }), answer.timings)}
          ${this.raceTable(t(answer.shared ? 'im2col.batchCaptionShared' : 'im2col.batchCaptionYours',
            { images: answer.batch.images, kernels: answer.batch.kernels, runs: answer.batch.timings[0].runs }), answer.batch.timings)}
        </div>
        <p class="measured">${this.racing ? t('im2col.racing', { again: html`<strong>${t('im2col.racingAgain')}</strong>` }) : this.measured(answer, kernel)}</p>
        ${this.racing ? '' : html`<p>${this.verdict(answer)}</p>`}
        <button type="button" ?disabled=${this.racing} @click=${() => this.race(true)}>${t('im2col.raceAgain')}</button>
      ` : html`<p>${t('im2col.unfolding')}</p>`}
    `;
  }
}

customElements.define('cl-im2col', Im2col);

export function mount(element, params) {
  const widget = document.createElement('cl-im2col');
  widget.index = Number(params.index ?? 7);
  element.replaceChildren(widget);
}
