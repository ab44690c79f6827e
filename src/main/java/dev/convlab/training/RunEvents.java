package dev.convlab.training;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** A run's stored events after a given one: what the event stream sends, from any instance, after any reload. */
@ApplicationScoped
@Transactional
public class RunEvents {

    /** One stored event: its id (for resuming) and its JSON. */
    public record StoredEvent(long id, String json) {}

    @Inject
    EntityManager entityManager;

    public List<StoredEvent> after(long runId, long lastId) {
        List<Object[]> rows = entityManager.createNativeQuery(
                "select id, cast(payload as text) from training_event where run_id = ?1 and id > ?2 order by id", Object[].class)
                .setParameter(1, runId).setParameter(2, lastId).getResultList();
        return rows.stream().map(r -> new StoredEvent(((Number) r[0]).longValue(), (String) r[1])).toList();
    }
}
