package dev.convlab.account;

import dev.convlab.platform.ProblemException;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/** The sign-up, log-in and log-out forms. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signup(String email, String displayName, Map<String, String> errors, String message);

        static native TemplateInstance login(String email, String next, String message);
    }

    @Inject
    AccountService accounts;

    @Inject
    SessionCookies cookies;

    @GET
    @Path("signup")
    public TemplateInstance signupForm() {
        return Templates.signup("", "", Map.of(), null);
    }

    @POST
    @Path("signup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signUp(@FormParam("email") String email, @FormParam("displayName") String displayName,
            @FormParam("password") String password) {
        try {
            Account account = accounts.signUp(new SignUp(email, displayName, password));
            return loggedIn(account, "/");
        } catch (ConstraintViolationException e) {
            Map<String, String> errors = new TreeMap<>();
            e.getConstraintViolations().forEach(v -> errors.put(v.getPropertyPath().toString(), v.getMessage()));
            return page(400, Templates.signup(email, displayName, errors, "Please correct the fields below."));
        } catch (ProblemException e) {
            return page(e.status(), Templates.signup(email, displayName, Map.of(), e.getMessage()));
        }
    }

    @GET
    @Path("login")
    public TemplateInstance loginForm(@QueryParam("next") String next) {
        return Templates.login("", safeNext(next), null);
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logIn(@FormParam("email") String email, @FormParam("password") String password,
            @FormParam("next") String next) {
        try {
            return loggedIn(accounts.authenticate(new LogIn(email, password)), safeNext(next));
        } catch (ConstraintViolationException e) {
            return page(400, Templates.login(email, safeNext(next), "Enter your e-mail and your password."));
        } catch (ProblemException e) {
            return page(e.status(), Templates.login(email, safeNext(next), e.getMessage()));
        }
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

    private Response loggedIn(Account account, String next) {
        return Response.seeOther(URI.create(next)).cookie(cookies.issue(accounts.startSession(account))).build();
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(page).build();
    }

    /** Only same-site paths may follow a login, so the form cannot be used to redirect elsewhere. */
    static String safeNext(String next) {
        return next != null && next.matches("/[A-Za-z0-9/_-]{0,200}") ? next : "/";
    }
}
