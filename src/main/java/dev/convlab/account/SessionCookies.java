package dev.convlab.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

/** Builds the HttpOnly, SameSite=Lax session cookie, the one that clears it, and the trusted-browser cookie. */
@ApplicationScoped
public class SessionCookies {

    @Inject
    AccountService accounts;

    @Inject
    AccountConfig config;

    public NewCookie issue(String token) {
        return builder(token).maxAge((int) accounts.sessionLifetime().toSeconds()).build();
    }

    public NewCookie clear() {
        return builder("").maxAge(0).build();
    }

    /** The trusted-browser cookie: outlives sessions and log-outs, so that this browser stays known to the account. */
    public NewCookie trustedBrowser(String token) {
        return builder(TrustedBrowsers.COOKIE, token).maxAge((int) config.login().trustedBrowserLifetime().toSeconds()).build();
    }

    private NewCookie.Builder builder(String value) {
        return builder(SessionAuthenticationMechanism.COOKIE, value);
    }

    private NewCookie.Builder builder(String name, String value) {
        return new NewCookie.Builder(name)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(accounts.secureCookie())
                .sameSite(NewCookie.SameSite.LAX);
    }
}
