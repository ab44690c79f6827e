// Step 7: design a CNN and see every layer's shape, parameters and receptive field, as the server plans it. A layer
// whose parameter count answers one of the step's exercises keeps it hidden until that exercise is passed, or until
// the reader (who may not be logged in) asks to see it.
import { LitElement, html, css } from 'lit';
import { t } from 'app/i18n/messages.js';
import { architectureFields, readArchitecture } from './lib/architecture.js';

/** Reads {@code conceal="key=c_in,c_out,k …"}: which exercise each conv layer's count answers. */
function readQuiz(text) {
  return (text ?? '').split(/\s+/).filter(Boolean).map((item) => {
    const [exercise, shape] = item.split('=');
    const [inChannels, outChannels, kernelSize] = shape.split(',').map(Number);
    return { exercise, inChannels, outChannels, kernelSize };
  });
}

const passed = (exercise) => document.querySelector(`form.exercise[data-exercise="${CSS.escape(exercise)}"]`)?.dataset.passed === 'true';

class NetworkBuilder extends LitElement {
  static properties = { settings: { state: true }, revealed: { state: true } };

  static styles = css`
    :host { display: block; }
    form { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; }
    label { font-weight: 600; }
    input, select { font: inherit; }
    :is(input, select):focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
    .help { color: #4b5563; font-size: 0.9rem; }
  `;

  constructor() {
    super();
    this.quiz = [];
    this.revealed = new Set();
    this.onPassed = (event) => this.reveal(event.detail.exercise);
  }

  connectedCallback() {
    super.connectedCallback();
    document.addEventListener('exercise-passed', this.onPassed);
  }

  disconnectedCallback() {
    document.removeEventListener('exercise-passed', this.onPassed);
    super.disconnectedCallback();
  }

  firstUpdated() {
    this.read();
  }

  read() {
    this.settings = readArchitecture(this.renderRoot.querySelector('form'));
  }

  reveal(exercise) {
    this.revealed = new Set([...this.revealed, exercise]);
  }

  /** Why a conv layer's count is hidden: it is the answer to an exercise this reader has not passed or revealed. */
  conceal(layer, inChannels) {
    const question = this.quiz.find((q) => q.inChannels === inChannels && q.outChannels === layer.channels
      && q.kernelSize === this.settings.kernelSize && !this.revealed.has(q.exercise) && !passed(q.exercise));
    return question ? t('builder.exerciseBelow') : null;
  }

  onReveal(event) {
    let inChannels = 1;
    for (const layer of event.target.plan.layers) {
      if (layer === event.detail) {
        this.quiz.filter((q) => q.inChannels === inChannels && q.outChannels === layer.channels).forEach((q) => this.reveal(q.exercise));
      }
      if (layer.parameters > 0) inChannels = layer.channels;
    }
  }

  render() {
    return html`
      <form @input=${this.read} @change=${this.read} @submit=${(e) => e.preventDefault()}>${architectureFields('builder')}</form>
      <cl-network-plan .settings=${this.settings} .conceal=${(layer, inChannels) => this.conceal(layer, inChannels)} @reveal=${this.onReveal}></cl-network-plan>
    `;
  }
}

customElements.define('cl-network-builder', NetworkBuilder);

export function mount(element, params) {
  const builder = document.createElement('cl-network-builder');
  builder.quiz = readQuiz(params?.conceal);
  element.replaceChildren(builder);
}
