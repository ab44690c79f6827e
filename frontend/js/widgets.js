// Brings widget placeholders (rendered from ::name{...} directives) to life with their module from /app/widgets/.
import { t } from 'app/i18n/messages.js';

async function mountWidget(element) {
  const name = element.dataset.widget;
  if (!/^[a-z][a-z0-9-]*$/.test(name)) {
    return;
  }
  try {
    const module = await import(`/app/widgets/${name}.js`);
    module.mount(element, JSON.parse(element.dataset.params || '{}'));
  } catch (error) {
    element.textContent = t('widgets.notLoaded');
    console.error(`widget ${name}`, error);
  }
}

/** Mounts every available widget under {@code root}. */
export function mountWidgets(root) {
  root.querySelectorAll('.widget[data-widget]:not(.widget-unknown)').forEach(mountWidget);
}
