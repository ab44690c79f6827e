package dev.convlab.account;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

    @POST
    @Path("/accounts")
    public Response signUp(SignUp request) {
        Account account = accounts.signUp(request);
        return Response.status(201).entity(AccountView.of(account)).cookie(cookies.issue(accounts.startSession(account))).build();
    }

    @POST
    @Path("/session")
    public Response logIn(LogIn request) {
        Account account = accounts.authenticate(request);
        return Response.ok(AccountView.of(account)).cookie(cookies.issue(accounts.startSession(account))).build();
    }

    @DELETE
    @Path("/session")
    public Response logOut(@CookieParam(SessionAuthenticationMechanism.COOKIE) String token) {
        if (token != null && !token.isBlank()) {
            accounts.endSession(token);
        }
        return Response.noContent().cookie(cookies.clear()).build();
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
