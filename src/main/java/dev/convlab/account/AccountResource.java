package dev.convlab.account;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/** JSON API for accounts and sessions; unsafe calls need the CSRF token in the X-CSRF-TOKEN header. */
@Path("/api")
public class AccountResource {

    /** An account as the API shows it: never the password hash. */
    public record AccountView(long id, String email, String displayName, String role) {
        static AccountView of(Account account) {
            return new AccountView(account.id, account.email, account.displayName, account.role);
        }
    }

    @Inject
    AccountService accounts;

    @Inject
    SessionCookies cookies;

    @Inject
    CurrentUser currentUser;

    /** Blocking for its checks; while the password is hashed the request holds no thread. */
    @POST
    @Path("/accounts")
    @Blocking
    public Uni<Response> signUp(SignUp request, @Context HttpServerRequest http, @CookieParam(TrustedBrowsers.COOKIE) String browser) {
        AccountService.Client client = new AccountService.Client(http.remoteAddress().hostAddress(), browser);
        return Uni.createFrom().completionStage(() -> accounts.signUp(request, client)).map(login -> loggedIn(Response.status(201), login));
    }

    @POST
    @Path("/session")
    @Blocking
    public Uni<Response> logIn(LogIn request, @Context HttpServerRequest http, @CookieParam(TrustedBrowsers.COOKIE) String browser) {
        AccountService.Client client = new AccountService.Client(http.remoteAddress().hostAddress(), browser);
        return Uni.createFrom().completionStage(() -> accounts.logIn(request, client)).map(login -> loggedIn(Response.ok(), login));
    }

    @DELETE
    @Path("/session")
    public Response logOut(@CookieParam(SessionAuthenticationMechanism.COOKIE) String token) {
        if (token != null && !token.isBlank()) {
            accounts.endSession(token);
        }
        return Response.noContent().cookie(cookies.clear()).build();
    }

    private Response loggedIn(Response.ResponseBuilder response, AccountService.LoggedIn login) {
        return response.entity(AccountView.of(login.account()))
                .cookie(cookies.issue(accounts.startSession(login.account())), cookies.trustedBrowser(login.browserToken()))
                .build();
    }

    @GET
    @Path("/me")
    @Authenticated
    public AccountView me() {
        return Account.<Account>findByIdOptional(currentUser.requireAccountId())
                .map(AccountView::of)
                .orElseThrow(io.quarkus.security.UnauthorizedException::new);
    }
}
