package dev.convlab.lesson;

import dev.convlab.i18n.RequestLanguage;
import dev.convlab.i18n.Text;
import dev.convlab.lesson.LessonService.StepPage;
import dev.convlab.lesson.LessonService.StepSummary;
import dev.convlab.platform.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

/** The published lesson as JSON in the reader's language: the outline and each step's rendered HTML and exercise questions. */
@Path("/api")
public class LessonResource {

    @Inject
    LessonService lesson;

    @Inject
    RequestLanguage language;

    @GET
    @Path("/steps")
    public List<StepSummary> outline() {
        return lesson.outline(language.get());
    }

    @GET
    @Path("/steps/{slug}")
    public StepPage step(@PathParam("slug") String slug) {
        return lesson.page(slug, language.get()).orElseThrow(() -> ProblemException.notFound(Text.of(LessonErrors.class, m -> m.noStep(slug))));
    }
}
