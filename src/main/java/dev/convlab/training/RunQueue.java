package dev.convlab.training;

import dev.convlab.i18n.Text;
import dev.convlab.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run queue in PostgreSQL. Workers claim the oldest claimable run with {@code FOR UPDATE SKIP LOCKED} (a queued
 * run, or a running one whose lease expired because its worker died), renew their lease while they train, and can
 * only finish a run whose lease they still hold: so each run executes once at a time, and none is lost.
 */
@ApplicationScoped
@Transactional
public class RunQueue {

    static final int MAX_ACTIVE_PER_LEARNER = 3;
    static final int MAX_ATTEMPTS = 3;

    @Inject
    EntityManager entityManager;

    @Inject
    Event<QueueBoard.Changed> changes;

    public TrainingRun submit(long accountId, RunSettings settings) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, accountId).getSingleResult();
        if (TrainingRun.countActive(accountId) >= MAX_ACTIVE_PER_LEARNER) {
            throw new ProblemException(429, Text.of(TrainingErrors.class, TrainingErrors::tooManyRunsTitle),
                    Text.of(TrainingErrors.class, m -> m.tooManyRuns(MAX_ACTIVE_PER_LEARNER)));
        }
        return enqueue(accountId, settings, null);
    }

    /**
     * Queues an instructor's re-run of a leaderboard entry with its settings and seed; the entry is pending until the
     * re-run ends. Verification is outside the learners' quota, and one entry has one re-run at a time.
     */
    public TrainingRun verify(long entryId, long instructorId) {
        TrainingRun entry = entityManager.find(TrainingRun.class, entryId, LockModeType.PESSIMISTIC_WRITE);
        if (entry == null || !TrainingRun.SUCCEEDED.equals(entry.state) || entry.verifiesRunId != null) {
            throw ProblemException.notFound(Text.of(TrainingErrors.class, m -> m.noEntry(entryId)));
        }
        if (TrainingRun.PENDING.equals(entry.verification)) {
            throw new ProblemException(409, Text.of(TrainingErrors.class, TrainingErrors::beingVerifiedTitle),
                    Text.of(TrainingErrors.class, m -> m.beingVerified(entryId)));
        }
        entry.verification = TrainingRun.PENDING;
        return enqueue(instructorId, entry.settings, entryId);
    }

    private TrainingRun enqueue(long accountId, RunSettings settings, Long verifiesRunId) {
        TrainingRun run = new TrainingRun();
        run.verifiesRunId = verifiesRunId;
        run.accountId = accountId;
        run.dataset = settings.dataset();
        run.settings = settings;
        run.state = TrainingRun.QUEUED;
        run.createdAt = Instant.now();
        run.persist();
        changed();
        return run;
    }

    /** Claims the oldest claimable run for {@code worker}, or nothing. Runs out of attempts are failed instead. */
    public Optional<TrainingRun> claim(String worker, Duration lease) {
        while (true) {
            @SuppressWarnings("unchecked")
            List<Long> ids = entityManager.createNativeQuery("""
                    select id from training_run
                    where state = 'queued' or (state = 'running' and lease_expires_at < now())
                    order by created_at, id limit 1 for update skip locked""", Long.class).getResultList();
            if (ids.isEmpty()) {
                return Optional.empty();
            }
            TrainingRun run = entityManager.find(TrainingRun.class, ids.get(0));
            entityManager.refresh(run);
            if (run.cancelRequested) {
                finishAs(run, TrainingRun.CANCELED, null, "canceled before it ran");
            } else if (run.attempts >= MAX_ATTEMPTS) {
                finishAs(run, TrainingRun.FAILED, null, "its worker stopped " + run.attempts + " times");
            } else {
                if (run.attempts > 0) {
                    startOver(run);
                }
                run.state = TrainingRun.RUNNING;
                run.attempts++;
                run.leaseOwner = worker;
                run.leaseExpiresAt = Instant.now().plus(lease);
                run.startedAt = Instant.now();
                changed();
                return Optional.of(run);
            }
        }
    }

    /**
     * A run taken over from a dead worker trains again from the start: its earlier epochs go, and a restart event
     * tells pages following it to clear their charts.
     */
    private void startOver(TrainingRun run) {
        run.epochsDone = 0;
        entityManager.createNativeQuery("delete from training_event where run_id = ?1").setParameter(1, run.id).executeUpdate();
        entityManager.createNativeQuery("insert into training_event (run_id, payload) values (?1, cast(?2 as jsonb))")
                .setParameter(1, run.id).setParameter(2, "{\"kind\": \"restart\", \"attempt\": " + (run.attempts + 1) + "}").executeUpdate();
    }

    /**
     * Hands a run back to the queue from a worker that is shutting down: it trains again from the start on the next
     * worker, and the interrupted attempt does not count against {@link #MAX_ATTEMPTS}.
     */
    public boolean release(long runId, String worker) {
        TrainingRun run = TrainingRun.findById(runId);
        if (run == null || !worker.equals(run.leaseOwner) || !TrainingRun.RUNNING.equals(run.state)) {
            return false;
        }
        run.attempts--;
        startOver(run);
        run.state = TrainingRun.QUEUED;
        run.leaseOwner = null;
        run.leaseExpiresAt = null;
        run.startedAt = null;
        changed();
        return true;
    }

    /** Extends the lease; false when the worker lost the run (lease taken over, or canceled): it must stop. */
    public boolean heartbeat(long runId, String worker, Duration lease) {
        int updated = entityManager.createNativeQuery("""
                update training_run set lease_expires_at = ?1
                where id = ?2 and lease_owner = ?3 and state = 'running' and not cancel_requested""")
                .setParameter(1, Instant.now().plus(lease)).setParameter(2, runId).setParameter(3, worker).executeUpdate();
        return updated == 1;
    }

    /** Records an epoch and what was streamed, if the worker still holds the run. */
    public boolean recordEpoch(long runId, String worker, int epochsDone, String eventJson) {
        int updated = entityManager.createNativeQuery("""
                update training_run set epochs_done = ?1 where id = ?2 and lease_owner = ?3 and state = 'running'""")
                .setParameter(1, epochsDone).setParameter(2, runId).setParameter(3, worker).executeUpdate();
        if (updated == 1) {
            entityManager.createNativeQuery("insert into training_event (run_id, payload) values (?1, cast(?2 as jsonb))")
                    .setParameter(1, runId).setParameter(2, eventJson).executeUpdate();
            changed();
        }
        return updated == 1;
    }

    /**
     * Stores what a run streamed between epochs, if the worker still holds the run. It changes no place or time left,
     * so the {@link QueueBoard} is not read again for it: event streams see it at the board's next read.
     */
    public boolean recordEvent(long runId, String worker, String eventJson) {
        int inserted = entityManager.createNativeQuery("""
                insert into training_event (run_id, payload)
                select id, cast(?2 as jsonb) from training_run where id = ?1 and lease_owner = ?3 and state = 'running'""")
                .setParameter(1, runId).setParameter(2, eventJson).setParameter(3, worker).executeUpdate();
        return inserted == 1;
    }

    /**
     * Finishes a run the worker still holds, keeping its trained weights (null when it has none); a worker that lost its
     * lease changes nothing.
     */
    public boolean finish(long runId, String worker, String state, Map<String, Object> result, String error, byte[] weights) {
        TrainingRun run = TrainingRun.findById(runId);
        if (run == null || !worker.equals(run.leaseOwner) || !TrainingRun.RUNNING.equals(run.state)) {
            return false;
        }
        if (weights != null) {
            entityManager.createNativeQuery("insert into run_weights (run_id, weights) values (?1, ?2)")
                    .setParameter(1, runId).setParameter(2, weights).executeUpdate();
        }
        finishAs(run, run.cancelRequested ? TrainingRun.CANCELED : state, result, error);
        return true;
    }

    /**
     * A re-run verifies its entry when it gets the same test loss and the same number of test images right; one that
     * did not finish leaves the entry unchecked, so it can be re-run again.
     */
    private void settleVerification(TrainingRun rerun) {
        TrainingRun entry = TrainingRun.findById(rerun.verifiesRunId);
        if (entry == null) {
            return;
        }
        if (TrainingRun.SUCCEEDED.equals(rerun.state)) {
            entry.verification = sameNumbers(entry.result, rerun.result) ? TrainingRun.VERIFIED : TrainingRun.MISMATCH;
        } else if (TrainingRun.DIVERGED.equals(rerun.state)) {
            entry.verification = TrainingRun.MISMATCH;
        } else {
            entry.verification = null;
        }
    }

    private static boolean sameNumbers(Map<String, Object> entry, Map<String, Object> rerun) {
        return close(entry.get("testAccuracy"), rerun.get("testAccuracy"), 0.5e-4) && close(entry.get("testLoss"), rerun.get("testLoss"), 1e-6);
    }

    private static boolean close(Object a, Object b, double tolerance) {
        return a instanceof Number x && b instanceof Number y && Math.abs(x.doubleValue() - y.doubleValue()) <= tolerance * Math.max(1, Math.abs(x.doubleValue()));
    }

    public TrainingRun cancel(long runId, long accountId) {
        TrainingRun run = find(runId, accountId);
        if (!run.isFinished()) {
            run.cancelRequested = true;
            if (TrainingRun.QUEUED.equals(run.state)) {
                finishAs(run, TrainingRun.CANCELED, null, "canceled before it ran");
            }
        }
        return run;
    }

    public TrainingRun find(long runId, long accountId) {
        TrainingRun run = TrainingRun.findById(runId);
        if (run == null || run.accountId != accountId) {
            throw ProblemException.notFound(Text.of(TrainingErrors.class, m -> m.noRun(runId)));
        }
        return run;
    }

    /** The weights a succeeded run learned, if it kept any. */
    public Optional<byte[]> weights(long runId) {
        List<?> rows = entityManager.createNativeQuery("select weights from run_weights where run_id = ?1").setParameter(1, runId).getResultList();
        return rows.stream().findFirst().map(byte[].class::cast);
    }

    public List<TrainingRun> mine(long accountId) {
        return TrainingRun.list("accountId = ?1 order by createdAt desc", accountId);
    }

    /** Every way a run ends comes through here, so an instructor's re-run always settles its entry. */
    private void finishAs(TrainingRun run, String state, Map<String, Object> result, String error) {
        run.state = state;
        run.result = result;
        run.error = error;
        run.outcome = RunOutcome.kind(state, RunOutcome.confusion(result));
        run.leaseOwner = null;
        run.leaseExpiresAt = null;
        run.finishedAt = Instant.now();
        if (run.verifiesRunId != null) {
            settleVerification(run);
        }
        changed();
    }

    /** Tells the {@link QueueBoard} to read the queue again once this transaction commits. */
    private void changed() {
        changes.fire(new QueueBoard.Changed());
    }
}
