package dev.convlab.progress;

import dev.convlab.account.Account;
import dev.convlab.platform.CsvDownload;
import dev.convlab.platform.ProblemException;
import dev.convlab.progress.ClassDashboard.ExerciseStats;
import dev.convlab.progress.ClassDashboard.LearnerOrder;
import dev.convlab.progress.ClassDashboard.LearnerSummary;
import dev.convlab.progress.ClassDashboard.StepFunnel;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The class dashboard's numbers for instructors, as JSON and as CSV (Apache Commons CSV). */
@Path("/api/instructor")
@RolesAllowed(Account.INSTRUCTOR)
public class DashboardResource {

    /** Everything the dashboard page shows. */
    public record Dashboard(List<StepFunnel> steps, List<ExerciseStats> exercises, List<LearnerSummary> learners) {}

    @Inject
    ClassDashboard dashboard;

    @GET
    @Path("/dashboard")
    public Dashboard dashboard() {
        return new Dashboard(dashboard.steps(), dashboard.exercises(), dashboard.learners(LearnerOrder.EMAIL, false, 0));
    }

    @GET
    @Path("/learners")
    public List<LearnerSummary> learners(@QueryParam("sort") @DefaultValue("email") String sort,
            @QueryParam("order") @DefaultValue("asc") String order, @QueryParam("minCompleted") @DefaultValue("0") long minCompleted) {
        return dashboard.learners(order(sort), descending(order), minCompleted);
    }

    @GET
    @Path("/learners.csv")
    @Produces("text/csv")
    public Response learnersCsv(@QueryParam("sort") @DefaultValue("email") String sort,
            @QueryParam("order") @DefaultValue("asc") String order, @QueryParam("minCompleted") @DefaultValue("0") long minCompleted) {
        return CsvDownload.of("learners.csv", List.of("email", "display_name", "completed_steps", "attempts", "saved_kernels", "runs", "last_activity"),
                dashboard.learners(order(sort), descending(order), minCompleted).stream()
                        .map(l -> List.<Object>of(l.email(), l.displayName(), l.completedSteps(), l.attempts(), l.savedKernels(), l.runs(),
                                l.lastActivity() == null ? "" : l.lastActivity().toString()))
                        .toList());
    }

    @GET
    @Path("/exercises.csv")
    @Produces("text/csv")
    public Response exercisesCsv() {
        return CsvDownload.of("exercises.csv", List.of("step", "exercise", "attempts", "learners", "first_try_success", "common_wrong_answers"),
                dashboard.exercises().stream()
                        .map(e -> List.<Object>of(e.slug(), e.key(), e.attempts(), e.learners(), e.firstTrySuccess(),
                                e.commonWrongAnswers().stream().map(w -> w.answer() + " (" + w.count() + ")").collect(Collectors.joining("; "))))
                        .toList());
    }

    @GET
    @Path("/steps.csv")
    @Produces("text/csv")
    public Response stepsCsv() {
        return CsvDownload.of("steps.csv", List.of("position", "step", "title", "visited", "completed"),
                dashboard.steps().stream().map(s -> List.<Object>of(s.position(), s.slug(), s.title(), s.visited(), s.completed())).toList());
    }

    private static LearnerOrder order(String sort) {
        return switch (sort.toLowerCase(Locale.ROOT)) {
            case "email" -> LearnerOrder.EMAIL;
            case "completed" -> LearnerOrder.COMPLETED;
            case "lastactivity", "last-activity" -> LearnerOrder.LAST_ACTIVITY;
            default -> throw ProblemException.badField("sort", "must be email, completed or lastActivity");
        };
    }

    private static boolean descending(String order) {
        return switch (order.toLowerCase(Locale.ROOT)) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw ProblemException.badField("order", "must be asc or desc");
        };
    }
}
