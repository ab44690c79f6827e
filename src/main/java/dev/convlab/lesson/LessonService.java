package dev.convlab.lesson;

import dev.convlab.i18n.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the published lesson and renders it for pages and the API, in the reader's language. */
@ApplicationScoped
@Transactional
public class LessonService {

    /**
     * A step in the lesson outline, titled in the language it is served in: the reader's, or the other one when the
     * step is not published in the reader's ({@code fallback}).
     */
    public record StepSummary(long id, String slug, String title, int position, int exerciseCount, String language,
            boolean fallback) {}

    /** An exercise as learners see it: the question, never the answer. */
    public record ExerciseView(String key, String kind, String promptHtml) {}

    /** A step ready to show: its HTML and its neighbours for navigation. */
    public record StepPage(StepSummary step, String html, List<ExerciseView> exercises, StepSummary previous,
            StepSummary next) {}

    @Inject
    MarkdownRenderer markdown;

    public List<StepSummary> outline(Language language) {
        return Step.listPublished().stream().map(step -> summary(step, language)).toList();
    }

    public Optional<StepPage> page(String slug, Language language) {
        List<Step> steps = Step.listPublished();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step.slug.equals(slug)) {
                StepRevision revision = step.readFor(language);
                return Optional.of(new StepPage(summary(step, language), markdown.render(revision.markdown, language),
                        exerciseViews(step.exercises(language), language),
                        i > 0 ? summary(steps.get(i - 1), language) : null,
                        i + 1 < steps.size() ? summary(steps.get(i + 1), language) : null));
            }
        }
        return Optional.empty();
    }

    /** The questions of some exercises, rendered, without their answers. */
    public List<ExerciseView> exerciseViews(List<Exercise> exercises, Language language) {
        return exercises.stream()
                .map(e -> new ExerciseView(e.key(), e.kind().name().toLowerCase(Locale.ROOT), markdown.render(e.prompt(), language)))
                .toList();
    }

    private static StepSummary summary(Step step, Language language) {
        StepRevision revision = step.readFor(language);
        return new StepSummary(step.id, step.slug, revision.title, step.position, step.exercises(language).size(),
                revision.language.tag(), revision.language != language);
    }
}
