// The step editor: CodeMirror with Markdown highlighting, a live preview rendered by the server (widgets included),
// drafts with conflict detection, publishing, history, diffs and restore.
import { EditorView, basicSetup } from 'codemirror';
import { markdown } from '@codemirror/lang-markdown';
import { apiPath, getJson, postJson, putJson } from 'app/js/api.js';
import { mountWidgets } from 'app/js/widgets.js';

const app = document.getElementById('editor-app');
const slug = app.dataset.slug;
let base = Number(app.dataset.latest);
const status = document.getElementById('editor-status');
const preview = document.getElementById('preview');
const say = (text) => { status.textContent = text; };
let timer;

async function renderPreview(source) {
  const { ok, data } = await postJson('/api/instructor/preview', { source });
  if (!ok) {
    preview.replaceChildren(Object.assign(document.createElement('p'), { className: 'form-error', textContent: data?.detail ?? 'Cannot preview.' }));
    return;
  }
  preview.innerHTML = data.html;
  for (const exercise of data.exercises) {
    const box = document.createElement('div');
    box.className = 'exercise';
    box.innerHTML = exercise.promptHtml;
    preview.append(box);
  }
  mountWidgets(preview);
}

const editor = new EditorView({
  parent: document.getElementById('source-editor'),
  extensions: [basicSetup, markdown(), EditorView.lineWrapping,
    EditorView.contentAttributes.of({ 'aria-label': 'Step source: front matter and Markdown' }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) {
        clearTimeout(timer);
        timer = setTimeout(() => renderPreview(editor.state.doc.toString()), 400);
      }
    })],
});

const setSource = (text) => editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });

async function load() {
  const { ok, data } = await getJson(apiPath`/api/instructor/steps/${slug}/revisions/${base}`);
  if (ok) {
    setSource(data.source ?? '');
    renderPreview(data.source ?? '');
  } else {
    say(data?.detail ?? 'Cannot load the step.');
  }
}

document.getElementById('save-draft').addEventListener('click', async () => {
  const source = editor.state.doc.toString();
  const { ok, status: code, data } = await putJson(apiPath`/api/instructor/steps/${slug}/draft`, { source, baseRevision: base });
  const conflict = document.getElementById('conflict');
  if (code === 409) {
    document.getElementById('conflict-theirs').textContent = data.theirs.source;
    document.getElementById('conflict-yours').textContent = data.yours.source;
    conflict.hidden = false;
    base = data.yours.summary.number;
    say(`Saved as draft ${data.yours.summary.number}, but revision ${data.theirs.summary.number} was saved meanwhile.`);
  } else if (ok) {
    conflict.hidden = true;
    base = data.yours.summary.number;
    say(`Saved as draft revision ${base}. Learners still see the published revision.`);
  } else {
    say(data?.detail ?? 'Not saved.');
  }
});

async function publish(number) {
  const { ok, data } = await postJson(apiPath`/api/instructor/steps/${slug}/revisions/${number}/publish`);
  say(ok ? `Revision ${number} is now what learners see.` : (data?.detail ?? 'Not published.'));
  if (ok) setTimeout(() => window.location.reload(), 600);
}

document.getElementById('publish-latest').addEventListener('click', () => publish(base));
document.querySelectorAll('[data-publish]').forEach((b) => b.addEventListener('click', () => publish(b.dataset.publish)));

document.querySelectorAll('[data-restore]').forEach((button) => button.addEventListener('click', async () => {
  const { ok, data } = await postJson(apiPath`/api/instructor/steps/${slug}/revisions/${button.dataset.restore}/restore`);
  if (ok) {
    base = data.summary.number;
    setSource(data.source);
    say(`Revision ${button.dataset.restore} restored as draft ${base}.`);
  } else {
    say(data?.detail ?? 'Not restored.');
  }
}));

async function showDiff(from, to) {
  const response = await fetch(apiPath`/api/instructor/steps/${slug}/diff` + `?from=${from}&to=${to}`,
    { credentials: 'same-origin', headers: { Accept: 'text/plain' } });
  const diff = document.getElementById('diff');
  diff.hidden = false;
  const text = await response.text();
  diff.replaceChildren(...(text || `Revisions ${from} and ${to} are the same.`).split('\n').map((line) => {
    const span = document.createElement('span');
    span.className = line.startsWith('+') ? 'added' : line.startsWith('-') ? 'removed' : '';
    span.textContent = `${line}\n`;
    return span;
  }));
}

document.querySelectorAll('[data-diff]').forEach((button) => button.addEventListener('click', async () => {
  const revisions = await getJson(apiPath`/api/instructor/steps/${slug}/revisions`);
  const live = revisions.data?.find((r) => r.live)?.number ?? button.dataset.diff;
  showDiff(live, button.dataset.diff);
}));

document.getElementById('compare').addEventListener('submit', (event) => {
  event.preventDefault();
  showDiff(document.getElementById('compare-from').value, document.getElementById('compare-to').value);
});

load();
