package dev.convlab.leaderboard;

import dev.convlab.account.CurrentUser;
import dev.convlab.leaderboard.Leaderboard.Board;
import dev.convlab.leaderboard.Leaderboard.Filter;
import dev.convlab.platform.CsvDownload;
import dev.convlab.platform.ProblemException;
import dev.convlab.training.compute.Architecture.Downsampling;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The class leaderboard as JSON or CSV, for every logged-in member of the class. */
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
            @QueryParam("downsampling") String downsampling, @QueryParam("hidden") boolean hidden) {
        return leaderboard.board(filter(dataset, epochs, downsampling, hidden));
    }

    @GET
    @Produces("text/csv")
    public Response csv(@QueryParam("dataset") String dataset, @QueryParam("epochs") String epochs,
            @QueryParam("downsampling") String downsampling, @QueryParam("hidden") boolean hidden) {
        List<String> header = List.of("run", "learner", "dataset", "downsampling", "kernel_size", "channels", "batch_norm", "head", "optimizer",
                "learning_rate", "batch_size", "epochs", "seed", "test_accuracy", "parameters", "training_seconds", "images_per_second",
                "device", "verification", "verification_accuracy", "hidden", "finished_at");
        List<List<Object>> rows = leaderboard.entries(filter(dataset, epochs, downsampling, hidden)).stream().map(e -> Arrays.<Object>asList(
                e.runId(), e.learner(), e.dataset(), e.downsampling(), e.kernelSize(), e.channels().toString(), e.batchNorm(), e.head(),
                e.optimizer(), e.learningRate(), e.batchSize(), e.epochs(), e.seed(), e.testAccuracy(), e.parameters(), e.trainingSeconds(),
                e.imagesPerSecond(), e.device(), e.verification() == null ? "" : e.verification(),
                e.verificationAccuracy() == null ? "" : e.verificationAccuracy(), e.hidden(), e.finishedAt())).toList();
        return CsvDownload.of("leaderboard.csv", header, rows);
    }

    private Filter filter(String dataset, String epochs, String downsampling, boolean hidden) {
        if (hidden && !currentUser.isInstructor()) {
            throw new ProblemException(403, "Forbidden", "Only instructors see hidden entries");
        }
        if (dataset != null && !dataset.isBlank() && !List.of("mnist", "fashion-mnist").contains(dataset)) {
            throw ProblemException.badField("dataset", "must be mnist or fashion-mnist");
        }
        return new Filter(dataset == null || dataset.isBlank() ? null : dataset, epochs(epochs), downsampling(downsampling), hidden);
    }

    private static Integer epochs(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badField("epochs", "must be a whole number");
        }
    }

    private static Downsampling downsampling(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Downsampling.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("downsampling", "must be stride2, max-pool or avg-pool");
        }
    }
}
