package dev.convlab.account;

import dev.convlab.i18n.Language;
import dev.convlab.i18n.Messages;
import dev.convlab.i18n.RequestLanguage;
import dev.convlab.platform.ProblemException;
import dev.convlab.platform.TooManyRequestsException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

/** The sign-up, log-in and log-out forms. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    private static final Pattern SAME_SITE_PATH = Pattern.compile("/([A-Za-z0-9_-][A-Za-z0-9/_-]{0,199})?");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signup(String email, String displayName, Map<String, String> errors, String message);

        static native TemplateInstance login(String email, String next, String message);
    }

    @Inject
    AccountService accounts;

    @Inject
    SessionCookies cookies;

    @Inject
    RequestLanguage requestLanguage;

    @GET
    @Path("signup")
    public TemplateInstance signupForm() {
        return Templates.signup("", "", Map.of(), null);
    }

    /**
     * Blocking for its checks; while the password is hashed the request holds no thread. The refusal is written in
     * the language read here, on the request's thread.
     */
    @POST
    @Path("signup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Blocking
    public Uni<Response> signUp(@FormParam("email") String email, @FormParam("displayName") String displayName,
            @FormParam("password") String password, @Context HttpServerRequest http,
            @CookieParam(TrustedBrowsers.COOKIE) String browser) {
        AccountService.Client client = client(http, browser);
        Language language = requestLanguage.get();
        return Uni.createFrom().completionStage(() -> accounts.signUp(new SignUp(email, displayName, password), client))
                .map(login -> loggedIn(login, "/"))
                .onFailure(SignUpRefusal::explains).recoverWithItem(e -> {
                    SignUpRefusal refusal = SignUpRefusal.of(e, language);
                    return refusal.answer(Templates.signup(email, displayName, refusal.errors(), refusal.message())).build();
                });
    }

    @GET
    @Path("login")
    public TemplateInstance loginForm(@QueryParam("next") String next) {
        return Templates.login("", safeNext(next), null);
    }

    /** Blocking for its checks; while the password is checked the request holds no thread (language as for sign-up). */
    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Blocking
    public Uni<Response> logIn(@FormParam("email") String email, @FormParam("password") String password,
            @FormParam("next") String next, @Context HttpServerRequest http,
            @CookieParam(TrustedBrowsers.COOKIE) String browser) {
        AccountService.Client client = client(http, browser);
        Language language = requestLanguage.get();
        return Uni.createFrom().completionStage(() -> accounts.logIn(new LogIn(email, password), client))
                .map(login -> loggedIn(login, safeNext(next)))
                .onFailure(ConstraintViolationException.class).recoverWithItem(e -> page(400, Templates.login(email, safeNext(next),
                        Messages.bundle(AccountErrors.class, language).enterEmailAndPassword())))
                .onFailure(ProblemException.class).recoverWithItem(e -> page(((ProblemException) e).status(),
                        Templates.login(email, safeNext(next), ((ProblemException) e).detail(language))))
                .onFailure(TooManyRequestsException.class).recoverWithItem(e -> tooMany((TooManyRequestsException) e,
                        Templates.login(email, safeNext(next), ((TooManyRequestsException) e).detail(language))));
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logOut(@CookieParam(SessionAuthenticationMechanism.COOKIE) String token) {
        if (token != null && !token.isBlank()) {
            accounts.endSession(token);
        }
        return Response.seeOther(URI.create("/")).cookie(cookies.clear()).build();
    }

    private Response loggedIn(AccountService.LoggedIn login, String next) {
        return Response.seeOther(URI.create(next))
                .cookie(cookies.issue(accounts.startSession(login.account())), cookies.trustedBrowser(login.browserToken()))
                .build();
    }

    private static AccountService.Client client(HttpServerRequest http, String browser) {
        return new AccountService.Client(http.remoteAddress().hostAddress(), browser);
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(page).build();
    }

    private static Response tooMany(TooManyRequestsException e, TemplateInstance page) {
        return Response.status(429).type(MediaType.TEXT_HTML_TYPE).header("Retry-After", e.retryAfterSeconds()).entity(page).build();
    }

    /**
     * Only a same-site path may follow a login: one slash, then path characters, never a second slash or a backslash
     * right after it ({@code //host} and {@code /\host} name another site), no scheme, no control characters.
     */
    static String safeNext(String next) {
        return next != null && SAME_SITE_PATH.matcher(next).matches() ? next : "/";
    }
}
