package dev.convlab.progress;

import dev.convlab.account.CurrentUser;
import dev.convlab.i18n.RequestLanguage;
import dev.convlab.kernellab.CorrelationKernelJudge;
import dev.convlab.limits.ClientLimits;
import dev.convlab.platform.ProblemException;
import dev.convlab.progress.ProgressService.AttemptResult;
import dev.convlab.progress.ProgressService.LearnerProgress;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** A learner's progress and answers, as JSON. */
@Path("/api")
@Authenticated
public class ProgressResource {

    /** A learner's answer to one exercise. */
    public record Answer(String answer) {}

    @Inject
    ProgressService progress;

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestLanguage language;

    /** Every answer is charged as a kernel check, the dearest kind: answers also grow the attempts table. */
    @Inject
    ClientLimits limits;

    @GET
    @Path("/me/progress")
    public LearnerProgress myProgress() {
        return progress.progressOf(currentUser.requireAccountId(), language.get());
    }

    @POST
    @Path("/steps/{slug}/exercises/{key}/attempts")
    public AttemptResult answer(@PathParam("slug") String slug, @PathParam("key") String key, Answer answer) {
        if (answer == null || answer.answer() == null) {
            throw ProblemException.required("answer");
        }
        limits.charge(limits.current(), limits.cost(CorrelationKernelJudge.OUTPUTS_PER_CHECK));
        return progress.submitAnswer(currentUser.requireAccountId(), slug, key, answer.answer(), language.get());
    }

    @POST
    @Path("/steps/{slug}/completion")
    public Response markDone(@PathParam("slug") String slug) {
        progress.markDone(currentUser.requireAccountId(), slug);
        return Response.noContent().build();
    }
}
