package dev.convlab.account;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
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
        Account instructor = accounts.ensureInstructor(config.instructorEmail().get(), config.instructorPassword().get());
        LOG.infof("Instructor account ready: %s", instructor.email);
    }
}
