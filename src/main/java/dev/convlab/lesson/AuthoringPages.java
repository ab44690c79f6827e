package dev.convlab.lesson;

import dev.convlab.account.CurrentUser;
import dev.convlab.i18n.Language;
import dev.convlab.lesson.LessonAuthoring.RevisionSummary;
import dev.convlab.lesson.LessonAuthoring.StepStatus;
import dev.convlab.lesson.LessonAuthoring.Translation;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Stream;

/**
 * The instructor's pages for the lesson: the list of steps with the state of each translation, and the editor with
 * live preview and history, in the language chosen for the text.
 */
@Path("/instructor")
@Produces(MediaType.TEXT_HTML)
public class AuthoringPages {

    /** One line of a unified diff and its class: {@code added}, {@code removed} or empty for context. */
    public record DiffLine(String text, String change) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance steps(List<StepStatus> steps);

        static native TemplateInstance editor(String slug, String language, Integer start, List<RevisionSummary> revisions);

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
    public Response editor(@PathParam("slug") String slug, @QueryParam("language") String tag) {
        Language language = AuthoringResource.language(tag);
        boolean instructor = currentUser.isInstructor();
        List<RevisionSummary> revisions = instructor ? authoring.revisions(slug, language) : List.of();
        Integer start = instructor ? authoring.startingPoint(slug, language).map(RevisionSummary::number).orElse(null) : null;
        return currentUser.instructorPage(Templates.editor(slug, language.tag(), start, revisions), Templates.forbidden(),
                "/instructor/steps/" + slug + (tag == null ? "" : "?language=" + language.tag()));
    }

    /**
     * The English changes of a translation that is behind, line by line, for the step list; without the diff's two
     * file-name lines, which the list says in words.
     */
    @TemplateExtension
    static List<DiffLine> englishChangeLines(Translation translation) {
        if (translation.englishChanges() == null) {
            return List.of();
        }
        return Stream.of(translation.englishChanges().split("\n", -1)).skip(2)
                .map(line -> new DiffLine(line, line.startsWith("+") ? "added" : line.startsWith("-") ? "removed" : ""))
                .toList();
    }
}
