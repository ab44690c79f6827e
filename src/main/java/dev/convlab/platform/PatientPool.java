package dev.convlab.platform;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Work on {@link BackgroundThreads}, so requests go first, with a floor: a task still waiting after its patience runs
 * on one thread of normal priority instead. Busy requests then slow the work down but can never starve it.
 */
public final class PatientPool implements AutoCloseable {

    private final ExecutorService background;
    private final ExecutorService overdue;
    private final Executor overdueAfterPatience;
    private final AtomicInteger waiting = new AtomicInteger();

    public PatientPool(String name, int threads, Duration patience) {
        background = Executors.newFixedThreadPool(threads, BackgroundThreads.named(name));
        overdue = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, name + "-overdue");
            thread.setDaemon(true);
            return thread;
        });
        overdueAfterPatience = CompletableFuture.delayedExecutor(patience.toNanos(), TimeUnit.NANOSECONDS, overdue);
    }

    /** Runs the work once: on a background thread if one takes it within the patience, else on the overdue thread. */
    public <T> CompletableFuture<T> submit(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        AtomicBoolean taken = new AtomicBoolean();
        Runnable once = () -> {
            if (taken.compareAndSet(false, true)) {
                waiting.decrementAndGet();
                try {
                    result.complete(work.get());
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
            }
        };
        waiting.incrementAndGet();
        background.execute(once);
        overdueAfterPatience.execute(once);
        return result;
    }

    /** Tasks submitted and not started yet. */
    public int waiting() {
        return waiting.get();
    }

    @Override
    public void close() {
        background.shutdownNow();
        overdue.shutdownNow();
    }
}
