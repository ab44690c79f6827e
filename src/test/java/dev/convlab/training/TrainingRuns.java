package dev.convlab.training;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** The run queue as tests leave it. */
public final class TrainingRuns {

    private TrainingRuns() {}

    /** Cancels every queued and running run, so that no test's runs reach the next test's worker or queue. */
    public static void cancelUnfinished() {
        QuarkusTransaction.requiringNew().run(() -> TrainingRun.update("state = 'canceled', leaseOwner = null where state in ('queued', 'running')"));
        Arc.container().instance(QueueBoard.class).get().invalidate();
    }
}
