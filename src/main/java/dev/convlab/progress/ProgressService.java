package dev.convlab.progress;

import dev.convlab.i18n.Language;
import dev.convlab.i18n.Text;
import dev.convlab.lesson.Exercise;
import dev.convlab.lesson.KernelJudge;
import dev.convlab.lesson.LessonErrors;
import dev.convlab.lesson.LessonService;
import dev.convlab.lesson.LessonService.StepSummary;
import dev.convlab.lesson.MarkdownRenderer;
import dev.convlab.lesson.Step;
import dev.convlab.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Keeps each learner's visits, answers and completed steps. */
@ApplicationScoped
@Transactional
public class ProgressService {

    public static final String NOT_STARTED = "not-started";
    public static final String VISITED = "visited";
    public static final String COMPLETED = "completed";

    /** One step with a learner's state on it, titled in {@code language}: the reader's, unless it is a {@code fallback}. */
    public record StepState(String slug, String title, int position, String state, int exercisesPassed, int exercisesTotal,
            String language, boolean fallback) {}

    /** A learner's whole progress through the lesson. */
    public record LearnerProgress(int completedSteps, int totalSteps, int percent, List<StepState> steps) {}

    /** The verdict on one answer, and what it changed; {@code feedbackHtml} is the feedback's Markdown, rendered safely. */
    public record AttemptResult(boolean correct, String feedback, String feedbackHtml, List<String> passedExercises, boolean stepCompleted) {}

    @Inject
    EntityManager entityManager;

    @Inject
    LessonService lesson;

    @Inject
    KernelJudge kernelJudge;

    @Inject
    MarkdownRenderer markdown;

    /** Marks a step visited; concurrent visits of the same step are harmless. */
    public void recordVisit(long accountId, long stepId) {
        entityManager.createNativeQuery("""
                insert into step_progress (account_id, step_id, visited_at) values (?1, ?2, now())
                on conflict (account_id, step_id) do nothing""")
                .setParameter(1, accountId).setParameter(2, stepId).executeUpdate();
    }

    /**
     * Judges an answer against the exercise's one answer, with hint or explanation in the learner's language; an
     * exercise is the same in every language, so the attempt counts for all of them.
     */
    public AttemptResult submitAnswer(long accountId, String slug, String key, String answer, Language language) {
        Step step = Step.findPublished(slug).orElseThrow(() -> ProblemException.notFound(Text.of(LessonErrors.class, m -> m.noStep(slug))));
        Exercise exercise = step.exercise(key, language)
                .orElseThrow(() -> ProblemException.notFound(Text.of(LessonErrors.class, m -> m.noExercise(slug, key))));
        Exercise.Verdict verdict;
        try {
            verdict = exercise.check(answer, kernelJudge);
        } catch (Exercise.MalformedAnswer e) {
            throw ProblemException.badField("answer", e.reason());
        }
        ExerciseAttempt attempt = new ExerciseAttempt();
        attempt.accountId = accountId;
        attempt.stepId = step.id;
        attempt.exerciseKey = key;
        attempt.answer = answer.strip();
        attempt.correct = verdict.correct();
        attempt.createdAt = Instant.now();
        attempt.persist();
        recordVisit(accountId, step.id);
        List<String> passed = ExerciseAttempt.passedKeys(accountId, step.id);
        Set<String> required = step.exercises(language).stream().map(Exercise::key).collect(Collectors.toSet());
        boolean completed = new HashSet<>(passed).containsAll(required);
        if (completed) {
            complete(accountId, step.id);
        }
        return new AttemptResult(verdict.correct(), verdict.feedback(), markdown.render(verdict.feedback(), language), passed, completed);
    }

    /** Marks a step without exercises done; a step with exercises completes when they are passed. */
    public void markDone(long accountId, String slug) {
        Step step = Step.findPublished(slug).orElseThrow(() -> ProblemException.notFound(Text.of(LessonErrors.class, m -> m.noStep(slug))));
        if (!step.exercises(Language.EN).isEmpty()) {
            throw ProblemException.conflict(Text.of(ProgressErrors.class, m -> m.completesByExercises(slug)));
        }
        recordVisit(accountId, step.id);
        complete(accountId, step.id);
    }

    public List<String> passedExercises(long accountId, long stepId) {
        return ExerciseAttempt.passedKeys(accountId, stepId);
    }

    /**
     * The explanation of each exercise of a published step the learner has solved, rendered, by exercise key: after a
     * reload the page shows why the answer was right, as it did when it was given, and nothing of unsolved ones.
     */
    public Map<String, String> solvedExplanations(String slug, List<String> passedKeys, Language language) {
        Step step = Step.findPublished(slug).orElseThrow(() -> ProblemException.notFound(Text.of(LessonErrors.class, m -> m.noStep(slug))));
        Map<String, String> explanations = new LinkedHashMap<>();
        for (Exercise exercise : step.exercises(language)) {
            if (passedKeys.contains(exercise.key())) {
                explanations.put(exercise.key(), markdown.render(exercise.explanation(), language));
            }
        }
        return explanations;
    }

    public LearnerProgress progressOf(long accountId, Language language) {
        Map<Long, StepProgress> rows = StepProgress.listForLearner(accountId).stream()
                .collect(Collectors.toMap(p -> p.stepId, Function.identity()));
        Map<Long, Long> passed = ExerciseAttempt.passedCountsByStep(accountId);
        List<StepState> steps = lesson.outline(language).stream()
                .map(s -> state(s, rows.get(s.id()), passed.getOrDefault(s.id(), 0L)))
                .toList();
        int completed = (int) steps.stream().filter(s -> s.state().equals(COMPLETED)).count();
        int percent = steps.isEmpty() ? 0 : Math.round(100f * completed / steps.size());
        return new LearnerProgress(completed, steps.size(), percent, steps);
    }

    /** The learner's state on one step, given the exercises of it they have passed (the page shows those too). */
    public StepState stateOf(long accountId, StepSummary step, List<String> passedExercises) {
        StepProgress row = StepProgress.find("accountId = ?1 and stepId = ?2", accountId, step.id()).firstResult();
        return state(step, row, passedExercises.size());
    }

    private static StepState state(StepSummary step, StepProgress row, long passed) {
        String state = row == null ? NOT_STARTED : row.completedAt != null ? COMPLETED : VISITED;
        return new StepState(step.slug(), step.title(), step.position(), state,
                (int) Math.min(passed, step.exerciseCount()), step.exerciseCount(), step.language(), step.fallback());
    }

    private void complete(long accountId, long stepId) {
        entityManager.createNativeQuery("""
                update step_progress set completed_at = coalesce(completed_at, now())
                where account_id = ?1 and step_id = ?2""")
                .setParameter(1, accountId).setParameter(2, stepId).executeUpdate();
    }
}
