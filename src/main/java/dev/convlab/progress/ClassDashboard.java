package dev.convlab.progress;

import dev.convlab.i18n.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a class is doing, counted in PostgreSQL over its learners only: per step, per exercise, per learner. The whole
 * site ({@link Scope#SITE}) counts every student; a class counts its learners, and an archived class only what they
 * did before it was archived.
 */
@ApplicationScoped
@Transactional
public class ClassDashboard {

    /** How many learners opened and completed a step, titled in the reader's language. */
    public record StepFunnel(String slug, String title, int position, long visited, long completed) {}

    /** A wrong answer and how often it was given. */
    public record WrongAnswer(String answer, long count) {}

    /** An exercise's attempts, how often the first try was right, and the most common wrong answers. */
    public record ExerciseStats(String slug, String key, long attempts, long learners, double firstTrySuccess,
            List<WrongAnswer> commonWrongAnswers) {}

    /** One learner's standing. */
    public record LearnerSummary(String email, String displayName, long completedSteps, long attempts, long savedKernels,
            long runs, Instant lastActivity) {}

    /** Ways to sort the learners. */
    public enum LearnerOrder { EMAIL, COMPLETED, LAST_ACTIVITY }

    /** Whose work to count: every student (classId 0) or one class's learners, up to {@code until}. */
    public record Scope(long classId, Instant until) {

        /** Later than anything happens: a scope that is not frozen. */
        static final Instant OPEN_ENDED = Instant.parse("9999-01-01T00:00:00Z");

        /** Every student of the site, as the site administrator's dashboard counts them. */
        public static final Scope SITE = new Scope(0, OPEN_ENDED);

        /** One class's learners; {@code archivedAt} (or null) freezes what counts. */
        public static Scope ofClass(long classId, Instant archivedAt) {
            return new Scope(classId, archivedAt == null ? OPEN_ENDED : archivedAt);
        }
    }

    /** Whether account {@code a} is one of the scope's learners (?1 is the class, 0 for every student). */
    private static final String LEARNER = """
            ((?1 = 0 and a.role = 'student')
             or exists (select 1 from classroom_member m where m.classroom_id = ?1 and m.account_id = a.id and m.role = 'learner'))""";

    @Inject
    EntityManager entityManager;

    /** Each step's funnel, titled as its published revision in {@code language} is, else as the English one. */
    public List<StepFunnel> steps(Scope scope, Language language) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select s.slug, coalesce(case when ?3 = 'ja' then ja.title end, s.title), s.position,
                       count(p.id) filter (where %1$s and p.visited_at <= ?2),
                       count(p.completed_at) filter (where %1$s and p.completed_at <= ?2)
                from step s
                left join step_revision ja on ja.id = s.published_ja_revision_id
                left join step_progress p on p.step_id = s.id
                left join account a on a.id = p.account_id
                where s.retired = false and (s.published_revision_id is not null or s.published_ja_revision_id is not null)
                group by s.id, ja.title order by s.position, s.slug""".formatted(LEARNER), Object[].class)
                .setParameter(1, scope.classId()).setParameter(2, scope.until()).setParameter(3, language.tag()).getResultList();
        return rows.stream().map(r -> new StepFunnel((String) r[0], (String) r[1], ((Number) r[2]).intValue(),
                ((Number) r[3]).longValue(), ((Number) r[4]).longValue())).toList();
    }

    public List<ExerciseStats> exercises(Scope scope) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                with student_attempts as (
                    select e.* from exercise_attempt e join account a on a.id = e.account_id where %s and e.created_at <= ?2),
                firsts as (
                    select distinct on (account_id, step_id, exercise_key) step_id, exercise_key, correct
                    from student_attempts order by account_id, step_id, exercise_key, created_at, id)
                select s.slug, e.exercise_key, count(*), count(distinct e.account_id),
                       (select avg(case when f.correct then 1.0 else 0.0 end) from firsts f
                        where f.step_id = e.step_id and f.exercise_key = e.exercise_key)
                from student_attempts e join step s on s.id = e.step_id
                group by s.slug, s.position, e.step_id, e.exercise_key
                order by s.position, e.exercise_key""".formatted(LEARNER), Object[].class)
                .setParameter(1, scope.classId()).setParameter(2, scope.until()).getResultList();
        Map<String, List<WrongAnswer>> wrong = commonWrongAnswers(scope);
        return rows.stream().map(r -> new ExerciseStats((String) r[0], (String) r[1], ((Number) r[2]).longValue(),
                ((Number) r[3]).longValue(), ((Number) r[4]).doubleValue(),
                wrong.getOrDefault(r[0] + "/" + r[1], List.of()))).toList();
    }

    private Map<String, List<WrongAnswer>> commonWrongAnswers(Scope scope) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select slug, exercise_key, answer, n from (
                    select s.slug, e.exercise_key, e.answer, count(*) n,
                           row_number() over (partition by s.slug, e.exercise_key order by count(*) desc, e.answer) rank
                    from exercise_attempt e join step s on s.id = e.step_id join account a on a.id = e.account_id
                    where not e.correct and %s and e.created_at <= ?2
                    group by s.slug, e.exercise_key, e.answer) ranked
                where rank <= 3 order by slug, exercise_key, n desc, answer""".formatted(LEARNER), Object[].class)
                .setParameter(1, scope.classId()).setParameter(2, scope.until()).getResultList();
        Map<String, List<WrongAnswer>> wrong = new LinkedHashMap<>();
        for (Object[] r : rows) {
            wrong.computeIfAbsent(r[0] + "/" + r[1], k -> new ArrayList<>()).add(new WrongAnswer((String) r[2], ((Number) r[3]).longValue()));
        }
        return wrong;
    }

    public List<LearnerSummary> learners(Scope scope, LearnerOrder order, boolean descending, long minCompleted) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select a.email, a.display_name,
                       (select count(*) from step_progress p where p.account_id = a.id and p.completed_at <= ?2),
                       (select count(*) from exercise_attempt e where e.account_id = a.id and e.created_at <= ?2),
                       (select count(*) from saved_kernel k where k.account_id = a.id and k.updated_at <= ?2),
                       (select count(*) from training_run r where r.account_id = a.id and r.created_at <= ?2),
                       greatest((select max(p.visited_at) from step_progress p where p.account_id = a.id and p.visited_at <= ?2),
                                (select max(e.created_at) from exercise_attempt e where e.account_id = a.id and e.created_at <= ?2),
                                (select max(k.updated_at) from saved_kernel k where k.account_id = a.id and k.updated_at <= ?2),
                                (select max(r.created_at) from training_run r where r.account_id = a.id and r.created_at <= ?2))
                from account a where %s""".formatted(LEARNER), Object[].class)
                .setParameter(1, scope.classId()).setParameter(2, scope.until()).getResultList();
        Comparator<LearnerSummary> comparator = switch (order) {
            case EMAIL -> Comparator.comparing(LearnerSummary::email);
            case COMPLETED -> Comparator.comparingLong(LearnerSummary::completedSteps).thenComparing(LearnerSummary::email);
            case LAST_ACTIVITY -> Comparator.comparing(LearnerSummary::lastActivity, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(LearnerSummary::email);
        };
        return rows.stream()
                .map(r -> new LearnerSummary((String) r[0], (String) r[1], ((Number) r[2]).longValue(), ((Number) r[3]).longValue(),
                        ((Number) r[4]).longValue(), ((Number) r[5]).longValue(), toInstant(r[6])))
                .filter(l -> l.completedSteps() >= minCompleted)
                .sorted(descending ? comparator.reversed() : comparator)
                .toList();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        return value instanceof OffsetDateTime time ? time.toInstant() : null;
    }
}
