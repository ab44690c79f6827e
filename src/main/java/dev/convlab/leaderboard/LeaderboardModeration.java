package dev.convlab.leaderboard;

import dev.convlab.account.Account;
import dev.convlab.account.CurrentUser;
import dev.convlab.i18n.Text;
import dev.convlab.platform.PlatformErrors;
import dev.convlab.platform.ProblemException;
import dev.convlab.training.RunQueue;
import dev.convlab.training.TrainingRun;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Instructors keep the leaderboard honest: they re-run an entry with its seed to verify it, and hide entries. */
@Path("/api/instructor/leaderboard")
@RolesAllowed(Account.INSTRUCTOR)
public class LeaderboardModeration {

    /** What an instructor may change on an entry. */
    public record Visibility(Boolean hidden) {}

    @Inject
    Leaderboard leaderboard;

    @Inject
    RunQueue queue;

    @Inject
    CurrentUser currentUser;

    /** Queues a re-run of the entry with its settings and seed; the entry shows "verified" once the numbers match. */
    @POST
    @Path("/{id}/verify")
    public Response verify(@PathParam("id") long id) {
        TrainingRun rerun = queue.verify(id, currentUser.requireAccountId());
        return Response.status(202).entity(Map.of("entry", id, "rerun", rerun.id, "verification", TrainingRun.PENDING)).build();
    }

    @PUT
    @Path("/{id}")
    public Map<String, Object> visibility(@PathParam("id") long id, Visibility visibility) {
        if (visibility == null || visibility.hidden() == null) {
            throw ProblemException.badField("hidden", Text.of(PlatformErrors.class, PlatformErrors::trueOrFalse));
        }
        leaderboard.hide(id, visibility.hidden());
        return Map.of("entry", id, "hidden", visibility.hidden());
    }
}
