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

    /**
     * Key that signs CSRF tokens ({@code CONVLAB_CSRF_KEY}, at least 32 characters). Unset, ConvLab generates one and
     * keeps it in its database, so every instance and every restart signs alike.
     */
    Optional<String> csrfKey();
}
