// Step 1's widget: one handwritten digit shown as the grid of numbers a network actually sees.
import { LitElement, html, css } from 'lit';
import { apiPath, getJson } from 'app/js/api.js';
import { t, number } from 'app/i18n/messages.js';
import { grey } from './lib/maps.js';

const luminance = (grey) => {
  const c = grey / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** Bright ink on a dark background, as stored; the text colour is whichever of black or white contrasts more. */
function cellStyle(value) {
  const level = grey(value);
  const l = luminance(level);
  const text = (1.05 / (l + 0.05)) > ((l + 0.05) / 0.05) ? '#fff' : '#000';
  return `background:rgb(${level},${level},${level});color:${text}`;
}

const MOVES = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

export class PixelGrid extends LitElement {
  static properties = {
    source: { type: String },
    index: { type: Number },
    count: { type: Number },
    image: { state: true },
    error: { state: true },
    cursor: { state: true },
  };

  static styles = css`
    :host { display: block; }
    .toolbar { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-bottom: 0.75rem; }
    .toolbar input { width: 6rem; font: inherit; padding: 0.3rem; }
    button { font: inherit; padding: 0.35rem 0.8rem; border: 1px solid #1d4ed8; background: #fff; color: #1d4ed8; border-radius: 0.3rem; cursor: pointer; }
    button:focus-visible, input:focus-visible, .scroll:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
    .layout { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
    canvas { width: 112px; height: 112px; image-rendering: pixelated; border: 1px solid #6b7280; }
    .scroll { overflow-x: auto; max-width: 100%; border: 1px solid #d1d5db; }
    table { border-collapse: collapse; font: 0.62rem/1 ui-monospace, monospace; }
    th { background: #f3f4f6; color: #111827; font-weight: 600; padding: 0.15rem; position: sticky; }
    thead th { top: 0; }
    tbody th { left: 0; }
    td { width: 1.7rem; height: 1.3rem; text-align: center; padding: 0; }
    td.cursor { outline: 3px solid #f59e0b; outline-offset: -3px; }
    .where { min-height: 1.5em; }
    .caption { margin: 0.5rem 0 0; }
    .error { color: #b91c1c; }
  `;

  constructor() {
    super();
    this.source = 'mnist';
    this.index = 0;
    this.count = 10000;
    this.cursor = { row: 0, column: 0 };
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    const index = Math.max(0, Math.min(this.count - 1, Math.trunc(this.index) || 0));
    const { ok, data } = await getJson(apiPath`/api/datasets/${this.source}/images/${index}`);
    if (ok) {
      this.index = index;
      this.image = data;
      this.error = null;
    } else {
      this.error = data?.detail ?? t('pixelGrid.notLoaded');
    }
  }

  updated() {
    const canvas = this.renderRoot.querySelector('canvas');
    if (!canvas || !this.image) {
      return;
    }
    const { width, height, pixels } = this.image;
    const context = canvas.getContext('2d');
    const bitmap = context.createImageData(width, height);
    pixels.flat().forEach((value, i) => {
      const level = grey(value);
      bitmap.data.set([level, level, level, 255], i * 4);
    });
    context.putImageData(bitmap, 0, 0);
    if (this.cursorMoved) {
      this.cursorMoved = false;
      this.renderRoot.querySelector('td.cursor')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  }

  /** One arrow press moves the highlighted cell by exactly one, in the grid's own box. */
  onKey(event) {
    const move = MOVES[event.key];
    if (!move || !this.image) {
      return;
    }
    event.preventDefault();
    this.cursorMoved = true;
    this.cursor = {
      row: Math.max(0, Math.min(this.image.height - 1, this.cursor.row + move[0])),
      column: Math.max(0, Math.min(this.image.width - 1, this.cursor.column + move[1])),
    };
  }

  step(delta) {
    this.index = (this.index + delta + this.count) % this.count;
    this.load();
  }

  render() {
    const image = this.image;
    return html`
      <div class="toolbar">
        <label for="digit-index">${t('pixelGrid.imageNumber')}</label>
        <input id="digit-index" type="number" min="0" max=${this.count - 1} .value=${String(this.index)}
               @change=${(e) => { this.index = Number(e.target.value); this.load(); }}>
        <button type="button" @click=${() => this.step(-1)}>${t('pixelGrid.previous')}</button>
        <button type="button" @click=${() => this.step(1)}>${t('pixelGrid.next')}</button>
        <button type="button" @click=${() => { this.index = Math.floor(Math.random() * this.count); this.load(); }}>${t('pixelGrid.random')}</button>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${image ? html`
        <div class="layout">
          <canvas width=${image.width} height=${image.height} role="img"
                  aria-label=${t('pixelGrid.digitLabel', { label: image.label })}></canvas>
          <div>
          <div class="scroll" tabindex="0" role="region" @keydown=${this.onKey}
               aria-label=${t('pixelGrid.valuesLabel', { index: image.index })}>
            <table>
              <caption class="caption">${t('pixelGrid.caption', { label: image.label, size: `${image.height}×${image.width}` })}</caption>
              <thead><tr><th scope="col"><span aria-label=${t('pixelGrid.rowColumn')}>${t('pixelGrid.rowColumnShort')}</span></th>
                ${image.pixels[0].map((_, x) => html`<th scope="col">${x}</th>`)}</tr></thead>
              <tbody>
                ${image.pixels.map((row, y) => html`<tr><th scope="row">${y}</th>
                  ${row.map((value, x) => html`<td class=${y === this.cursor.row && x === this.cursor.column ? 'cursor' : ''}
                      style=${cellStyle(value)}>${value === 0 ? '0' : value.toFixed(2).replace(/^0/, '')}</td>`)}</tr>`)}
              </tbody>
            </table>
          </div>
          <p class="where" aria-live="polite">${t('pixelGrid.where', { row: this.cursor.row, column: this.cursor.column,
            value: number(image.pixels[this.cursor.row][this.cursor.column], 3) })}</p>
          </div>
        </div>` : html`<p>${t('pixelGrid.loading')}</p>`}
    `;
  }
}

customElements.define('cl-pixel-grid', PixelGrid);

/** Replaces a widget placeholder with the pixel grid; {@code params} come from the Markdown directive. */
export function mount(element, params) {
  const grid = document.createElement('cl-pixel-grid');
  grid.source = params.dataset || 'mnist';
  grid.index = Number(params.index) || 0;
  element.replaceChildren(grid);
}
