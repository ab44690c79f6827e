package dev.convlab.kernellab;

import dev.convlab.i18n.Text;
import dev.convlab.kernellab.compute.EngineBusyException;
import dev.convlab.kernellab.compute.Im2colRace;
import dev.convlab.platform.PlatformErrors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The im2col race's timings per shape of work, shared on this node: they depend on the image size and the kernel's
 * height × width, not on the digit or the weights, so every request for a shape takes the latest race if it is recent,
 * and a request that finds one running for its shape waits for its result (single flight). Races run one at a time.
 */
@ApplicationScoped
public class RaceTimings {

    /** What the times depend on: the dataset (its image size) and the kernel's height and width. */
    public record Shape(String dataset, int kernelHeight, int kernelWidth) {}

    /** One race's timings and when it ended. */
    public record Measurement(Instant measuredAt, Im2colRace.Outcome outcome) {}

    /** The timings a request gets, and whether another request's race measured them. */
    public record Shared(CompletableFuture<Measurement> measurement, boolean shared) {}

    /** A race asked for; {@code started} is set once it holds the slot and measures. */
    private static final class Race {
        final CompletableFuture<Measurement> result = new CompletableFuture<>();
        volatile Instant started;
    }

    private final Map<Shape, Race> latest = new ConcurrentHashMap<>();
    private final Semaphore slot = new Semaphore(1, true);
    private final Duration maxAge;
    private final Duration maxWait;
    private final Counter races;

    @Inject
    public RaceTimings(ComputeConfig config, MeterRegistry registry) {
        this.maxAge = config.raceMaxAge();
        this.maxWait = config.maxWait();
        this.races = Counter.builder("convlab.im2col.races").description("im2col timing races run on this node").register(registry);
    }

    /** Races run on this node since it started. */
    public long races() {
        return (long) races.count();
    }

    /**
     * The timings for {@code shape}: the latest race's if it ended within the max age (unless {@code fresh}), or the
     * running race's (if {@code fresh}, only one that began measuring after this call), else a race this call runs on
     * its own thread, after {@code beforeRacing} (which may refuse by throwing). A race waits for the node's one race
     * slot up to the compute max wait, then fails with {@link EngineBusyException}.
     */
    public Shared timings(Shape shape, boolean fresh, Runnable beforeRacing, Supplier<Im2colRace.Outcome> race) {
        Instant asked = Instant.now();
        Race mine = new Race();
        Race current = latest.compute(shape, (key, existing) -> {
            if (existing != null && usable(existing, fresh, asked)) {
                return existing;
            }
            beforeRacing.run();
            return mine;
        });
        if (current != mine) {
            return new Shared(current.result, true);
        }
        try {
            acquire();
            try {
                mine.started = Instant.now();
                Im2colRace.Outcome outcome = race.get();
                races.increment();
                mine.result.complete(new Measurement(Instant.now(), outcome));
            } finally {
                slot.release();
            }
        } catch (RuntimeException e) {
            latest.remove(shape, mine);
            mine.result.completeExceptionally(e);
        }
        return new Shared(mine.result, false);
    }

    private boolean usable(Race race, boolean fresh, Instant asked) {
        if (!race.result.isDone()) {
            Instant started = race.started;
            return !fresh || started == null || !started.isBefore(asked);
        }
        if (fresh || race.result.isCompletedExceptionally()) {
            return false;
        }
        return race.result.join().measuredAt().plus(maxAge).isAfter(asked);
    }

    private void acquire() {
        EngineBusyException.acquire(slot, maxWait, millis -> Text.of(PlatformErrors.class, m -> m.busyRaceSlot(millis)));
    }
}
