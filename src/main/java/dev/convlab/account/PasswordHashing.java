package dev.convlab.account;

import dev.convlab.platform.BackgroundThreads;
import dev.convlab.platform.PatientPool;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * bcrypt, on {@link BackgroundThreads} of its own. A hash takes about 0.1 s of a core by design; a class
 * signing up at once asks for hundreds. On the request threads they held every thread and both cores, and pages
 * waited seconds behind them (bench/class). Here at most one hash per core runs at a time, the requests waiting for
 * one hold no thread, and pages and the kernel lab go first whenever they want the cores. A hash that has waited
 * {@code convlab.passwords.patience} runs at normal priority ({@link PatientPool}), so a busy class, or other work on
 * the machine, slows sign-ups down but never starves them.
 */
@ApplicationScoped
public class PasswordHashing {

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "convlab.passwords.patience", defaultValue = "20s")
    Duration patience;

    private PatientPool hashers;
    /** A hash no password matches, checked when the account does not exist, so that a reply takes as long either way. */
    private volatile String decoy;

    @PostConstruct
    void start() {
        int threads = Runtime.getRuntime().availableProcessors();
        hashers = new PatientPool("password-hashing", threads, patience);
        metrics.gauge("convlab.passwords.waiting", hashers, PatientPool::waiting);
    }

    void stop(@Observes ShutdownEvent event) {
        hashers.close();
    }

    /** The bcrypt hash of a password, in Modular Crypt Format. */
    public CompletableFuture<String> hash(String password) {
        return hashers.submit(() -> BcryptUtil.bcryptHash(password));
    }

    /** Whether the password matches the stored hash; with no hash (no such account) it checks a decoy and says no. */
    public CompletableFuture<Boolean> matches(String password, String storedHash) {
        return hashers.submit(() -> {
            if (storedHash == null) {
                BcryptUtil.matches(password, decoy());
                return false;
            }
            return BcryptUtil.matches(password, storedHash);
        });
    }

    private String decoy() {
        if (decoy == null) {
            decoy = BcryptUtil.bcryptHash(UUID.randomUUID().toString());
        }
        return decoy;
    }
}
