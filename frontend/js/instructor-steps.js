// The instructor's list of steps: order, retire, add a step, import a zip.
import { apiPath, postJson, putJson } from 'app/js/api.js';
import { t } from 'app/i18n/messages.js';

const status = document.getElementById('authoring-status');
const say = (text) => { status.textContent = text; };
const slugs = () => [...document.querySelectorAll('#step-table tbody tr')].map((row) => row.dataset.slug);

document.querySelectorAll('#step-table button[data-action]').forEach((button) => {
  button.addEventListener('click', async () => {
    const slug = button.closest('tr').dataset.slug;
    const action = button.dataset.action;
    let result;
    if (action === 'retire' || action === 'unretire') {
      result = await postJson(apiPath`/api/instructor/steps/${slug}/retire` + (action === 'unretire' ? '?undo=true' : ''));
    } else {
      const order = slugs();
      const at = order.indexOf(slug);
      const to = action === 'up' ? at - 1 : at + 1;
      if (to < 0 || to >= order.length) return;
      [order[at], order[to]] = [order[to], order[at]];
      result = await putJson('/api/instructor/order', { slugs: order });
    }
    if (result.ok) {
      window.location.reload();
    } else {
      say(result.data?.detail ?? t('steps.failed'));
    }
  });
});

document.getElementById('new-step').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const slug = form.slug.value.trim();
  const source = `---\nslug: ${slug}\ntitle: "${form.title.value.replaceAll('"', '\\"')}"\norder: ${slugs().length + 1}\nexercises: []\n---\n\n${t('steps.placeholder')}\n`;
  const { ok, data } = await postJson('/api/instructor/steps', { source });
  if (ok) {
    window.location.assign(apiPath`/instructor/steps/${slug}`);
  } else {
    say(data?.detail ?? t('steps.notCreated'));
  }
});

document.getElementById('import-zip').addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = document.getElementById('zip-file').files[0];
  if (!file) return;
  const response = await fetch('/api/instructor/lesson.zip', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/zip', Accept: 'application/json',
      'X-CSRF-TOKEN': document.querySelector('meta[name="csrf-token"]').content },
    body: file,
  });
  const data = await response.json().catch(() => null);
  if (response.ok) {
    say(t('steps.imported', { created: data.created, revised: data.revised, unchanged: data.unchanged }));
    setTimeout(() => window.location.reload(), 800);
  } else {
    const problems = (data?.errors ?? []).map((e) => t('api.fieldProblem', { field: e.field, message: e.message })).join(' · ');
    say(t('steps.notImported', { detail: data?.detail ?? t('steps.notImportedDetail'), problems }));
  }
});
