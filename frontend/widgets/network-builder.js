// Step 7: design a CNN and see every layer's shape, parameters and receptive field, as the server plans it.
import { LitElement, html, css } from 'lit';
import { architectureFields, readArchitecture } from './lib/architecture.js';

class NetworkBuilder extends LitElement {
  static properties = { settings: { state: true } };

  static styles = css`
    :host { display: block; }
    form { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; }
    label { font-weight: 600; }
    input, select { font: inherit; }
    :is(input, select):focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
    .help { color: #4b5563; font-size: 0.9rem; }
  `;

  firstUpdated() {
    this.read();
  }

  read() {
    this.settings = readArchitecture(this.renderRoot.querySelector('form'));
  }

  render() {
    return html`
      <form @input=${this.read} @change=${this.read} @submit=${(e) => e.preventDefault()}>${architectureFields('builder')}</form>
      <cl-network-plan .settings=${this.settings}></cl-network-plan>
    `;
  }
}

customElements.define('cl-network-builder', NetworkBuilder);

export function mount(element) {
  element.replaceChildren(document.createElement('cl-network-builder'));
}
