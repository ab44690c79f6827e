package dev.convlab.classes;

import dev.convlab.account.CurrentUser;
import dev.convlab.classes.ClassService.Access;
import dev.convlab.classes.ClassService.Reader;
import dev.convlab.i18n.RequestLanguage;
import dev.convlab.i18n.Text;
import dev.convlab.leaderboard.Leaderboard;
import dev.convlab.leaderboard.Leaderboard.Board;
import dev.convlab.leaderboard.Leaderboard.Filter;
import dev.convlab.leaderboard.Leaderboard.Scope;
import dev.convlab.leaderboard.LeaderboardModeration.Visibility;
import dev.convlab.leaderboard.LeaderboardRequests;
import dev.convlab.platform.PlatformErrors;
import dev.convlab.platform.ProblemException;
import dev.convlab.progress.ClassDashboard;
import dev.convlab.progress.ClassDashboard.LearnerSummary;
import dev.convlab.progress.DashboardExports;
import dev.convlab.progress.DashboardResource.Dashboard;
import dev.convlab.training.RunQueue;
import dev.convlab.training.TrainingRun;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * One class's dashboard and CSVs (for those who teach it) and its leaderboard (for its members, names as the class
 * chose), with moderation of its learners' entries. An archived class's numbers stop at the moment it was archived.
 */
@Path("/api/classes/{id}")
@Authenticated
public class ClassBoardResource {

    @Inject
    ClassService classes;

    @Inject
    ClassDashboard dashboard;

    @Inject
    RequestLanguage requestLanguage;

    @Inject
    Leaderboard leaderboard;

    @Inject
    RunQueue queue;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("/dashboard")
    public Dashboard dashboard(@PathParam("id") long id) {
        ClassDashboard.Scope scope = teachingScope(id);
        return new Dashboard(dashboard.steps(scope, requestLanguage.get()), dashboard.exercises(scope),
                dashboard.learners(scope, ClassDashboard.LearnerOrder.EMAIL, false, 0));
    }

    @GET
    @Path("/learners")
    public List<LearnerSummary> learners(@PathParam("id") long id, @QueryParam("sort") @DefaultValue("email") String sort,
            @QueryParam("order") @DefaultValue("asc") String order, @QueryParam("minCompleted") @DefaultValue("0") long minCompleted) {
        ClassDashboard.Scope scope = teachingScope(id);
        return dashboard.learners(scope, DashboardExports.order(sort), DashboardExports.descending(order), minCompleted);
    }

    @GET
    @Path("/learners.csv")
    @Produces("text/csv")
    public Response learnersCsv(@PathParam("id") long id, @QueryParam("sort") @DefaultValue("email") String sort,
            @QueryParam("order") @DefaultValue("asc") String order, @QueryParam("minCompleted") @DefaultValue("0") long minCompleted) {
        return DashboardExports.learnersCsv(learners(id, sort, order, minCompleted));
    }

    @GET
    @Path("/exercises.csv")
    @Produces("text/csv")
    public Response exercisesCsv(@PathParam("id") long id) {
        return DashboardExports.exercisesCsv(dashboard.exercises(teachingScope(id)));
    }

    @GET
    @Path("/steps.csv")
    @Produces("text/csv")
    public Response stepsCsv(@PathParam("id") long id) {
        return DashboardExports.stepsCsv(dashboard.steps(teachingScope(id), requestLanguage.get()));
    }

    /** The class's leaderboard: its learners' runs, named as the class chose (its instructors see every name). */
    @GET
    @Path("/leaderboard")
    @Produces(MediaType.APPLICATION_JSON)
    public Board board(@PathParam("id") long id, @QueryParam("dataset") String dataset, @QueryParam("epochs") String epochs,
            @QueryParam("downsampling") String downsampling, @QueryParam("hidden") boolean hidden) {
        return leaderboard.board(boardFilter(id, dataset, epochs, downsampling, hidden));
    }

    @GET
    @Path("/leaderboard")
    @Produces("text/csv")
    public Response boardCsv(@PathParam("id") long id, @QueryParam("dataset") String dataset, @QueryParam("epochs") String epochs,
            @QueryParam("downsampling") String downsampling, @QueryParam("hidden") boolean hidden) {
        return LeaderboardRequests.csv(leaderboard.entries(boardFilter(id, dataset, epochs, downsampling, hidden)));
    }

    /** Re-runs one of the class's entries with its seed; the entry shows "verified" once the numbers match. */
    @POST
    @Path("/leaderboard/{runId}/verify")
    public Response verify(@PathParam("id") long id, @PathParam("runId") long runId) {
        requireModerable(id, runId);
        TrainingRun rerun = queue.verify(runId, currentUser.requireAccountId());
        return Response.status(202).entity(Map.of("entry", runId, "rerun", rerun.id, "verification", TrainingRun.PENDING)).build();
    }

    /** Hides one of the class's entries, or shows it again (everywhere it appears). */
    @PUT
    @Path("/leaderboard/{runId}")
    public Map<String, Object> visibility(@PathParam("id") long id, @PathParam("runId") long runId, Visibility visibility) {
        requireModerable(id, runId);
        if (visibility == null || visibility.hidden() == null) {
            throw ProblemException.badField("hidden", Text.of(PlatformErrors.class, PlatformErrors::trueOrFalse));
        }
        leaderboard.hide(runId, visibility.hidden());
        return Map.of("entry", runId, "hidden", visibility.hidden());
    }

    private ClassDashboard.Scope teachingScope(long id) {
        Classroom classroom = classes.requireTeaching(id, Reader.of(currentUser)).classroom();
        return ClassDashboard.Scope.ofClass(classroom.id, classroom.archivedAt);
    }

    private Filter boardFilter(long id, String dataset, String epochs, String downsampling, boolean hidden) {
        Access access = classes.requireMember(id, Reader.of(currentUser));
        Classroom classroom = access.classroom();
        Scope scope = Scope.ofClass(classroom.id, classroom.privacySetting(), classroom.archivedAt, currentUser.requireAccountId(), access.teaches());
        return LeaderboardRequests.filter(dataset, epochs, downsampling, hidden, scope);
    }

    /** Only those who teach a class moderate it, only while it is not archived, and only its learners' entries. */
    private void requireModerable(long id, long runId) {
        Classroom classroom = classes.requireTeaching(id, Reader.of(currentUser)).classroom();
        if (classroom.isArchived()) {
            throw new ProblemException(409, Text.of(ClassesErrors.class, ClassesErrors::archivedTitle), Text.of(ClassesErrors.class, ClassesErrors::archivedBoard));
        }
        if (!classes.isLearnersRun(id, runId)) {
            throw ProblemException.notFound(Text.of(ClassesErrors.class, m -> m.noEntryInClass(runId)));
        }
    }
}
