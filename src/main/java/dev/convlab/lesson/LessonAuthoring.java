package dev.convlab.lesson;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.convlab.account.Account;
import dev.convlab.i18n.Language;
import dev.convlab.i18n.Text;
import dev.convlab.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What instructors do to the lesson, in English and Japanese: save drafts (with optimistic versioning per language),
 * publish, restore, compare revisions, add, order and retire steps, and see which translations are behind their
 * English. Learners only ever see published revisions.
 */
@ApplicationScoped
@Transactional
public class LessonAuthoring {

    /** A step as instructors see it, published or not: its English revisions and its Japanese translation. */
    public record StepStatus(String slug, String title, int position, boolean retired, Integer publishedRevision,
            int latestRevision, Translation japanese) {}

    /** Where a translation stands: {@code missing}, {@code draft} (never published), {@code behind} or {@code current}. */
    public enum TranslationState { MISSING, DRAFT, BEHIND, CURRENT }

    /**
     * A step's Japanese: its published and latest revisions, and whether the English changed since the Japanese was
     * last published ({@code behind}), with the English revision it was published against and a unified diff of
     * what changed in the English since.
     */
    public record Translation(TranslationState state, Integer publishedRevision, Integer latestRevision,
            Integer englishRevision, String englishChanges) {}

    /** One revision in a step's history. */
    public record RevisionSummary(int number, String language, String title, String origin, String author, Instant createdAt,
            boolean published, boolean live, Integer baseNumber) {}

    /** One revision with its whole source. */
    public record RevisionDetail(RevisionSummary summary, String source) {}

    /**
     * The outcome of a save. {@code conflict} means someone saved after the revision the author started from: the
     * author's text is kept as its own draft anyway, and both are returned.
     */
    public record SaveResult(boolean conflict, RevisionDetail yours, RevisionDetail theirs) {}

    @Inject
    StepSourceParser parser;

    public List<StepStatus> steps() {
        return Step.<Step>listAll().stream()
                .sorted(Comparator.comparingInt((Step s) -> s.position).thenComparing(s -> s.slug))
                .map(step -> new StepStatus(step.slug, step.title, step.position, step.retired,
                        step.publishedRevision == null ? null : step.publishedRevision.number,
                        StepRevision.findLatest(step, Language.EN).map(r -> r.number).orElse(0), translation(step)))
                .toList();
    }

    /**
     * The Japanese is behind when the English live now is not the one live when the Japanese was last published,
     * and their texts differ.
     */
    private Translation translation(Step step) {
        Integer latest = StepRevision.findLatest(step, Language.JA).map(r -> r.number).orElse(null);
        StepRevision japanese = step.publishedJaRevision;
        if (japanese == null) {
            return new Translation(latest == null ? TranslationState.MISSING : TranslationState.DRAFT, null, latest, null, null);
        }
        StepRevision english = step.publishedRevision;
        StepRevision translated = japanese.englishNumber == null ? null : StepRevision.findNumber(step, japanese.englishNumber).orElse(null);
        String before = translated == null ? null : translated.source;
        String now = english == null ? null : english.source;
        boolean behind = english != null && !Objects.equals(english.number, japanese.englishNumber) && !Objects.equals(before, now);
        return new Translation(behind ? TranslationState.BEHIND : TranslationState.CURRENT, japanese.number, latest,
                japanese.englishNumber, behind ? unifiedDiff(step.slug + " English revision " + japanese.englishNumber,
                        step.slug + " English revision " + english.number, before, now) : null);
    }

    /** A step's revisions in one language, newest first. */
    public List<RevisionSummary> revisions(String slug, Language language) {
        Step step = step(slug);
        return StepRevision.listFor(step, language).stream().map(r -> summary(step, r)).toList();
    }

    /**
     * The revision an editor in a language starts from: the newest in that language, else the newest in the other
     * (a first translation starts from the text it translates).
     */
    public Optional<RevisionSummary> startingPoint(String slug, Language language) {
        Step step = step(slug);
        return StepRevision.findLatest(step, language).or(() -> StepRevision.findLatest(step)).map(r -> summary(step, r));
    }

    public RevisionDetail revision(String slug, int number) {
        Step step = step(slug);
        return detail(step, revision(step, number));
    }

    /**
     * Saves a draft of an existing step in a language, started from revision {@code baseNumber} (0 for the first in
     * that language). A Japanese draft must keep the English exercises.
     */
    public SaveResult saveDraft(String slug, String text, int baseNumber, Language language, long authorId) {
        Step step = step(slug);
        StepSource source = parse(slug, text);
        if (!source.slug().equals(slug)) {
            throw ProblemException.badField("source", Text.of(LessonErrors.class, m -> m.slugChanged(slug, source.slug())));
        }
        refuseOtherExercises(step, language, source.exercises());
        StepRevision latest = StepRevision.findLatest(step, language).orElse(null);
        StepRevision draft = StepRevision.draft(step, language, source, StepRevision.FROM_EDITOR, Account.findById(authorId));
        draft.baseNumber = baseNumber;
        boolean conflict = latest != null && baseNumber != latest.number;
        return new SaveResult(conflict, detail(step, draft), conflict ? detail(step, latest) : null);
    }

    /** Adds a new step in a language; it stays unseen by learners until a revision of it is published. */
    public RevisionDetail createStep(String text, Language language, long authorId) {
        StepSource source = parse("new step", text);
        if (Step.findBySlug(source.slug()).isPresent()) {
            throw ProblemException.conflict(Text.of(LessonErrors.class, m -> m.slugTaken(source.slug())));
        }
        Step step = Step.create(source);
        return detail(step, StepRevision.draft(step, language, source, StepRevision.FROM_EDITOR, Account.findById(authorId)));
    }

    /** Makes a revision what readers of its language see; a Japanese one only while it keeps the English exercises. */
    public RevisionSummary publish(String slug, int number) {
        Step step = step(slug);
        StepRevision revision = revision(step, number);
        List<Text> differences = exerciseDifferences(step, revision.language, revision.exercises);
        if (!differences.isEmpty()) {
            Text all = Text.joined(differences);
            throw ProblemException.conflict(Text.composed(LessonErrors.class, (m, language) -> m.translationUnpublishable(number, slug, all.in(language))));
        }
        step.publish(revision);
        return summary(step, revision);
    }

    /** Makes an old revision's text the newest draft in its language; nothing is lost. */
    public RevisionDetail restore(String slug, int number, long authorId) {
        Step step = step(slug);
        StepRevision old = revision(step, number);
        StepRevision draft = StepRevision.draft(step, old.language, parse(slug, old.source), StepRevision.FROM_EDITOR,
                Account.findById(authorId));
        draft.baseNumber = old.number;
        return detail(step, draft);
    }

    /** A unified diff from one revision's source to another's, in any language. */
    public String diff(String slug, int from, int to) {
        Step step = step(slug);
        return unifiedDiff(slug + " revision " + from, slug + " revision " + to, revision(step, from).source, revision(step, to).source);
    }

    private static String unifiedDiff(String fromName, String toName, String from, String to) {
        List<String> a = lines(from);
        List<String> b = lines(to);
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff(fromName, toName, a, DiffUtils.diff(a, b), 3));
    }

    private static void refuseOtherExercises(Step step, Language language, List<Exercise> exercises) {
        List<Text> differences = exerciseDifferences(step, language, exercises);
        if (!differences.isEmpty()) {
            throw ProblemException.badField("source", Text.joined(differences));
        }
    }

    /** How a Japanese text's exercises differ from the published English ones; nothing for English or a step without English. */
    private static List<Text> exerciseDifferences(Step step, Language language, List<Exercise> exercises) {
        if (language == Language.EN || step.publishedRevision == null) {
            return List.of();
        }
        return Exercise.differences(step.publishedRevision.exercises, exercises);
    }

    public void retire(String slug, boolean retired) {
        step(slug).retired = retired;
    }

    /** Puts the steps in the given order; every step must be named exactly once. */
    public void reorder(List<String> slugs) {
        List<Step> all = Step.listAll();
        Set<String> named = new HashSet<>(slugs == null ? List.of() : slugs);
        if (slugs == null || named.size() != slugs.size() || named.size() != all.size()
                || !all.stream().allMatch(step -> named.contains(step.slug))) {
            throw ProblemException.badField("slugs", Text.of(LessonErrors.class, LessonErrors::everyStepOnce));
        }
        for (int i = 0; i < slugs.size(); i++) {
            step(slugs.get(i)).position = i + 1;
        }
    }

    StepSource parse(String name, String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.required("source");
        }
        try {
            return parser.parse(name, text.getBytes(StandardCharsets.UTF_8));
        } catch (ContentException e) {
            throw ProblemException.badField("source", e.reason());
        }
    }

    private static Step step(String slug) {
        return Step.findBySlug(slug).orElseThrow(() -> ProblemException.notFound(Text.of(LessonErrors.class, m -> m.noStep(slug))));
    }

    private static StepRevision revision(Step step, int number) {
        return StepRevision.findNumber(step, number)
                .orElseThrow(() -> ProblemException.notFound(Text.of(LessonErrors.class, m -> m.noRevision(step.slug, number))));
    }

    private static RevisionSummary summary(Step step, StepRevision r) {
        boolean live = step.published(r.language).map(p -> p.id.equals(r.id)).orElse(false);
        return new RevisionSummary(r.number, r.language.tag(), r.title, r.origin, r.author == null ? null : r.author.email, r.createdAt,
                r.publishedAt != null, live, r.baseNumber);
    }

    private static RevisionDetail detail(Step step, StepRevision r) {
        return new RevisionDetail(summary(step, r), r.source);
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : List.of(text.split("\n", -1));
    }
}
