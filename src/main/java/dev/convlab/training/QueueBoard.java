package dev.convlab.training;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The unfinished runs, read at most a few times a second for every learner who follows the queue. Each open run page
 * asks for its place and time left twice a second: reading the queue for each of them made a class of 300 with 300
 * runs queued read 300 runs 600 times a second, and every page of the lesson waited seconds behind it (bench/class).
 * A change made on this node is seen at once; one made on another node within {@link #MAX_AGE}.
 */
@ApplicationScoped
public class QueueBoard {

    static final Duration MAX_AGE = Duration.ofMillis(250);

    /** An unfinished run as the board last read it: its place among the queued runs (null while running). */
    record Entry(String state, Long position, long etaSeconds, int epochsDone, long lastEventId) {}

    private record Snapshot(Map<Long, Entry> runs, long generation, long readAtNanos) {}

    /** The queue changed in a transaction that committed. */
    record Changed() {}

    @Inject
    EntityManager entityManager;

    @Inject
    TrainingSpeed speed;

    @Inject
    MeterRegistry metrics;

    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot snapshot = new Snapshot(Map.of(), -1, 0);

    /** What a page shows of a run's state; the event stream sends a state event only when it changes. */
    static String stateKey(String state, Long position, int epochsDone) {
        return state + "/" + position + "/" + epochsDone;
    }

    /** Runs queued ahead of this one; null unless it is queued. */
    public Long position(TrainingRun run) {
        if (!TrainingRun.QUEUED.equals(run.state)) {
            return null;
        }
        Entry entry = entry(run);
        return entry == null || entry.position() == null ? 0L : entry.position();
    }

    /**
     * Estimated seconds until the run ends: the work still ahead of it (what the running runs have left, then the
     * queued runs before it) shared among the runs training now, plus its own time; null once it ended. Each run's
     * time is its multiply-adds over this node's measured throughput ({@link TrainingSpeed}), so even a first run has one.
     */
    public Long etaSeconds(TrainingRun run) {
        if (run.isFinished()) {
            return null;
        }
        Entry entry = entry(run);
        return entry == null ? Math.round(speed.seconds(run.settings)) : entry.etaSeconds();
    }

    /** Whether the run is unfinished with no event after {@code lastEventId} and the state a page last showed. */
    boolean unchanged(long runId, long lastEventId, String lastStateKey) {
        Entry entry = current().runs().get(runId);
        return entry != null && entry.lastEventId() <= lastEventId
                && stateKey(entry.state(), entry.position(), entry.epochsDone()).equals(lastStateKey);
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed event) {
        invalidate();
    }

    /** Makes the next question read the queue again. */
    void invalidate() {
        generation.incrementAndGet();
    }

    /** The run's entry; a run submitted after the last read makes the board read again. */
    private Entry entry(TrainingRun run) {
        Entry entry = current().runs().get(run.id);
        return entry != null ? entry : read().runs().get(run.id);
    }

    private Snapshot current() {
        Snapshot last = snapshot;
        if (isFresh(last)) {
            return last;
        }
        synchronized (this) {
            last = snapshot;
            return isFresh(last) ? last : read();
        }
    }

    private boolean isFresh(Snapshot read) {
        return read.generation() == generation.get() && System.nanoTime() - read.readAtNanos() < MAX_AGE.toNanos();
    }

    private synchronized Snapshot read() {
        long readGeneration = generation.get();
        long readAt = System.nanoTime();
        metrics.counter("convlab.training.queue.reads").increment();
        Snapshot fresh = QuarkusTransaction.requiringNew().call(() -> new Snapshot(entries(), readGeneration, readAt));
        snapshot = fresh;
        return fresh;
    }

    private Map<Long, Entry> entries() {
        List<TrainingRun> unfinished = TrainingRun.list("state in ?1 order by createdAt, id", List.of(TrainingRun.RUNNING, TrainingRun.QUEUED));
        Map<Long, Long> lastEvents = new HashMap<>();
        List<Object[]> rows = entityManager.createNativeQuery("""
                select e.run_id, max(e.id) from training_event e join training_run r on r.id = e.run_id
                where r.state in ('queued', 'running') group by e.run_id""", Object[].class).getResultList();
        rows.forEach(row -> lastEvents.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        double runningWork = 0;
        long training = 0;
        for (TrainingRun run : unfinished) {
            if (TrainingRun.RUNNING.equals(run.state)) {
                runningWork += remainingSeconds(run);
                training++;
            }
        }
        Map<Long, Entry> entries = new HashMap<>();
        double queuedWork = 0;
        long position = 0;
        for (TrainingRun run : unfinished) {
            double own = remainingSeconds(run);
            long last = lastEvents.getOrDefault(run.id, 0L);
            if (TrainingRun.RUNNING.equals(run.state)) {
                entries.put(run.id, new Entry(run.state, null, Math.round(own), run.epochsDone, last));
            } else {
                long eta = Math.round((runningWork + queuedWork) / Math.max(1, training) + own);
                entries.put(run.id, new Entry(run.state, position++, eta, run.epochsDone, last));
                queuedWork += own;
            }
        }
        return entries;
    }

    private double remainingSeconds(TrainingRun run) {
        double estimate = speed.seconds(run.settings);
        if (TrainingRun.RUNNING.equals(run.state) && run.startedAt != null) {
            double elapsed = Duration.between(run.startedAt, Instant.now()).toMillis() / 1000.0;
            return RunEstimate.remaining(estimate, elapsed, run.epochsDone, run.settings.epochs());
        }
        return estimate;
    }
}
