// The class pages' forms: each names its API call (data-api, data-method) and what follows success (data-then:
// reload, or open the class the answer names). Fields become the JSON body: a checkbox or a field marked
// data-type="boolean" a true/false, an empty optional field null. A refusal is shown in the form's alert.
import { problemText, sendJson } from 'app/js/api.js';
import { t } from 'app/i18n/messages.js';

function body(form) {
  const fields = [...form.elements].filter((field) => field.name && !field.disabled);
  if (!fields.length) return undefined;
  return Object.fromEntries(fields.map((field) => {
    if (field.type === 'checkbox') return [field.name, field.checked];
    if (field.dataset.type === 'boolean') return [field.name, field.value === 'true'];
    return [field.name, field.value.trim() === '' && !field.required ? null : field.value];
  }));
}

async function submit(event) {
  event.preventDefault();
  const form = event.currentTarget;
  if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) return;
  const alert = form.querySelector('.form-error');
  const button = form.querySelector('button[type="submit"], button:not([type])');
  button.disabled = true;
  const { ok, data } = await sendJson(form.dataset.method ?? 'POST', form.dataset.api, body(form));
  button.disabled = false;
  if (ok) {
    if (form.dataset.then === 'class') window.location.assign(`/classes/${encodeURIComponent(data.id)}`);
    else if (form.dataset.then === 'classes') window.location.assign('/classes');
    else window.location.reload();
    return;
  }
  alert.textContent = problemText(data, t('classes.failed'));
  alert.hidden = false;
}

document.querySelectorAll('form[data-api]').forEach((form) => form.addEventListener('submit', submit));

document.querySelectorAll('button[data-copy]').forEach((button) => {
  button.addEventListener('click', async () => {
    const field = document.getElementById(button.dataset.copy);
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
      button.textContent = t('classes.copied');
    } catch {
      button.textContent = t('classes.selected');
    }
  });
});
