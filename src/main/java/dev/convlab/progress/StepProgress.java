package dev.convlab.progress;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One learner's state on one step: visited, and when completed. */
@Entity
@Table(name = "step_progress")
public class StepProgress extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id")
    public long accountId;

    @Column(name = "step_id")
    public long stepId;

    @Column(name = "visited_at")
    public Instant visitedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    public static List<StepProgress> listForLearner(long accountId) {
        return list("accountId", accountId);
    }
}
