package dev.convlab.leaderboard;

import dev.convlab.account.CurrentUser;
import dev.convlab.i18n.Text;
import dev.convlab.leaderboard.Leaderboard.Board;
import dev.convlab.leaderboard.Leaderboard.Filter;
import dev.convlab.leaderboard.Leaderboard.Scope;
import dev.convlab.platform.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The site-wide leaderboard as JSON or CSV, for every logged-in learner: everyone's runs but those of classes that
 * keep off it, or ({@code class}) only the learners of one class the reader is in or teaches.
 */
@Path("/api/leaderboard")
@Authenticated
public class LeaderboardResource {

    @Inject
    Leaderboard leaderboard;

    @Inject
    CurrentUser currentUser;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Board board(@QueryParam("dataset") String dataset, @QueryParam("epochs") String epochs,
            @QueryParam("downsampling") String downsampling, @QueryParam("hidden") boolean hidden, @QueryParam("class") Long classId) {
        return leaderboard.board(filter(dataset, epochs, downsampling, hidden, classId));
    }

    @GET
    @Produces("text/csv")
    public Response csv(@QueryParam("dataset") String dataset, @QueryParam("epochs") String epochs,
            @QueryParam("downsampling") String downsampling, @QueryParam("hidden") boolean hidden, @QueryParam("class") Long classId) {
        return LeaderboardRequests.csv(leaderboard.entries(filter(dataset, epochs, downsampling, hidden, classId)));
    }

    private Filter filter(String dataset, String epochs, String downsampling, boolean hidden, Long classId) {
        long reader = currentUser.requireAccountId();
        if (classId != null && !leaderboard.mayFilterBy(classId, reader, currentUser.isInstructor())) {
            throw ProblemException.forbidden(Text.of(LeaderboardErrors.class, LeaderboardErrors::classFilter));
        }
        return LeaderboardRequests.filter(dataset, epochs, downsampling, hidden, Scope.site(classId == null ? 0 : classId, reader, currentUser.isInstructor()));
    }
}
