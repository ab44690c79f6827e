package dev.convlab.training;

import dev.convlab.account.CurrentUser;
import dev.convlab.i18n.Messages;
import dev.convlab.limits.ClientLimits;
import dev.convlab.platform.CsvDownload;
import dev.convlab.platform.ProblemException;
import dev.convlab.training.compute.TrainingData;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.resteasy.reactive.RestStreamElementType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Learners queue training runs, follow them and cancel them. Results are computed by the server only. */
@Path("/api/runs")
@Authenticated
public class RunResource {

    /** A run as its learner sees it; {@code outcome} says whether a finished run learned, collapsed or diverged, and why. */
    public record RunView(long id, String state, RunSettings settings, int epochsDone, Long queuePosition, Long etaSeconds,
            Map<String, Object> result, String error, RunOutcome outcome, Long verifiesRunId, Instant createdAt, Instant startedAt,
            Instant finishedAt) {}

    static final Duration POLL = Duration.ofMillis(500);

    @Inject
    RunQueue queue;

    @Inject
    RunEvents events;

    @Inject
    QueueBoard board;

    @Inject
    ObjectMapper json;

    @Inject
    CurrentUser currentUser;

    @Inject
    ReceptiveFieldService receptiveFields;

    @Inject
    ClientLimits limits;

    @Inject
    TrainingDatasets datasets;

    @POST
    public Response submit(RunSettings request) {
        if (request == null) {
            throw ProblemException.required("body");
        }
        limits.charge(limits.current(), limits.cost(0));
        RunSettings settings = request.withDefaults();
        settings.check();
        int[] sizes = datasets.sizes(settings.dataset());
        settings.checkWork(sizes[0], sizes[1]);
        TrainingRun run = queue.submit(currentUser.requireAccountId(), settings);
        return Response.status(202).entity(view(run)).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<RunView> mine() {
        return queue.mine(currentUser.requireAccountId()).stream().map(this::view).toList();
    }

    /** The learner's own runs as a spreadsheet: settings, state and results, one row per run. */
    @GET
    @Produces("text/csv")
    public Response mineAsCsv() {
        List<String> header = List.of("run", "state", "outcome", "dataset", "downsampling", "kernel_size", "channels", "batch_norm", "head", "optimizer",
                "learning_rate", "batch_size", "epochs", "seed", "test_accuracy", "test_loss", "parameters", "training_seconds",
                "images_per_second", "device", "created_at", "finished_at");
        List<List<Object>> rows = queue.mine(currentUser.requireAccountId()).stream().map(run -> {
            RunSettings s = run.settings;
            Map<String, Object> r = run.result == null ? Map.of() : run.result;
            return Arrays.<Object>asList(run.id, run.state, run.outcome == null ? "" : run.outcome, s.dataset(), s.downsampling(), s.kernelSize(), s.channels().toString(), s.batchNorm(),
                    s.head(), s.optimizer(), s.learningRate(), s.batchSize(), s.epochs(), s.seed(), r.getOrDefault("testAccuracy", ""),
                    r.getOrDefault("testLoss", ""), r.getOrDefault("parameters", ""), r.getOrDefault("trainingSeconds", ""),
                    r.getOrDefault("imagesPerSecond", ""), r.getOrDefault("device", ""), run.createdAt, run.finishedAt == null ? "" : run.finishedAt);
        }).toList();
        return CsvDownload.of("my-runs.csv", header, rows);
    }

    /** Step 8's default run: the settings its form starts from and step 9 trains "now". */
    @GET
    @Path("/defaults")
    @Produces(MediaType.APPLICATION_JSON)
    public RunSettings defaults() {
        return RunSettings.lessonDefault();
    }

    @GET
    @Path("/{id}")
    public RunView run(@PathParam("id") long id) {
        return view(queue.find(id, currentUser.requireAccountId()));
    }

    /**
     * Server-Sent Events: the run's state (with its queue position while it waits) and every stored epoch, from the
     * first one, so a page reloaded mid-run gets everything; ends with the final state.
     */
    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    @Blocking
    public Multi<String> events(@PathParam("id") long id) {
        long learner = currentUser.requireAccountId();
        queue.find(id, learner);
        AtomicLong lastEvent = new AtomicLong();
        AtomicReference<String> lastState = new AtomicReference<>("");
        AtomicBoolean finished = new AtomicBoolean();
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(POLL).onOverflow().drop()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .select().first(tick -> !finished.get())
                .onItem().transformToIterable(tick -> {
                    if (board.unchanged(id, lastEvent.get(), lastState.get())) {
                        return List.<String>of();
                    }
                    List<String> out = new ArrayList<>();
                    for (RunEvents.StoredEvent event : events.after(id, lastEvent.get())) {
                        out.add(event.json());
                        lastEvent.set(event.id());
                    }
                    RunView run = view(queue.find(id, learner));
                    String state = QueueBoard.stateKey(run.state(), run.queuePosition(), run.epochsDone());
                    if (!state.equals(lastState.getAndSet(state))) {
                        out.add(stateEvent(run));
                    }
                    finished.set(run.finishedAt() != null);
                    return out;
                });
    }

    private String stateEvent(RunView run) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("kind", "state");
        event.put("state", run.state());
        event.put("dataset", run.settings().dataset());
        event.put("epochs", run.settings().epochs());
        event.put("queuePosition", run.queuePosition());
        event.put("etaSeconds", run.etaSeconds());
        event.put("epochsDone", run.epochsDone());
        event.put("result", run.result());
        event.put("error", run.error());
        event.put("outcome", run.outcome());
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A run view always serializes", e);
        }
    }

    /** Step 9: one activation's theoretical and effective receptive field on a validation image. */
    @POST
    @Path("/{id}/receptive-field")
    public ReceptiveFieldService.View receptiveField(@PathParam("id") long id, ReceptiveFieldService.Probe probe) {
        limits.charge(limits.current(), limits.cost(TrainingData.PIXELS));
        return receptiveFields.probe(id, currentUser.requireAccountId(), probe);
    }

    @POST
    @Path("/{id}/cancel")
    public RunView cancel(@PathParam("id") long id) {
        return view(queue.cancel(id, currentUser.requireAccountId()));
    }

    private RunView view(TrainingRun run) {
        return new RunView(run.id, run.state, run.settings, run.epochsDone, board.position(run), board.etaSeconds(run), run.result, run.error,
                RunOutcome.of(run, Messages.current()), run.verifiesRunId, run.createdAt, run.startedAt, run.finishedAt);
    }
}
