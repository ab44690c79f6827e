package dev.convlab.progress;

import dev.convlab.platform.CsvDownload;
import dev.convlab.i18n.Text;
import dev.convlab.platform.ProblemException;
import dev.convlab.progress.ClassDashboard.ExerciseStats;
import dev.convlab.progress.ClassDashboard.LearnerOrder;
import dev.convlab.progress.ClassDashboard.LearnerSummary;
import dev.convlab.progress.ClassDashboard.StepFunnel;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A dashboard's tables as CSV downloads (Apache Commons CSV), and its learner table's query parameters: the site's and each class's alike. */
public final class DashboardExports {

    private DashboardExports() {}

    public static Response learnersCsv(List<LearnerSummary> learners) {
        return CsvDownload.of("learners.csv", List.of("email", "display_name", "completed_steps", "attempts", "saved_kernels", "runs", "last_activity"),
                learners.stream()
                        .map(l -> List.<Object>of(l.email(), l.displayName(), l.completedSteps(), l.attempts(), l.savedKernels(), l.runs(),
                                l.lastActivity() == null ? "" : l.lastActivity().toString()))
                        .toList());
    }

    public static Response exercisesCsv(List<ExerciseStats> exercises) {
        return CsvDownload.of("exercises.csv", List.of("step", "exercise", "attempts", "learners", "first_try_success", "common_wrong_answers"),
                exercises.stream()
                        .map(e -> List.<Object>of(e.slug(), e.key(), e.attempts(), e.learners(), e.firstTrySuccess(),
                                e.commonWrongAnswers().stream().map(w -> w.answer() + " (" + w.count() + ")").collect(Collectors.joining("; "))))
                        .toList());
    }

    public static Response stepsCsv(List<StepFunnel> steps) {
        return CsvDownload.of("steps.csv", List.of("position", "step", "title", "visited", "completed"),
                steps.stream().map(s -> List.<Object>of(s.position(), s.slug(), s.title(), s.visited(), s.completed())).toList());
    }

    /** The {@code sort} parameter: email, completed or lastActivity. */
    public static LearnerOrder order(String sort) {
        return switch (sort.toLowerCase(Locale.ROOT)) {
            case "email" -> LearnerOrder.EMAIL;
            case "completed" -> LearnerOrder.COMPLETED;
            case "lastactivity", "last-activity" -> LearnerOrder.LAST_ACTIVITY;
            default -> throw ProblemException.badField("sort", Text.of(ProgressErrors.class, ProgressErrors::sortChoice));
        };
    }

    /** The {@code order} parameter: asc or desc. */
    public static boolean descending(String order) {
        return switch (order.toLowerCase(Locale.ROOT)) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw ProblemException.badField("order", Text.of(ProgressErrors.class, ProgressErrors::orderChoice));
        };
    }
}
