package dev.convlab.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

/** Builds the HttpOnly, SameSite=Lax session cookie and the one that clears it. */
@ApplicationScoped
public class SessionCookies {

    @Inject
    AccountService accounts;

    public NewCookie issue(String token) {
        return builder(token).maxAge((int) accounts.sessionLifetime().toSeconds()).build();
    }

    public NewCookie clear() {
        return builder("").maxAge(0).build();
    }

    private NewCookie.Builder builder(String value) {
        return new NewCookie.Builder(SessionAuthenticationMechanism.COOKIE)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(accounts.secureCookie())
                .sameSite(NewCookie.SameSite.LAX);
    }
}
