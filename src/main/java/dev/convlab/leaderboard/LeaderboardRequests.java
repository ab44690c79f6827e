package dev.convlab.leaderboard;

import dev.convlab.i18n.Text;
import dev.convlab.leaderboard.Leaderboard.Entry;
import dev.convlab.leaderboard.Leaderboard.Filter;
import dev.convlab.leaderboard.Leaderboard.Scope;
import dev.convlab.platform.CsvDownload;
import dev.convlab.platform.PlatformErrors;
import dev.convlab.platform.ProblemException;
import dev.convlab.training.compute.Architecture.Downsampling;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A board's query parameters read into a filter, and its entries as CSV: the same for the site-wide and the class boards. */
public final class LeaderboardRequests {

    private LeaderboardRequests() {}

    /** The filter the parameters ask for; hidden entries only for whoever teaches the board. */
    public static Filter filter(String dataset, String epochs, String downsampling, boolean hidden, Scope scope) {
        if (hidden && !scope.teacher()) {
            throw ProblemException.forbidden(Text.of(LeaderboardErrors.class, LeaderboardErrors::hiddenForInstructors));
        }
        if (dataset != null && !dataset.isBlank() && !List.of("mnist", "fashion-mnist").contains(dataset)) {
            throw ProblemException.badField("dataset", Text.of(LeaderboardErrors.class, LeaderboardErrors::datasetChoice));
        }
        return new Filter(dataset == null || dataset.isBlank() ? null : dataset, epochs(epochs), downsampling(downsampling), hidden, scope);
    }

    /** The entries as a CSV download, names as the reader sees them on the board. */
    public static Response csv(List<Entry> entries) {
        List<String> header = List.of("run", "learner", "dataset", "downsampling", "kernel_size", "channels", "batch_norm", "head", "optimizer",
                "learning_rate", "batch_size", "epochs", "seed", "test_accuracy", "parameters", "training_seconds", "images_per_second",
                "device", "verification", "verification_accuracy", "hidden", "finished_at");
        List<List<Object>> rows = entries.stream().map(e -> Arrays.<Object>asList(
                e.runId(), e.learner(), e.dataset(), e.downsampling(), e.kernelSize(), e.channels().toString(), e.batchNorm(), e.head(),
                e.optimizer(), e.learningRate(), e.batchSize(), e.epochs(), e.seed(), e.testAccuracy(), e.parameters(), e.trainingSeconds(),
                e.imagesPerSecond(), e.device(), e.verification() == null ? "" : e.verification(),
                e.verificationAccuracy() == null ? "" : e.verificationAccuracy(), e.hidden(), e.finishedAt())).toList();
        return CsvDownload.of("leaderboard.csv", header, rows);
    }

    private static Integer epochs(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badField("epochs", Text.of(PlatformErrors.class, PlatformErrors::wholeNumber));
        }
    }

    private static Downsampling downsampling(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Downsampling.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("downsampling", Text.of(LeaderboardErrors.class, LeaderboardErrors::downsamplingChoice));
        }
    }
}
