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

    /** Marks the session cookie Secure; turn on behind HTTPS. */
    @WithDefault("false")
    boolean secureCookie();
}
