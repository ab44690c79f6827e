package dev.convlab.account;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;

/** Creates the first instructor from configuration, so no instructor ever has a built-in password. */
@ApplicationScoped
public class InstructorBootstrap {

    private static final Logger LOG = Logger.getLogger(InstructorBootstrap.class);

    @Inject
    AccountConfig config;

    @Inject
    AccountService accounts;

    void onStart(@Observes StartupEvent event) {
        if (config.instructorEmail().isEmpty()) {
            LOG.info("No instructor configured (CONVLAB_INSTRUCTOR_EMAIL / CONVLAB_INSTRUCTOR_PASSWORD)");
            return;
        }
        if (config.instructorPassword().filter(p -> p.length() >= 10).isEmpty()) {
            LOG.warn("CONVLAB_INSTRUCTOR_EMAIL is set but CONVLAB_INSTRUCTOR_PASSWORD is missing or shorter than 10 characters: no instructor created");
            return;
        }
        int bytes = config.instructorPassword().get().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > AccountService.BCRYPT_MAX_BYTES) {
            throw new IllegalStateException("CONVLAB_INSTRUCTOR_PASSWORD is " + bytes + " bytes long in UTF-8, but bcrypt uses only the first "
                    + AccountService.BCRYPT_MAX_BYTES + ": choose a shorter one, so that the whole password counts");
        }
        Account instructor = accounts.ensureInstructor(config.instructorEmail().get(), config.instructorPassword().get());
        LOG.infof("Instructor account ready: %s", instructor.email);
    }
}
