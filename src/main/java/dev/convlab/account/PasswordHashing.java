package dev.convlab.account;

import dev.convlab.platform.BackgroundThreads;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * bcrypt, on {@link BackgroundThreads} of its own. A hash takes about 0.1 s of a core by design; a class
 * signing up at once asks for hundreds. On the request threads they held every thread and both cores, and pages
 * waited seconds behind them (bench/class). Here at most one hash per core runs at a time, the requests waiting for
 * one hold no thread, and pages and the kernel lab go first whenever they want the cores.
 */
@ApplicationScoped
public class PasswordHashing {

    @Inject
    MeterRegistry metrics;

    private ExecutorService hashers;
    private final AtomicInteger waiting = new AtomicInteger();
    /** A hash no password matches, checked when the account does not exist, so that a reply takes as long either way. */
    private volatile String decoy;

    @PostConstruct
    void start() {
        int threads = Runtime.getRuntime().availableProcessors();
        hashers = Executors.newFixedThreadPool(threads, BackgroundThreads.named("password-hashing"));
        metrics.gauge("convlab.passwords.waiting", waiting);
    }

    void stop(@Observes ShutdownEvent event) {
        hashers.shutdownNow();
    }

    /** The bcrypt hash of a password, in Modular Crypt Format. */
    public CompletableFuture<String> hash(String password) {
        return submit(() -> BcryptUtil.bcryptHash(password));
    }

    /** Whether the password matches the stored hash; with no hash (no such account) it checks a decoy and says no. */
    public CompletableFuture<Boolean> matches(String password, String storedHash) {
        return submit(() -> {
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

    private <T> CompletableFuture<T> submit(Supplier<T> work) {
        waiting.incrementAndGet();
        return CompletableFuture.supplyAsync(() -> {
            waiting.decrementAndGet();
            return work.get();
        }, hashers);
    }
}
