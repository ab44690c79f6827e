// Step 3: the four lesson kernels slid over a whole digit.
import './lib/kernel-lab-element.js';

export function mount(element, params) {
  const lab = document.createElement('cl-kernel-lab');
  lab.fixed = true;
  lab.source = params.dataset || 'mnist';
  lab.index = Number(params.index ?? 7);
  element.replaceChildren(lab);
}
