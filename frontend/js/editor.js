// The step editor: CodeMirror with Markdown highlighting, a live preview rendered by the server (widgets included),
// drafts with conflict detection, publishing, history, diffs and restore.
import { EditorView, basicSetup } from 'codemirror';
import { markdown } from '@codemirror/lang-markdown';
import { apiPath, getJson, postJson, putJson } from 'app/js/api.js';
import { mountWidgets } from 'app/js/widgets.js';
import { localTime } from 'app/js/times.js';
import { t } from 'app/i18n/messages.js';

const app = document.getElementById('editor-app');
const slug = app.dataset.slug;
// The language of the text being edited; a first translation starts from the English revision in data-start.
const language = app.dataset.language;
const revisionsPath = () => apiPath`/api/instructor/steps/${slug}/revisions` + `?language=${language}`;
let base = Number(app.dataset.latest);
// The text of the newest revision saved in this language; null while there is none (a first translation).
let saved = null;
const status = document.getElementById('editor-status');
const preview = document.getElementById('preview');
const say = (text) => { status.textContent = text; };
let timer;

async function renderPreview(source) {
  const { ok, data } = await postJson('/api/instructor/preview', { source });
  if (!ok) {
    preview.replaceChildren(Object.assign(document.createElement('p'), { className: 'form-error', textContent: data?.detail ?? t('editor.noPreview') }));
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
    // CodeMirror writes its styles into a <style> element, which the page's Content-Security-Policy allows by nonce.
    EditorView.cspNonce.of(document.querySelector('meta[name="csp-nonce"]').content),
    EditorView.contentAttributes.of({ 'aria-label': t('editor.sourceLabel') }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) {
        clearTimeout(timer);
        timer = setTimeout(() => renderPreview(editor.state.doc.toString()), 400);
      }
    })],
});

// The scroller takes focus too, so that keyboard users can scroll a long source (axe: scrollable-region-focusable).
editor.scrollDOM.tabIndex = 0;

const setSource = (text) => editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });

async function load() {
  const { ok, data } = await getJson(apiPath`/api/instructor/steps/${slug}/revisions/${app.dataset.start}`);
  if (ok) {
    setSource(data.source ?? '');
    renderPreview(data.source ?? '');
    if (base > 0) saved = data.source ?? '';
  } else {
    say(data?.detail ?? t('editor.notLoaded'));
  }
}

/** The history table and both compare menus, from the server's list of revisions (newest first). */
async function refreshHistory() {
  const { ok, data } = await getJson(revisionsPath());
  if (!ok) return;
  const cell = (content) => {
    const td = document.createElement('td');
    td.append(content);
    return td;
  };
  const time = (iso) => Object.assign(document.createElement('time'), { dateTime: iso, textContent: localTime(iso), title: iso });
  const action = (text, attribute, number) => {
    const button = Object.assign(document.createElement('button'), { type: 'button', className: 'link-button', textContent: text });
    button.setAttribute(attribute, number);
    return button;
  };
  document.getElementById('history-rows').replaceChildren(...data.map((r) => {
    const row = document.createElement('tr');
    const actions = cell(action(t('editor.compareLive'), 'data-diff', r.number));
    actions.className = 'actions';
    actions.append(action(t('editor.restore'), 'data-restore', r.number), action(t('editor.publish'), 'data-publish', r.number));
    row.append(cell(String(r.number)), cell(r.title), cell(r.origin), cell(r.author ?? t('editor.contentFile')), cell(time(r.createdAt)),
      cell(r.live ? t('editor.live') : r.published ? t('editor.wasPublished') : t('editor.draft')), actions);
    return row;
  }));
  for (const [id, selected] of [['compare-from', data[1] ?? data[0]], ['compare-to', data[0]]]) {
    const menu = document.getElementById(id);
    menu.replaceChildren(...data.map((r) => new Option(String(r.number), String(r.number), false, r === selected)));
  }
}

/** A unified diff drawn line by line, additions and removals marked. */
function drawDiff(target, text, same) {
  target.replaceChildren(...(text || same).split('\n').map((line) => {
    const span = document.createElement('span');
    span.className = line.startsWith('+') ? 'added' : line.startsWith('-') ? 'removed' : '';
    span.textContent = `${line}\n`;
    return span;
  }));
}

async function diffText(from, to) {
  const response = await fetch(apiPath`/api/instructor/steps/${slug}/diff` + `?from=${from}&to=${to}`,
    { credentials: 'same-origin', headers: { Accept: 'text/plain' } });
  return response.ok ? response.text() : null;
}

/** Saves the editor's text as a draft in its language; true when it is now the newest revision, without a conflict. */
async function saveDraft() {
  const source = editor.state.doc.toString();
  const { ok, status: code, data } = await putJson(apiPath`/api/instructor/steps/${slug}/draft`, { source, baseRevision: base, language });
  const conflict = document.getElementById('conflict');
  if (code === 409) {
    const theirs = data.theirs.summary.number;
    const yours = data.yours.summary.number;
    document.getElementById('conflict-summary').textContent = t('editor.conflict',
      { author: data.theirs.summary.author ?? t('editor.someone'), theirs, yours });
    drawDiff(document.getElementById('conflict-diff'), await diffText(theirs, yours), t('editor.bothSame'));
    conflict.hidden = false;
    base = yours;
    saved = source;
    say(t('editor.savedDespite', { yours, theirs }));
  } else if (ok) {
    conflict.hidden = true;
    base = data.yours.summary.number;
    saved = source;
    say(t('editor.saved', { revision: base }));
  } else {
    say(data?.detail ?? t('editor.notSaved'));
    return false;
  }
  await refreshHistory();
  return ok;
}

document.getElementById('save-draft').addEventListener('click', saveDraft);

const dialog = document.getElementById('publish-dialog');

/** Publishes a revision once the instructor confirms: learners see it at once. */
function confirmPublish(number) {
  document.getElementById('publish-question').textContent = t('editor.publishQuestion', { revision: number });
  dialog.returnValue = '';
  dialog.showModal();
  dialog.addEventListener('close', () => {
    if (dialog.returnValue === 'publish') publish(number);
  }, { once: true });
}

async function publish(number) {
  const { ok, data } = await postJson(apiPath`/api/instructor/steps/${slug}/revisions/${number}/publish`);
  say(ok ? t('editor.published', { revision: number }) : (data?.detail ?? t('editor.notPublished')));
  if (ok) await refreshHistory();
}

// Publish… publishes what the editor shows: text not saved yet (all of a first translation) is saved as a draft first.
document.getElementById('publish-latest').addEventListener('click', async () => {
  if (editor.state.doc.toString() !== saved && !(await saveDraft())) return;
  confirmPublish(base);
});

async function restore(number) {
  const { ok, data } = await postJson(apiPath`/api/instructor/steps/${slug}/revisions/${number}/restore`);
  if (ok) {
    base = data.summary.number;
    saved = data.source;
    setSource(data.source);
    say(t('editor.restored', { revision: number, draft: base }));
    await refreshHistory();
  } else {
    say(data?.detail ?? t('editor.notRestored'));
  }
}

async function showDiff(from, to) {
  const diff = document.getElementById('diff');
  diff.hidden = false;
  drawDiff(diff, await diffText(from, to), t('editor.same', { from, to }));
}

document.getElementById('history-rows').addEventListener('click', async (event) => {
  const button = event.target.closest('button');
  if (!button) return;
  if (button.dataset.publish) {
    confirmPublish(button.dataset.publish);
  } else if (button.dataset.restore) {
    restore(button.dataset.restore);
  } else if (button.dataset.diff) {
    const revisions = await getJson(revisionsPath());
    const live = revisions.data?.find((r) => r.live)?.number ?? button.dataset.diff;
    showDiff(live, button.dataset.diff);
  }
});

document.getElementById('compare').addEventListener('submit', (event) => {
  event.preventDefault();
  showDiff(document.getElementById('compare-from').value, document.getElementById('compare-to').value);
});

load();
