package dev.convlab.lesson;

import dev.convlab.account.CurrentUser;
import dev.convlab.i18n.Language;
import dev.convlab.i18n.RequestLanguage;
import dev.convlab.lesson.LessonService.StepPage;
import dev.convlab.progress.ProgressService;
import dev.convlab.progress.ProgressService.LearnerProgress;
import dev.convlab.progress.ProgressService.StepState;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lesson index and the step pages in the reader's language; anyone may read, logged-in learners also get their
 * progress kept.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LessonPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(LearnerProgress progress, boolean loggedIn);

        static native TemplateInstance step(StepPage page, StepState state, Map<String, String> solved, boolean loggedIn);

        static native TemplateInstance notFound(String slug);
    }

    @Inject
    LessonService lesson;

    @Inject
    ProgressService progress;

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestLanguage requestLanguage;

    @GET
    public TemplateInstance index() {
        Language language = requestLanguage.get();
        Optional<Long> learner = currentUser.accountId();
        LearnerProgress view = learner.map(id -> progress.progressOf(id, language)).orElseGet(() -> anonymousProgress(language));
        return Templates.index(view, learner.isPresent());
    }

    @GET
    @Path("lesson/{slug}")
    public Response step(@PathParam("slug") String slug) {
        Language language = requestLanguage.get();
        Optional<StepPage> page = lesson.page(slug, language);
        if (page.isEmpty()) {
            return Response.status(404).type(MediaType.TEXT_HTML_TYPE).entity(Templates.notFound(slug)).build();
        }
        StepPage step = page.get();
        Optional<Long> learner = currentUser.accountId();
        learner.ifPresent(id -> progress.recordVisit(id, step.step().id()));
        List<String> passed = learner.map(id -> progress.passedExercises(id, step.step().id())).orElse(List.of());
        StepState state = learner.map(id -> progress.stateOf(id, step.step(), passed)).orElse(null);
        Map<String, String> solved = passed.isEmpty() ? Map.of() : progress.solvedExplanations(slug, passed, language);
        return Response.ok(Templates.step(step, state, solved, learner.isPresent())).build();
    }

    private LearnerProgress anonymousProgress(Language language) {
        List<StepState> steps = lesson.outline(language).stream()
                .map(s -> new StepState(s.slug(), s.title(), s.position(), ProgressService.NOT_STARTED, 0, s.exerciseCount(),
                        s.language(), s.fallback()))
                .toList();
        return new LearnerProgress(0, steps.size(), 0, steps);
    }
}
