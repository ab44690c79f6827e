// The network's design fields, shared by step 7's builder and step 11's ablation form, and the plan table the
// server computes for them (every layer's shape, parameters and receptive field, or why it cannot be built).
import { LitElement, html, css } from 'lit';
import { postJson, problemText } from 'app/js/api.js';
import { t, number } from 'app/i18n/messages.js';

/** The ways to downsample, by the API's name, each with its catalogue key. */
export const VARIANTS = { STRIDE2: 'variants.stride2', MAX_POOL: 'variants.maxPool', AVG_POOL: 'variants.avgPool' };

/** A downsampling variant's name in the page's language ("stride-2 convolutions"); an unknown one as the API said it. */
export const variantName = (variant) => (VARIANTS[variant] ? t(VARIANTS[variant]) : variant);

/** A planned layer's name as the server gives it ("conv1 3×3 stride 2", "flatten") in the page's language. */
export function layerName(name) {
  if (name === 'flatten') return t('architecture.flatten');
  if (name === 'global average pool') return t('architecture.globalAveragePool'); // i18n-ignore: the server's layer name
  return name.replace(/ stride (\d+)$/, (_, stride) => t('architecture.layerStride', { stride }));
}

/** The architecture fields; {@code prefix} keeps ids unique when two forms share a page. */
export function architectureFields(prefix, values = {}) {
  return html`
    <label for=${`${prefix}-downsampling`}>${t('architecture.downsampling')}</label>
    <select id=${`${prefix}-downsampling`} name="downsampling">
      ${Object.keys(VARIANTS).map((value) => html`<option value=${value} ?selected=${values.downsampling === value}>${variantName(value)}</option>`)}
    </select>
    <label for=${`${prefix}-kernel`}>${t('architecture.kernelSize')}</label>
    <select id=${`${prefix}-kernel`} name="kernelSize"><option value="3">3×3</option><option value="5" ?selected=${values.kernelSize === 5}>5×5</option></select>
    <label for=${`${prefix}-channels`}>${t('architecture.channels')}</label>
    <input id=${`${prefix}-channels`} name="channels" value=${values.channels ?? '4, 8, 16, 16'} size="14" aria-describedby=${`${prefix}-channels-help`}>
    <span id=${`${prefix}-channels-help`} class="help">${t('architecture.channelsHelp')}</span>
    <label><input type="checkbox" name="batchNorm" ?checked=${values.batchNorm}> ${t('architecture.batchNorm')}</label>
    <label for=${`${prefix}-head`}>${t('architecture.head')}</label>
    <select id=${`${prefix}-head`} name="head"><option value="FLATTEN">${t('architecture.flatten')}</option><option value="GLOBAL_AVERAGE_POOL">${t('architecture.globalAveragePool')}</option></select>
  `;
}

/** The architecture as the API takes it, read from a form holding {@link architectureFields}. */
export function readArchitecture(form) {
  return {
    downsampling: form.downsampling.value,
    kernelSize: Number(form.kernelSize.value),
    channels: form.channels.value.split(/[\s,]+/).filter(Boolean).map(Number),
    batchNorm: form.batchNorm.checked,
    head: form.head.value,
  };
}

/**
 * The plan table. {@code conceal} (optional) returns, for a layer and its input channels, why its parameter count is
 * hidden (it answers an exercise not yet passed) or nothing; a hidden count shows on request.
 */
class NetworkPlan extends LitElement {
  static properties = { settings: { type: Object }, plan: { state: true }, error: { state: true }, conceal: { attribute: false } };

  static styles = css`
    :host { display: block; }
    .scroll { overflow-x: auto; }
    .scroll:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
    table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.95rem; }
    th, td { border-bottom: 1px solid #e5e7eb; padding: 0.3rem 0.6rem; text-align: right; }
    @media (max-width: 30rem) { table { font-size: 0.85rem; } th, td { padding: 0.3rem 0.25rem; } }
    th:first-child, td:first-child { text-align: left; }
    .error { color: #b91c1c; }
    .concealed { color: #4b5563; white-space: nowrap; }
    .concealed-note { color: #4b5563; font-size: 0.9rem; margin: 0.25rem 0; }
    .concealed button { font: inherit; font-style: normal; margin-left: 0.3rem; padding: 0 0.4rem; border: 1px solid #1d4ed8;
      border-radius: 0.3rem; background: #fff; color: #1d4ed8; cursor: pointer; }
    .concealed button:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
  `;

  /** Each weighted layer with why its count is hidden (or null), in plan order. */
  hiddenCounts() {
    let inChannels = 1;
    return this.plan.layers.map((layer) => {
      if (layer.parameters === 0) return null;
      const reason = this.conceal?.(layer, inChannels) ?? null;
      inChannels = layer.channels;
      return reason;
    });
  }

  updated(changed) {
    if (changed.has('settings') && this.settings) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.load(), 200);
    }
  }

  async load() {
    const asked = this.settings;
    const { ok, data } = await postJson('/api/architectures', asked);
    if (asked !== this.settings) return;
    this.plan = ok ? data : null;
    this.error = ok ? null : problemText(data, t('architecture.notPlanned'));
    this.dispatchEvent(new CustomEvent('plan', { detail: this.plan, bubbles: true, composed: true }));
  }

  render() {
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    if (!this.plan) return html`<p>${t('architecture.planning')}</p>`;
    const hidden = this.hiddenCounts();
    const count = (layer, i) => (hidden[i]
      ? html`<span class="concealed">?<button type="button" aria-label=${t('architecture.showCountOf', { layer: layerName(layer.name) })}
          @click=${() => this.reveal(layer)}>${t('architecture.show')}</button></span>`
      : number(layer.parameters));
    return html`
      <div class="scroll" tabindex="0" role="region" aria-label=${t('architecture.plannedLayers')}><table>
        <caption>${t('architecture.caption')}</caption>
        <thead><tr><th scope="col">${t('architecture.layer')}</th><th scope="col">${t('architecture.output')}</th><th scope="col">${t('architecture.parameters')}</th><th scope="col">${t('architecture.receptiveField')}</th></tr></thead>
        <tbody>${this.plan.layers.map((l, i) => html`<tr><td>${layerName(l.name)}</td><td>${l.channels}×${l.height}×${l.width}</td>
          <td>${count(l, i)}</td><td>${l.receptiveField}×${l.receptiveField}</td></tr>`)}</tbody>
        <tfoot><tr><th scope="row">${t('architecture.total')}</th><td></td><td>${number(this.plan.parameters)}</td><td></td></tr></tfoot>
      </table></div>
      ${hidden.some(Boolean) ? html`<p class="concealed-note">${t('architecture.concealed', { where: hidden.find(Boolean) })}</p>` : ''}
      <p>${t('architecture.totals', { parameters: number(this.plan.parameters), multiplyAdds: number(this.plan.multiplyAdds) })}</p>
    `;
  }

  reveal(layer) {
    this.dispatchEvent(new CustomEvent('reveal', { detail: layer, bubbles: true, composed: true }));
  }
}

customElements.define('cl-network-plan', NetworkPlan);
