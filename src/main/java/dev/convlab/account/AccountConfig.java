package dev.convlab.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Accounts and sessions. */
@ConfigMapping(prefix = "convlab.account")
public interface AccountConfig {

    /** E-mail of the instructor account created or promoted at start-up ({@code CONVLAB_INSTRUCTOR_EMAIL}). */
    Optional<String> instructorEmail();

    /** Password of that instructor ({@code CONVLAB_INSTRUCTOR_PASSWORD}); no default outside dev and test. */
    Optional<String> instructorPassword();

    /** How long a login lasts without logging in again. */
    @WithDefault("14D")
    Duration sessionLifetime();

    /** Marks the session and CSRF cookies Secure and sends HSTS; turn on behind HTTPS. */
    @WithDefault("false")
    boolean secureCookie();

    Login login();

    SignUps signUp();

    /** Back-off after failed logins, kept in PostgreSQL so that it holds across restarts and instances. */
    interface Login {

        /** Failures for one account (from browsers it does not trust) before each attempt must wait. */
        @WithDefault("5")
        int accountFailures();

        /** Failures from one client address (IPv6: its /64) before it must wait: far above the per-account one, for a class behind one NAT. */
        @WithDefault("100")
        int addressFailures();

        /** The first wait; each further failure doubles it. */
        @WithDefault("30S")
        Duration firstWait();

        /** The longest wait. */
        @WithDefault("15M")
        Duration maxWait();

        /** How long a failure counts; older ones are forgotten and pruned. */
        @WithDefault("1H")
        Duration failureMemory();

        /** How long a browser that logged in to an account keeps its own counter, apart from strangers' failures. */
        @WithDefault("180D")
        Duration trustedBrowserLifetime();
    }

    /** Sign-ups per client address (in memory, per instance): a burst for a class signing up together, then a slow refill. */
    interface SignUps {

        /** Sign-ups one address may make at once. */
        @WithDefault("40")
        int burst();

        /** One more sign-up per address every this long. */
        @WithDefault("30S")
        Duration refillEvery();
    }

    /**
     * Key that signs CSRF tokens ({@code CONVLAB_CSRF_KEY}, at least 32 characters). Unset, ConvLab generates one and
     * keeps it in its database, so every instance and every restart signs alike.
     */
    Optional<String> csrfKey();
}
