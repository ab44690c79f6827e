package dev.convlab.lesson;

import dev.convlab.account.Account;
import dev.convlab.account.CurrentUser;
import dev.convlab.i18n.Language;
import dev.convlab.i18n.RequestLanguage;
import dev.convlab.i18n.Text;
import dev.convlab.lesson.LessonAuthoring.RevisionDetail;
import dev.convlab.lesson.LessonAuthoring.RevisionSummary;
import dev.convlab.lesson.LessonAuthoring.SaveResult;
import dev.convlab.lesson.LessonAuthoring.StepStatus;
import dev.convlab.platform.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;

/** Instructors write and revise the lesson: drafts, publishing, history, diffs, preview, zip export and import. */
@Path("/api/instructor")
@RolesAllowed(Account.INSTRUCTOR)
public class AuthoringResource {

    /** A step's whole source, the revision the edit started from, and its language ({@code en} unless given). */
    public record Draft(String source, Integer baseRevision, String language) {}

    /** The order of every step, by slug. */
    public record Order(List<String> slugs) {}

    /** A preview: the HTML learners would see, widgets included, and the exercise questions. */
    public record Preview(String html, List<LessonService.ExerciseView> exercises) {}

    @Inject
    LessonAuthoring authoring;

    @Inject
    LessonArchive archive;

    @Inject
    MarkdownRenderer markdown;

    @Inject
    LessonService lesson;

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestLanguage requestLanguage;

    @GET
    @Path("/steps")
    public List<StepStatus> steps() {
        return authoring.steps();
    }

    @POST
    @Path("/steps")
    public Response createStep(Draft draft) {
        return Response.status(201).entity(authoring.createStep(source(draft), language(draft.language()), currentUser.requireAccountId())).build();
    }

    @PUT
    @Path("/order")
    public Response reorder(Order order) {
        authoring.reorder(order == null ? null : order.slugs());
        return Response.noContent().build();
    }

    @GET
    @Path("/steps/{slug}/revisions")
    public List<RevisionSummary> revisions(@PathParam("slug") String slug, @QueryParam("language") String language) {
        return authoring.revisions(slug, language(language));
    }

    @GET
    @Path("/steps/{slug}/revisions/{number}")
    public RevisionDetail revision(@PathParam("slug") String slug, @PathParam("number") int number) {
        return authoring.revision(slug, number);
    }

    /** Saves a draft in its language; 409 with both texts when someone saved since the base revision (both are kept). */
    @PUT
    @Path("/steps/{slug}/draft")
    public Response saveDraft(@PathParam("slug") String slug, Draft draft) {
        if (draft == null || draft.baseRevision() == null) {
            throw ProblemException.badField("baseRevision", Text.of(LessonErrors.class, LessonErrors::baseRevisionRequired));
        }
        SaveResult result = authoring.saveDraft(slug, source(draft), draft.baseRevision(), language(draft.language()),
                currentUser.requireAccountId());
        return Response.status(result.conflict() ? 409 : 200).entity(result).build();
    }

    @POST
    @Path("/steps/{slug}/revisions/{number}/publish")
    public RevisionSummary publish(@PathParam("slug") String slug, @PathParam("number") int number) {
        return authoring.publish(slug, number);
    }

    @POST
    @Path("/steps/{slug}/revisions/{number}/restore")
    public RevisionDetail restore(@PathParam("slug") String slug, @PathParam("number") int number) {
        return authoring.restore(slug, number, currentUser.requireAccountId());
    }

    @POST
    @Path("/steps/{slug}/retire")
    public Response retire(@PathParam("slug") String slug, @QueryParam("undo") boolean undo) {
        authoring.retire(slug, !undo);
        return Response.noContent().build();
    }

    @GET
    @Path("/steps/{slug}/diff")
    @Produces(MediaType.TEXT_PLAIN)
    public String diff(@PathParam("slug") String slug, @QueryParam("from") int from, @QueryParam("to") int to) {
        return authoring.diff(slug, from, to);
    }

    @POST
    @Path("/preview")
    public Preview preview(Draft draft) {
        StepSource source = authoring.parse("preview", source(draft));
        Language language = requestLanguage.get();
        return new Preview(markdown.render(source.markdown(), language), lesson.exerciseViews(source.exercises(), language));
    }

    @GET
    @Path("/lesson.zip")
    @Produces("application/zip")
    public Response export() {
        return Response.ok(archive.export()).header("Content-Disposition", "attachment; filename=\"convolutions.zip\"").build();
    }

    @POST
    @Path("/lesson.zip")
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    public LessonArchive.ImportReport importZip(InputStream body) {
        return archive.importZip(body, currentUser.requireAccountId());
    }

    /** The language a request names by its tag; English when it names none. */
    static Language language(String tag) {
        if (tag == null || tag.isBlank()) {
            return Language.EN;
        }
        return Language.ofTag(tag).orElseThrow(() -> ProblemException.badLanguage("language"));
    }

    private static String source(Draft draft) {
        if (draft == null || draft.source() == null) {
            throw ProblemException.required("source");
        }
        return draft.source();
    }
}
