package dev.convlab.lesson;

import dev.convlab.account.CurrentUser;
import dev.convlab.lesson.LessonAuthoring.RevisionSummary;
import dev.convlab.lesson.LessonAuthoring.StepStatus;
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

/** The instructor's pages for the lesson: the list of steps and the editor with live preview and history. */
@Path("/instructor")
@Produces(MediaType.TEXT_HTML)
public class AuthoringPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance steps(List<StepStatus> steps);

        static native TemplateInstance editor(String slug, List<RevisionSummary> revisions);

        static native TemplateInstance forbidden();
    }

    @Inject
    LessonAuthoring authoring;

    @Inject
    CurrentUser currentUser;

    @GET
    public Response steps() {
        return currentUser.instructorPage(Templates.steps(currentUser.isInstructor() ? authoring.steps() : List.of()),
                Templates.forbidden(), "/instructor");
    }

    @GET
    @Path("steps/{slug}")
    public Response editor(@PathParam("slug") String slug) {
        List<RevisionSummary> revisions = currentUser.isInstructor() ? authoring.revisions(slug) : List.of();
        return currentUser.instructorPage(Templates.editor(slug, revisions), Templates.forbidden(), "/instructor/steps/" + slug);
    }
}
