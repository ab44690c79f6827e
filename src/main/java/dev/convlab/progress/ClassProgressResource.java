package dev.convlab.progress;

import dev.convlab.account.Account;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** How the class is doing, for instructors only. */
@Path("/api/instructor")
@RolesAllowed(Account.INSTRUCTOR)
public class ClassProgressResource {

    /** One learner's standing. */
    public record LearnerSummary(String email, String displayName, long completedSteps, long attempts, Instant lastActivity) {}

    @Inject
    EntityManager entityManager;

    @GET
    @Path("/learners")
    @Transactional
    public List<LearnerSummary> learners() {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select a.email, a.display_name,
                       (select count(*) from step_progress p where p.account_id = a.id and p.completed_at is not null),
                       (select count(*) from exercise_attempt e where e.account_id = a.id),
                       greatest((select max(p.visited_at) from step_progress p where p.account_id = a.id),
                                (select max(e.created_at) from exercise_attempt e where e.account_id = a.id))
                from account a where a.role = 'student' order by a.created_at""", Object[].class).getResultList();
        return rows.stream().map(r -> new LearnerSummary((String) r[0], (String) r[1], ((Number) r[2]).longValue(),
                ((Number) r[3]).longValue(), toInstant(r[4]))).toList();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        return value instanceof OffsetDateTime time ? time.toInstant() : null;
    }
}
