package dev.convlab.progress;

import dev.convlab.account.CurrentUser;
import dev.convlab.i18n.RequestLanguage;
import dev.convlab.progress.ClassDashboard.ExerciseStats;
import dev.convlab.progress.ClassDashboard.LearnerOrder;
import dev.convlab.progress.ClassDashboard.LearnerSummary;
import dev.convlab.progress.ClassDashboard.Scope;
import dev.convlab.progress.ClassDashboard.StepFunnel;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The class dashboard page: charts drawn from the same numbers as the tables. */
@Path("/instructor/dashboard")
@Produces(MediaType.TEXT_HTML)
public class DashboardPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(List<StepFunnel> steps, List<ExerciseStats> exercises, List<LearnerSummary> learners);

        static native TemplateInstance forbidden();
    }

    @Inject
    ClassDashboard dashboard;

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestLanguage requestLanguage;

    @GET
    public Response page() {
        boolean allowed = currentUser.isInstructor();
        TemplateInstance page = Templates.dashboard(allowed ? dashboard.steps(Scope.SITE, requestLanguage.get()) : List.of(), allowed ? dashboard.exercises(Scope.SITE) : List.of(),
                allowed ? dashboard.learners(Scope.SITE, LearnerOrder.LAST_ACTIVITY, true, 0) : List.of());
        return currentUser.instructorPage(page, Templates.forbidden(), "/instructor/dashboard");
    }
}
