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
import java.util.Map;
import java.util.stream.Collectors;

/** Every answer a learner gives to an exercise, right or wrong. */
@Entity
@Table(name = "exercise_attempt")
public class ExerciseAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id")
    public long accountId;

    @Column(name = "step_id")
    public long stepId;

    @Column(name = "exercise_key")
    public String exerciseKey;

    public String answer;

    public boolean correct;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The keys of the exercises of a step that a learner has answered rightly at least once. */
    public static List<String> passedKeys(long accountId, long stepId) {
        return find("select distinct a.exerciseKey from ExerciseAttempt a where a.accountId = ?1 and a.stepId = ?2 and a.correct = true",
                accountId, stepId).project(String.class).list();
    }

    /** For each step, how many of its exercises a learner has answered rightly at least once. */
    public static Map<Long, Long> passedCountsByStep(long accountId) {
        List<Object[]> rows = getEntityManager().createQuery(
                "select a.stepId, count(distinct a.exerciseKey) from ExerciseAttempt a where a.accountId = ?1 and a.correct = true group by a.stepId",
                Object[].class).setParameter(1, accountId).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1]));
    }
}
