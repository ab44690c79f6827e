package dev.convlab.lesson;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.convlab.account.Account;
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
import java.util.Set;

/**
 * What instructors do to the lesson: save drafts (with optimistic versioning), publish, restore, compare
 * revisions, add, order and retire steps. Learners only ever see published revisions.
 */
@ApplicationScoped
@Transactional
public class LessonAuthoring {

    /** A step as instructors see it, published or not. */
    public record StepStatus(String slug, String title, int position, boolean retired, Integer publishedRevision,
            int latestRevision) {}

    /** One revision in a step's history. */
    public record RevisionSummary(int number, String title, String origin, String author, Instant createdAt,
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
                        StepRevision.findLatest(step).map(r -> r.number).orElse(0)))
                .toList();
    }

    public List<RevisionSummary> revisions(String slug) {
        Step step = step(slug);
        return StepRevision.listFor(step).stream().map(r -> summary(step, r)).toList();
    }

    public RevisionDetail revision(String slug, int number) {
        Step step = step(slug);
        return detail(step, revision(step, number));
    }

    /** Saves a draft of an existing step, started from revision {@code baseNumber}. */
    public SaveResult saveDraft(String slug, String text, int baseNumber, long authorId) {
        Step step = step(slug);
        StepSource source = parse(slug, text);
        if (!source.slug().equals(slug)) {
            throw ProblemException.badField("source", Text.of(LessonErrors.class, m -> m.slugChanged(slug, source.slug())));
        }
        StepRevision latest = StepRevision.findLatest(step).orElseThrow();
        StepRevision draft = StepRevision.draft(step, source, StepRevision.FROM_EDITOR, Account.findById(authorId));
        draft.baseNumber = baseNumber;
        boolean conflict = baseNumber != latest.number;
        return new SaveResult(conflict, detail(step, draft), conflict ? detail(step, latest) : null);
    }

    /** Adds a new step; it stays unseen by learners until a revision of it is published. */
    public RevisionDetail createStep(String text, long authorId) {
        StepSource source = parse("new step", text);
        if (Step.findBySlug(source.slug()).isPresent()) {
            throw ProblemException.conflict(Text.of(LessonErrors.class, m -> m.slugTaken(source.slug())));
        }
        Step step = Step.create(source);
        return detail(step, StepRevision.draft(step, source, StepRevision.FROM_EDITOR, Account.findById(authorId)));
    }

    public RevisionSummary publish(String slug, int number) {
        Step step = step(slug);
        StepRevision revision = revision(step, number);
        step.publish(revision);
        return summary(step, revision);
    }

    /** Makes an old revision's text the newest draft; nothing is lost. */
    public RevisionDetail restore(String slug, int number, long authorId) {
        Step step = step(slug);
        StepRevision old = revision(step, number);
        StepRevision draft = StepRevision.draft(step, parse(slug, old.source), StepRevision.FROM_EDITOR, Account.findById(authorId));
        draft.baseNumber = old.number;
        return detail(step, draft);
    }

    /** A unified diff from one revision's source to another's. */
    public String diff(String slug, int from, int to) {
        Step step = step(slug);
        List<String> a = lines(revision(step, from).source);
        List<String> b = lines(revision(step, to).source);
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff(slug + " revision " + from, slug + " revision " + to, a,
                DiffUtils.diff(a, b), 3));
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
            throw ProblemException.badField("source", language -> e.getMessage());
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
        return new RevisionSummary(r.number, r.title, r.origin, r.author == null ? null : r.author.email, r.createdAt,
                r.publishedAt != null, step.publishedRevision != null && step.publishedRevision.id.equals(r.id), r.baseNumber);
    }

    private static RevisionDetail detail(Step step, StepRevision r) {
        return new RevisionDetail(summary(step, r), r.source);
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : List.of(text.split("\n", -1));
    }
}
