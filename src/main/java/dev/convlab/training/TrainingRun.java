package dev.convlab.training;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One training run: a row of the durable queue, then the record of what it learned. */
@Entity
@Table(name = "training_run")
public class TrainingRun extends PanacheEntityBase {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String DIVERGED = "diverged";
    public static final String CANCELED = "canceled";

    public static final String PENDING = "pending";
    public static final String VERIFIED = "verified";
    public static final String MISMATCH = "mismatch";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id")
    public long accountId;

    public String dataset;

    @JdbcTypeCode(SqlTypes.JSON)
    public RunSettings settings;

    public String state;

    public int attempts;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;

    @Column(name = "cancel_requested")
    public boolean cancelRequested;

    @Column(name = "epochs_done")
    public int epochsDone;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> result;

    public String error;

    /** Once finished: learned, collapsed or diverged ({@link RunOutcome}); null for runs canceled or failed. */
    public String outcome;

    /** Kept off the leaderboard by an instructor. */
    public boolean hidden;

    /** For an instructor's re-run: the leaderboard entry it checks. */
    @Column(name = "verifies_run_id")
    public Long verifiesRunId;

    /** For a leaderboard entry: pending while its re-run trains, then verified or mismatch; null when never checked. */
    public String verification;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public boolean isFinished() {
        return SUCCEEDED.equals(state) || FAILED.equals(state) || DIVERGED.equals(state) || CANCELED.equals(state);
    }

    public static long countActive(long accountId) {
        return count("accountId = ?1 and state in (?2, ?3)", accountId, QUEUED, RUNNING);
    }
}
