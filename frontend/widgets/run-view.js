// The run page: one run followed live, by its id.
import './lib/run-view.js';

export function mount(element, params) {
  const view = document.createElement('cl-run-view');
  view.setAttribute('run-id', params.id);
  element.replaceChildren(view);
}
