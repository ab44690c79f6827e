// Step 5: the image unfolded into a matrix, the convolution as one matrix product, and a timing race the server runs.
import { LitElement, html, css } from 'lit';
import { apiPath, getJson, postJson } from 'app/js/api.js';
import { localClock } from 'app/js/times.js';
import { PRESETS, LESSON_KERNELS, formatWeight } from './lib/kernels.js';
import { drawDigit, drawMap, grey } from './lib/maps.js';

const COLUMN_WIDTH = 3;
const ROW_HEIGHT = 12;

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
    this.kernelName = 'Top edge';
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    const image = await getJson(apiPath`/api/datasets/mnist/images/${this.index}`);
    if (!image.ok) {
      this.error = image.data?.detail ?? 'The digit could not be loaded.';
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
    this.error = ok ? null : (data?.detail ?? 'The server could not run the race.');
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
    const slowest = Math.max(...timings.map((t) => t.medianMicros));
    const fastest = Math.min(...timings.map((t) => t.medianMicros));
    return html`<div class=${`race${this.racing ? ' stale' : ''}`}><table>
      <caption>${caption}</caption>
      <thead><tr><th scope="col">method</th><th scope="col">median</th><th scope="col">relative</th></tr></thead>
      <tbody>${timings.map((t) => html`<tr class=${t.medianMicros === fastest ? 'winner' : ''}><th scope="row">${t.method}${t.medianMicros === fastest ? ' (fastest)' : ''}</th>
        <td class="number">${t.medianMicros < 1000 ? `${t.medianMicros.toFixed(1)} µs` : `${(t.medianMicros / 1000).toFixed(2)} ms`}</td>
        <td class="relative"><span class="bar" style=${`width:${Math.max(2, (100 * t.medianMicros) / slowest)}%`}></span></td></tr>`)}</tbody>
    </table></div>`;
  }

  /** What the two heats show, said from the numbers shown. */
  verdict(answer) {
    const by = (timings, method) => timings.find((t) => t.method === method).medianMicros;
    const loop = by(answer.timings, 'Plain Java loop');
    const conv = by(answer.timings, 'TensorFlow Conv2D');
    const batchLoop = by(answer.batch.timings, 'Plain Java loop');
    const batchConv = by(answer.batch.timings, 'TensorFlow Conv2D');
    const ratio = (a, b) => (a / b >= 10 ? (a / b).toFixed(0) : (a / b).toFixed(1));
    const single = loop < conv
      ? `On one image the loop won this time, ${ratio(conv, loop)}× faster than Conv2D: the image is tiny, and each TensorFlow call pays a fixed cost (copying the inputs into tensors, starting the session run, copying the map back) that is larger than the ${(answer.rows * answer.columns).toLocaleString('en')} multiply-adds themselves.`
      : `On one image Conv2D won this time, ${ratio(loop, conv)}× faster than the loop; on an image this small both times are mostly fixed costs, so the order can flip from run to run.`;
    const batch = batchConv < batchLoop
      ? `On ${answer.batch.images} digits × ${answer.batch.kernels} kernels the work is ${answer.batch.images * answer.batch.kernels} times larger, the fixed cost is paid once, and Conv2D is ${ratio(batchLoop, batchConv)}× faster than the loop.`
      : `On ${answer.batch.images} digits × ${answer.batch.kernels} kernels the loop still won this time, which is unusual: run the race again.`;
    return `${single} ${batch}`;
  }

  /** When and for whom the server measured the times shown, said plainly. */
  measured(answer, kernel) {
    const size = `${kernel.length}×${kernel[0].length}`;
    const when = `Measured on the server (${answer.device}) at ${localClock(answer.measuredAt)}, ${answer.ageSeconds < 2 ? 'just now' : `${answer.ageSeconds} s ago`}`;
    return answer.shared
      ? `${when}, in a race shared by every learner with a ${size} kernel on these 28×28 digits: the times depend on those sizes, not on the digit or the weights, so the server reuses a race for ${answer.sharedForSeconds} s. Press the button to race on your own digit and kernel.`
      : `${when}, in a race run for you on this digit and kernel; for the next ${answer.sharedForSeconds} s the server shows it to everyone with a ${size} kernel.`;
  }

  render() {
    const kernel = PRESETS[this.kernelName];
    const answer = this.answer;
    const focused = answer && this.focus ? answer.unfolded.map((row) => row[this.focus.column]) : null;
    return html`
      <div class="controls">
        <label for="im2col-index">Digit number</label>
        <input id="im2col-index" type="number" min="0" max="9999" .value=${String(this.index)}
               @change=${(e) => { this.index = Math.max(0, Math.min(9999, Number(e.target.value) || 0)); this.load(); }}>
        <label for="im2col-kernel">Kernel</label>
        <select id="im2col-kernel" @change=${(e) => { this.kernelName = e.target.value; this.load(); }}>
          ${LESSON_KERNELS.map((name) => html`<option ?selected=${name === this.kernelName}>${name}</option>`)}
        </select>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${answer ? html`
        <p>The digit unfolded: <strong>${answer.rows} × ${answer.columns}</strong>, one column per position of the kernel,
          one row per kernel weight. Point at a column (or focus the matrix and use the arrow keys) to see its window.</p>
        <div class="matrix" tabindex="0" role="region" aria-label=${`Unfolded matrix, ${answer.rows} by ${answer.columns}`} @keydown=${this.onMatrixKey}>
          <canvas width=${answer.columns * COLUMN_WIDTH} height=${answer.rows * ROW_HEIGHT} role="img"
                  aria-label="Each column is one 3 by 3 window of the digit, flattened" @pointermove=${this.onMatrixPointer}></canvas>
        </div>
        <p aria-live="polite">${focused ? html`Column ${this.focus.column} is the window whose top-left corner is row ${this.focus.y},
          column ${this.focus.x}: <code>[${focused.map((v) => v.toFixed(2)).join(', ')}]</code>; times the kernel row it gives
          <strong>${answer.map[this.focus.y][this.focus.x].toFixed(3)}</strong>.` : ''}</p>
        <div class="layout">
          <figure><canvas class="digit" width="28" height="28" role="img" aria-label=${`Digit ${this.image.label}`}></canvas>
            <figcaption>The digit</figcaption></figure>
          <figure><canvas class="map" role="img" aria-label=${`The product reshaped to ${answer.map.length} by ${answer.map[0].length}`}></canvas>
            <figcaption>1×${answer.rows} kernel row · ${answer.rows}×${answer.columns} = 1×${answer.columns}, reshaped ${answer.map.length}×${answer.map[0].length}</figcaption></figure>
        </div>
        <p>The kernel as one row: <code>[${kernel.flat().map(formatWeight).join(', ')}]</code></p>
        <div class="races" aria-live="polite">
          ${this.raceTable(`One digit, one kernel: median of ${answer.timings[0].runs} runs each`, answer.timings)}
          ${this.raceTable(`${answer.batch.images} digits ${answer.shared ? '' : '(this one and the next) '}× ${answer.batch.kernels} kernels ${answer.shared ? '(one kernel, flipped and negated)' : '(yours, flipped and negated)'}: median of ${answer.batch.timings[0].runs} runs each`, answer.batch.timings)}
        </div>
        <p class="measured">${this.racing ? html`<strong>Racing again…</strong> the dimmed times are the last race's.` : this.measured(answer, kernel)}</p>
        ${this.racing ? '' : html`<p>${this.verdict(answer)}</p>`}
        <button type="button" ?disabled=${this.racing} @click=${() => this.race(true)}>Run the race again</button>
      ` : html`<p>Unfolding the digit…</p>`}
    `;
  }
}

customElements.define('cl-im2col', Im2col);

export function mount(element, params) {
  const widget = document.createElement('cl-im2col');
  widget.index = Number(params.index ?? 7);
  element.replaceChildren(widget);
}
