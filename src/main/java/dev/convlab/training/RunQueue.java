package dev.convlab.training;

import dev.convlab.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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

    public TrainingRun submit(long accountId, RunSettings settings) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, accountId).getSingleResult();
        if (TrainingRun.countActive(accountId) >= MAX_ACTIVE_PER_LEARNER) {
            throw new ProblemException(429, "Too many runs",
                    "You have " + MAX_ACTIVE_PER_LEARNER + " runs queued or running; wait for one to finish or cancel one");
        }
        TrainingRun run = new TrainingRun();
        run.accountId = accountId;
        run.dataset = settings.dataset();
        run.settings = settings;
        run.state = TrainingRun.QUEUED;
        run.createdAt = Instant.now();
        run.persist();
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
                continue;
            }
            if (run.attempts >= MAX_ATTEMPTS) {
                finishAs(run, TrainingRun.FAILED, null, "its worker stopped " + run.attempts + " times");
                continue;
            }
            run.state = TrainingRun.RUNNING;
            run.attempts++;
            run.leaseOwner = worker;
            run.leaseExpiresAt = Instant.now().plus(lease);
            run.startedAt = Instant.now();
            return Optional.of(run);
        }
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
        }
        return updated == 1;
    }

    /** Finishes a run the worker still holds; a worker that lost its lease changes nothing. */
    public boolean finish(long runId, String worker, String state, Map<String, Object> result, String error) {
        TrainingRun run = TrainingRun.findById(runId);
        if (run == null || !worker.equals(run.leaseOwner) || !TrainingRun.RUNNING.equals(run.state)) {
            return false;
        }
        finishAs(run, run.cancelRequested ? TrainingRun.CANCELED : state, result, error);
        return true;
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
            throw ProblemException.notFound("You have no run " + runId);
        }
        return run;
    }

    public List<TrainingRun> mine(long accountId) {
        return TrainingRun.list("accountId = ?1 order by createdAt desc", accountId);
    }

    /** Runs ahead of this one in the queue. */
    public long position(TrainingRun run) {
        return TrainingRun.count("state = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3))", TrainingRun.QUEUED, run.createdAt, run.id);
    }

    private static void finishAs(TrainingRun run, String state, Map<String, Object> result, String error) {
        run.state = state;
        run.result = result;
        run.error = error;
        run.leaseOwner = null;
        run.leaseExpiresAt = null;
        run.finishedAt = Instant.now();
    }
}
