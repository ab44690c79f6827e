package dev.convlab.training;

import dev.convlab.account.CurrentUser;
import dev.convlab.platform.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Learners queue training runs, follow them and cancel them. Results are computed by the server only. */
@Path("/api/runs")
@Authenticated
public class RunResource {

    /** A run as its learner sees it. */
    public record RunView(long id, String state, RunSettings settings, int epochsDone, Long queuePosition, Map<String, Object> result,
            String error, Instant createdAt, Instant startedAt, Instant finishedAt) {}

    @Inject
    RunQueue queue;

    @Inject
    CurrentUser currentUser;

    @POST
    public Response submit(RunSettings request) {
        if (request == null) {
            throw ProblemException.badField("body", "is required");
        }
        RunSettings settings = request.withDefaults();
        settings.check();
        TrainingRun run = queue.submit(currentUser.requireAccountId(), settings);
        return Response.status(202).entity(view(run)).build();
    }

    @GET
    public List<RunView> mine() {
        return queue.mine(currentUser.requireAccountId()).stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    public RunView run(@PathParam("id") long id) {
        return view(queue.find(id, currentUser.requireAccountId()));
    }

    @POST
    @Path("/{id}/cancel")
    public RunView cancel(@PathParam("id") long id) {
        return view(queue.cancel(id, currentUser.requireAccountId()));
    }

    private RunView view(TrainingRun run) {
        Long position = TrainingRun.QUEUED.equals(run.state) ? queue.position(run) : null;
        return new RunView(run.id, run.state, run.settings, run.epochsDone, position, run.result, run.error, run.createdAt,
                run.startedAt, run.finishedAt);
    }
}
