package dev.convlab.progress;

import dev.convlab.account.Account;
import dev.convlab.i18n.RequestLanguage;
import dev.convlab.progress.ClassDashboard.ExerciseStats;
import dev.convlab.progress.ClassDashboard.LearnerOrder;
import dev.convlab.progress.ClassDashboard.LearnerSummary;
import dev.convlab.progress.ClassDashboard.Scope;
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

/** The whole site's dashboard for its administrator (the start-up instructor), as JSON and as CSV. */
@Path("/api/instructor")
@RolesAllowed(Account.INSTRUCTOR)
public class DashboardResource {

    /** Everything the dashboard page shows. */
    public record Dashboard(List<StepFunnel> steps, List<ExerciseStats> exercises, List<LearnerSummary> learners) {}

    @Inject
    ClassDashboard dashboard;

    @Inject
    RequestLanguage requestLanguage;

    @GET
    @Path("/dashboard")
    public Dashboard dashboard() {
        return new Dashboard(dashboard.steps(Scope.SITE, requestLanguage.get()), dashboard.exercises(Scope.SITE), dashboard.learners(Scope.SITE, LearnerOrder.EMAIL, false, 0));
    }

    @GET
    @Path("/learners")
    public List<LearnerSummary> learners(@QueryParam("sort") @DefaultValue("email") String sort,
            @QueryParam("order") @DefaultValue("asc") String order, @QueryParam("minCompleted") @DefaultValue("0") long minCompleted) {
        return dashboard.learners(Scope.SITE, DashboardExports.order(sort), DashboardExports.descending(order), minCompleted);
    }

    @GET
    @Path("/learners.csv")
    @Produces("text/csv")
    public Response learnersCsv(@QueryParam("sort") @DefaultValue("email") String sort,
            @QueryParam("order") @DefaultValue("asc") String order, @QueryParam("minCompleted") @DefaultValue("0") long minCompleted) {
        return DashboardExports.learnersCsv(learners(sort, order, minCompleted));
    }

    @GET
    @Path("/exercises.csv")
    @Produces("text/csv")
    public Response exercisesCsv() {
        return DashboardExports.exercisesCsv(dashboard.exercises(Scope.SITE));
    }

    @GET
    @Path("/steps.csv")
    @Produces("text/csv")
    public Response stepsCsv() {
        return DashboardExports.stepsCsv(dashboard.steps(Scope.SITE, requestLanguage.get()));
    }
}
