package dev.convlab.training;

import dev.convlab.account.CurrentUser;
import dev.convlab.i18n.RequestLanguage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** A run's own page, which follows it live and survives a reload; only its learner may open it. */
@Path("/runs")
@Produces(MediaType.TEXT_HTML)
public class TrainingPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance run(TrainingRun run, String configuration);

        static native TemplateInstance notFound(long id);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestLanguage language;

    @GET
    @Path("/{id}")
    public Response run(@PathParam("id") long id) {
        if (!currentUser.isLoggedIn()) {
            return Response.seeOther(URI.create("/login?next=/runs/" + id)).build();
        }
        TrainingRun run = TrainingRun.findById(id);
        if (run == null || run.accountId != currentUser.requireAccountId()) {
            return Response.status(404).entity(Templates.notFound(id)).build();
        }
        return Response.ok(Templates.run(run, RunSettings.describe(run.settings, language.messages(TrainingMessages.class)))).build();
    }
}
