package dev.convlab.classes;

import dev.convlab.account.CurrentUser;
import dev.convlab.classes.ClassService.Access;
import dev.convlab.classes.ClassService.Reader;
import dev.convlab.i18n.Language;
import dev.convlab.i18n.RequestLanguage;
import dev.convlab.i18n.Text;
import dev.convlab.platform.ProblemException;
import dev.convlab.progress.ClassDashboard;
import dev.convlab.progress.ClassDashboard.LearnerOrder;
import dev.convlab.progress.DashboardResource.Dashboard;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;

/** The class pages: "my classes", and one class (dashboard, leaderboard, roster and settings for its instructors). */
@Path("/classes")
@Produces(MediaType.TEXT_HTML)
public class ClassPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance classes(List<ClassView> classes, boolean mayCreate);

        static native TemplateInstance classroom(ClassView classroom, String closed, String boardParams, String joinLink,
                List<Member> members, Dashboard dashboard);

        static native TemplateInstance refused(int status, String message);
    }

    @Inject
    ClassService classes;

    @Inject
    ClassDashboard dashboard;

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestLanguage requestLanguage;

    @Context
    UriInfo uri;

    @GET
    public Response list() {
        if (!currentUser.isLoggedIn()) {
            return logIn("/classes");
        }
        Reader reader = Reader.of(currentUser);
        return Response.ok(Templates.classes(classes.mine(reader), classes.mayCreate(reader))).build();
    }

    @GET
    @Path("/{id}")
    public Response one(@PathParam("id") long id) {
        if (!currentUser.isLoggedIn()) {
            return logIn("/classes/" + id);
        }
        Reader reader = Reader.of(currentUser);
        try {
            Access access = classes.requireMember(id, reader);
            ClassView view = classes.view(access);
            Classroom classroom = access.classroom();
            Text whyClosed = ClassService.whyClosed(classroom);
            String closed = whyClosed == null ? null : whyClosed.in(requestLanguage.get());
            String board = boardParams(id, access.teaches() && !classroom.isArchived());
            if (!access.teaches()) {
                return Response.ok(Templates.classroom(view, closed, board, null, List.of(), null)).build();
            }
            ClassDashboard.Scope scope = ClassDashboard.Scope.ofClass(classroom.id, classroom.archivedAt);
            Dashboard numbers = new Dashboard(dashboard.steps(scope, requestLanguage.get()), dashboard.exercises(scope),
                    dashboard.learners(scope, LearnerOrder.LAST_ACTIVITY, true, 0));
            String joinLink = uri.getBaseUri().resolve(view.joinPath()).toString();
            return Response.ok(Templates.classroom(view, closed, board, joinLink, classes.members(id, reader), numbers)).build();
        } catch (ProblemException e) {
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.refused(e.status(), e.detail(requestLanguage.get()))).build();
        }
    }

    /** The leaderboard widget's parameters: the class's board, moderated through it by those who teach it. */
    static String boardParams(long id, boolean moderator) {
        return "{\"api\":\"/api/classes/%d/leaderboard\",\"moderator\":%b,\"classFilter\":false}".formatted(id, moderator);
    }

    private static Response logIn(String next) {
        return Response.seeOther(URI.create("/login?next=" + next)).build();
    }
}
