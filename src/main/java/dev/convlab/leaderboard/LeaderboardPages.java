package dev.convlab.leaderboard;

import dev.convlab.account.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The class leaderboard on a page of its own, where instructors also moderate it. */
@Path("/leaderboard")
@Produces(MediaType.TEXT_HTML)
public class LeaderboardPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance leaderboard();
    }

    @Inject
    CurrentUser currentUser;

    @GET
    public Response page() {
        if (!currentUser.isLoggedIn()) {
            return Response.seeOther(URI.create("/login?next=/leaderboard")).build();
        }
        return Response.ok(Templates.leaderboard()).build();
    }
}
