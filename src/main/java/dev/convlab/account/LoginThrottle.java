package dev.convlab.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Counts failed logins per key (an account, a client address, a trusted browser) in PostgreSQL, so the back-off
 * holds across restarts and app instances. From a key's threshold on, each attempt waits: the first wait, doubled
 * with each further failure, up to the longest. Failures older than the memory window are forgotten and their rows
 * pruned, so the table holds no more than one window's failures.
 */
@ApplicationScoped
public class LoginThrottle {

    /** A counter and the number of failures after which it makes attempts wait. */
    record Key(String name, int threshold) {}

    @Inject
    EntityManager entityManager;

    @Inject
    AccountConfig config;

    /** How long the most blocked of these keys must still wait, if any must. */
    @Transactional
    public Optional<Duration> waitFor(List<Key> keys, Instant now) {
        List<?> until = entityManager.createNativeQuery(
                        "select max(blocked_until) from login_throttle where throttle_key in (:keys) and blocked_until > :now")
                .setParameter("keys", keys.stream().map(Key::name).toList())
                .setParameter("now", Timestamp.from(now))
                .getResultList();
        return until.isEmpty() || until.get(0) == null
                ? Optional.empty()
                : Optional.of(Duration.between(now, toInstant(until.get(0))));
    }

    /** Counts one failure against each key, blocks those at their threshold, and prunes forgotten rows. */
    @Transactional
    public void recordFailure(List<Key> keys, Instant now) {
        Instant forgotten = now.minus(config.login().failureMemory());
        for (Key key : keys) {
            int failures = ((Number) entityManager.createNativeQuery("""
                            insert into login_throttle (throttle_key, failures, last_failure_at) values (:key, 1, :now)
                            on conflict (throttle_key) do update set
                                failures = case when login_throttle.last_failure_at < :forgotten then 1
                                                else login_throttle.failures + 1 end,
                                last_failure_at = :now
                            returning failures""")
                    .setParameter("key", key.name())
                    .setParameter("now", Timestamp.from(now))
                    .setParameter("forgotten", Timestamp.from(forgotten))
                    .getSingleResult()).intValue();
            if (failures >= key.threshold()) {
                entityManager.createNativeQuery("update login_throttle set blocked_until = :until where throttle_key = :key")
                        .setParameter("until", Timestamp.from(now.plus(wait(failures - key.threshold()))))
                        .setParameter("key", key.name())
                        .executeUpdate();
            }
        }
        entityManager.createNativeQuery(
                        "delete from login_throttle where last_failure_at < :forgotten and (blocked_until is null or blocked_until < :now)")
                .setParameter("forgotten", Timestamp.from(forgotten))
                .setParameter("now", Timestamp.from(now))
                .executeUpdate();
    }

    /** After a successful login the account's (or the browser's) failures no longer count. */
    @Transactional
    public void forget(List<Key> keys) {
        entityManager.createNativeQuery("delete from login_throttle where throttle_key in (:keys)")
                .setParameter("keys", keys.stream().map(Key::name).toList())
                .executeUpdate();
    }

    /** The wait after {@code beyond} failures past the threshold: the first wait doubled that often, at most the longest. */
    Duration wait(int beyond) {
        Duration first = config.login().firstWait();
        Duration max = config.login().maxWait();
        Duration wait = first.multipliedBy(1L << Math.min(beyond, 30));
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }
}
