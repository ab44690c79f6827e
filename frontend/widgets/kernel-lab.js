// Steps 4 and 10: the kernel lab; `input=photo` starts on the colour photographs.
import './lib/kernel-lab-element.js';

export function mount(element, params) {
  const lab = document.createElement('cl-kernel-lab');
  lab.source = params.input === 'photo' ? 'photos' : (params.dataset || 'mnist');
  lab.index = Number(params.index ?? (params.input === 'photo' ? 0 : 7));
  element.replaceChildren(lab);
}
