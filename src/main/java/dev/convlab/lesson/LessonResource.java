package dev.convlab.lesson;

import dev.convlab.i18n.Text;
import dev.convlab.lesson.LessonService.StepPage;
import dev.convlab.lesson.LessonService.StepSummary;
import dev.convlab.platform.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

/** The published lesson as JSON: the outline and each step's rendered HTML and exercise questions. */
@Path("/api")
public class LessonResource {

    @Inject
    LessonService lesson;

    @GET
    @Path("/steps")
    public List<StepSummary> outline() {
        return lesson.outline();
    }

    @GET
    @Path("/steps/{slug}")
    public StepPage step(@PathParam("slug") String slug) {
        return lesson.page(slug).orElseThrow(() -> ProblemException.notFound(Text.of(LessonErrors.class, m -> m.noStep(slug))));
    }
}
