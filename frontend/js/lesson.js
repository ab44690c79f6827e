// Brings every page to life: checked exercises, "mark as done", the widgets placed by directives, and times shown in
// the reader's own time zone.
import { apiPath, postJson } from 'app/js/api.js';
import { mountWidgets } from 'app/js/widgets.js';
import { localizeTimes } from 'app/js/times.js';
import { t } from 'app/i18n/messages.js';

/** Shows feedback as text, or as HTML the server rendered from Markdown and sanitized ({@code html}). */
function showFeedback(element, text, correct, html) {
  if (html) {
    element.innerHTML = html;
    element.firstElementChild?.prepend(t('lesson.verdictBefore', { verdict: text }));
  } else {
    element.textContent = text;
  }
  element.classList.toggle('correct', correct === true);
  element.classList.toggle('wrong', correct === false);
}

function markStepCompleted() {
  const badge = document.getElementById('step-state');
  if (badge) {
    badge.textContent = t('lesson.completed');
    badge.className = 'state-badge state-completed';
  }
}

function wireExercise(form) {
  const input = form.querySelector('input[name="answer"]');
  const feedback = form.querySelector('.feedback');
  if (!input) {
    return;
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!input.value.trim()) {
      showFeedback(feedback, t('lesson.typeAnswer'), false);
      input.focus();
      return;
    }
    const path = apiPath`/api/steps/${form.dataset.step}/exercises/${form.dataset.exercise}/attempts`;
    const { ok, data } = await postJson(path, { answer: input.value });
    if (!ok) {
      const reason = data?.errors?.[0]?.message ?? data?.detail ?? t('lesson.notChecked');
      showFeedback(feedback, reason, false);
      return;
    }
    showFeedback(feedback, data.correct ? t('lesson.right') : t('lesson.notYet'), data.correct, data.feedbackHtml);
    if (data.correct) {
      form.dataset.passed = 'true';
      document.dispatchEvent(new CustomEvent('exercise-passed', { detail: { step: form.dataset.step, exercise: form.dataset.exercise } }));
    }
    if (data.stepCompleted) {
      markStepCompleted();
    }
  });
}

function wireMarkDone(button) {
  button.addEventListener('click', async () => {
    const feedback = button.parentElement.querySelector('.feedback');
    const { ok, data } = await postJson(apiPath`/api/steps/${button.dataset.step}/completion`);
    if (ok) {
      button.remove();
      showFeedback(feedback, t('lesson.markedDone'), true);
      markStepCompleted();
    } else {
      showFeedback(feedback, data?.detail ?? t('lesson.notSaved'), false);
    }
  });
}

document.querySelectorAll('form.exercise').forEach(wireExercise);
document.querySelectorAll('.mark-done-button').forEach(wireMarkDone);
mountWidgets(document);
localizeTimes(document);
