// The network's design fields, shared by step 7's builder and step 11's ablation form, and the plan table the
// server computes for them (every layer's shape, parameters and receptive field, or why it cannot be built).
import { LitElement, html, css } from 'lit';
import { postJson, problemText } from 'app/js/api.js';

export const VARIANTS = { STRIDE2: 'stride-2 convolutions', MAX_POOL: 'stride-1 conv + max-pool', AVG_POOL: 'stride-1 conv + average-pool' };

/** The architecture fields; {@code prefix} keeps ids unique when two forms share a page. */
export function architectureFields(prefix, values = {}) {
  return html`
    <label for=${`${prefix}-downsampling`}>Downsampling</label>
    <select id=${`${prefix}-downsampling`} name="downsampling">
      ${Object.entries(VARIANTS).map(([value, label]) => html`<option value=${value} ?selected=${values.downsampling === value}>${label}</option>`)}
    </select>
    <label for=${`${prefix}-kernel`}>Kernel size</label>
    <select id=${`${prefix}-kernel`} name="kernelSize"><option value="3">3×3</option><option value="5" ?selected=${values.kernelSize === 5}>5×5</option></select>
    <label for=${`${prefix}-channels`}>Hidden channels</label>
    <input id=${`${prefix}-channels`} name="channels" value=${values.channels ?? '4, 8, 16, 16'} size="14" aria-describedby=${`${prefix}-channels-help`}>
    <span id=${`${prefix}-channels-help`} class="help">comma-separated; a last layer of 10 is added</span>
    <label><input type="checkbox" name="batchNorm" ?checked=${values.batchNorm}> Batch norm</label>
    <label for=${`${prefix}-head`}>Head</label>
    <select id=${`${prefix}-head`} name="head"><option value="FLATTEN">flatten</option><option value="GLOBAL_AVERAGE_POOL">global average pool</option></select>
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

class NetworkPlan extends LitElement {
  static properties = { settings: { type: Object }, plan: { state: true }, error: { state: true } };

  static styles = css`
    :host { display: block; }
    table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.95rem; }
    th, td { border-bottom: 1px solid #e5e7eb; padding: 0.3rem 0.6rem; text-align: right; }
    th:first-child, td:first-child { text-align: left; }
    .error { color: #b91c1c; }
  `;

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
    this.error = ok ? null : problemText(data, 'This network cannot be planned.');
    this.dispatchEvent(new CustomEvent('plan', { detail: this.plan, bubbles: true, composed: true }));
  }

  render() {
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    if (!this.plan) return html`<p>Planning…</p>`;
    return html`
      <table>
        <caption>Every layer for one 1×28×28 image</caption>
        <thead><tr><th scope="col">layer</th><th scope="col">output C×H×W</th><th scope="col">parameters</th><th scope="col">receptive field</th></tr></thead>
        <tbody>${this.plan.layers.map((l) => html`<tr><td>${l.name}</td><td>${l.channels}×${l.height}×${l.width}</td>
          <td>${l.parameters.toLocaleString('en')}</td><td>${l.receptiveField}×${l.receptiveField}</td></tr>`)}</tbody>
        <tfoot><tr><th scope="row">total</th><td></td><td>${this.plan.parameters.toLocaleString('en')}</td><td></td></tr></tfoot>
      </table>
      <p>${this.plan.parameters.toLocaleString('en')} parameters and ${this.plan.multiplyAdds.toLocaleString('en')} multiply-adds per image.</p>
    `;
  }
}

customElements.define('cl-network-plan', NetworkPlan);
