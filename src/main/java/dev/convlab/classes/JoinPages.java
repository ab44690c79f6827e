package dev.convlab.classes;

import dev.convlab.account.AccountService;
import dev.convlab.account.CurrentUser;
import dev.convlab.account.SessionCookies;
import dev.convlab.account.SignUp;
import dev.convlab.account.SignUpRefusal;
import dev.convlab.account.TrustedBrowsers;
import dev.convlab.classes.ClassService.Reader;
import dev.convlab.i18n.Language;
import dev.convlab.i18n.Messages;
import dev.convlab.i18n.RequestLanguage;
import dev.convlab.i18n.Text;
import dev.convlab.platform.ProblemException;
import dev.convlab.platform.TooManyRequestsException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A join link, {@code /join/{code}}: a logged-in learner joins with one button; a visitor signs up on the same page and
 * lands in the class. Codes no class has are rate-limited per client address ({@link JoinLimit}). Refusals are written in
 * the language read on the request's thread.
 */
@Path("/join/{code}")
@Produces(MediaType.TEXT_HTML)
public class JoinPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance join(String code, Classroom classroom, String closed, String email, String displayName,
                Map<String, String> errors, String message);

        static native TemplateInstance refused(int status, String message);
    }

    @Inject
    ClassService classes;

    @Inject
    JoinLimit joinLimit;

    @Inject
    AccountService accounts;

    @Inject
    SessionCookies cookies;

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestLanguage requestLanguage;

    @GET
    public Response page(@PathParam("code") String code) {
        try {
            Classroom classroom = joinLimit.attempt(() -> classes.lookUp(code));
            if (currentUser.isLoggedIn() && ClassMember.find(classroom.id, currentUser.requireAccountId()).isPresent()) {
                return Response.seeOther(URI.create("/classes/" + classroom.id)).build();
            }
            return page(200, Templates.join(JoinCodes.display(classroom.joinCode), classroom,
                    inLanguage(ClassService.whyClosed(classroom)), "", "", Map.of(), null)).build();
        } catch (ProblemException | TooManyRequestsException e) {
            return refused(e);
        }
    }

    /** A logged-in learner joins; a visitor is sent to log in first, coming back here. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response join(@PathParam("code") String code) {
        if (!currentUser.isLoggedIn()) {
            return Response.seeOther(URI.create("/login?next=" + joinPath(code))).build();
        }
        Reader reader = Reader.of(currentUser);
        try {
            ClassView joined = joinLimit.attempt(() -> classes.join(reader, code));
            return Response.seeOther(URI.create("/classes/" + joined.id())).build();
        } catch (ProblemException | TooManyRequestsException e) {
            return refused(e);
        }
    }

    /** Signs a visitor up and puts them in the class, in one form; while the password is hashed it holds no thread. */
    @POST
    @Path("/signup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Blocking
    public Uni<Response> signUp(@PathParam("code") String typedCode, @FormParam("email") String email, @FormParam("displayName") String displayName,
            @FormParam("password") String password, @Context HttpServerRequest http, @CookieParam(TrustedBrowsers.COOKIE) String browser) {
        Classroom classroom;
        try {
            classroom = joinLimit.attempt(() -> classes.lookUp(typedCode));
        } catch (ProblemException | TooManyRequestsException e) {
            return Uni.createFrom().item(refused(e));
        }
        Language language = requestLanguage.get();
        String code = JoinCodes.display(classroom.joinCode);
        String closed = inLanguage(ClassService.whyClosed(classroom));
        if (closed != null) {
            return Uni.createFrom().item(page(409, Templates.join(code, classroom, closed, email, displayName, Map.of(), null)).build());
        }
        AccountService.Client client = new AccountService.Client(http.remoteAddress().hostAddress(), browser);
        return Uni.createFrom().completionStage(() -> accounts.signUp(new SignUp(email, displayName, password), client))
                .map(login -> joined(login, code, classroom))
                .onFailure(SignUpRefusal::explains).recoverWithItem(e -> {
                    SignUpRefusal refusal = SignUpRefusal.of(e, language);
                    return refusal.answer(Templates.join(code, classroom, null, email, displayName, refusal.errors(), refusal.message())).build();
                });
    }

    /** The new learner joins the class (or, if it closed meanwhile, lands on its join page) with a session. */
    private Response joined(AccountService.LoggedIn login, String code, Classroom classroom) {
        String next = "/classes/" + classroom.id;
        try {
            classes.join(new Reader(login.account().id, login.account().isInstructor()), code);
        } catch (ProblemException e) {
            next = joinPath(code);
        }
        return Response.seeOther(URI.create(next))
                .cookie(cookies.issue(accounts.startSession(login.account())), cookies.trustedBrowser(login.browserToken()))
                .build();
    }

    private Response refused(RuntimeException e) {
        Language language = requestLanguage.get();
        if (e instanceof TooManyRequestsException tooMany) {
            return page(429, Templates.refused(429, tooMany.detail(language))).header("Retry-After", tooMany.retryAfterSeconds()).build();
        }
        ProblemException problem = (ProblemException) e;
        return page(problem.status(), Templates.refused(problem.status(), problem.detail(language))).build();
    }

    private String inLanguage(Text text) {
        return text == null ? null : text.in(requestLanguage.get());
    }

    private static String joinPath(String code) {
        return "/join/" + URLEncoder.encode(code, StandardCharsets.UTF_8);
    }

    private static Response.ResponseBuilder page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(page);
    }
}
