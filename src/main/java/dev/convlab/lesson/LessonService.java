package dev.convlab.lesson;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the published lesson and renders it for pages and the API. */
@ApplicationScoped
@Transactional
public class LessonService {

    /** A step in the lesson outline. */
    public record StepSummary(long id, String slug, String title, int position, int exerciseCount) {}

    /** An exercise as learners see it: the question, never the answer. */
    public record ExerciseView(String key, String kind, String promptHtml) {}

    /** A step ready to show: its HTML and its neighbours for navigation. */
    public record StepPage(StepSummary step, String html, List<ExerciseView> exercises, StepSummary previous,
            StepSummary next) {}

    @Inject
    MarkdownRenderer markdown;

    public List<StepSummary> outline() {
        return Step.listPublished().stream().map(LessonService::summary).toList();
    }

    public Optional<StepPage> page(String slug) {
        List<Step> steps = Step.listPublished();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step.slug.equals(slug)) {
                StepRevision revision = step.publishedRevision;
                return Optional.of(new StepPage(summary(step), markdown.render(revision.markdown), exerciseViews(revision.exercises),
                        i > 0 ? summary(steps.get(i - 1)) : null,
                        i + 1 < steps.size() ? summary(steps.get(i + 1)) : null));
            }
        }
        return Optional.empty();
    }

    /** The questions of some exercises, rendered, without their answers. */
    public List<ExerciseView> exerciseViews(List<Exercise> exercises) {
        return exercises.stream()
                .map(e -> new ExerciseView(e.key(), e.kind().name().toLowerCase(Locale.ROOT), markdown.render(e.prompt())))
                .toList();
    }

    private static StepSummary summary(Step step) {
        return new StepSummary(step.id, step.slug, step.publishedRevision.title, step.position,
                step.publishedRevision.exercises.size());
    }
}
