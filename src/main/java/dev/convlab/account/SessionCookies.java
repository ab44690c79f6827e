package dev.convlab.account;

import dev.convlab.i18n.Language;
import dev.convlab.i18n.RequestLanguage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;

/**
 * Builds the HttpOnly, SameSite=Lax session cookie, the one that clears it, the trusted-browser cookie and the cookie
 * that keeps the reader's language on this browser.
 */
@ApplicationScoped
public class SessionCookies {

    /** How long a browser keeps the reader's choice of language. */
    static final Duration LANGUAGE_LIFETIME = Duration.ofDays(365);

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

    /** The language cookie: outlives sessions and log-outs, since the choice is this browser's as well as the account's. */
    public NewCookie language(Language language) {
        return builder(RequestLanguage.COOKIE, language.tag()).maxAge((int) LANGUAGE_LIFETIME.toSeconds()).build();
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
