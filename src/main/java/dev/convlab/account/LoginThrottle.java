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
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        List<?> until = entityManager.createNativeQuery(
                        "select max(blocked_until) from login_throttle where throttle_key in (:keys) and blocked_until > :now")
                .setParameter("keys", keys.stream().map(Key::name).toList())
                .setParameter("now", Timestamp.from(now))
                .getResultList();
        return until.isEmpty() || until.get(0) == null
                ? Optional.empty()
                : Optional.of(Duration.between(now, toInstant(until.get(0))));
    }

    /**
     * Counts an attempt as a failure before its password is checked (a success then forgets the key), or returns
     * how long the key must still wait. The row stays locked until this commits, so attempts sent in parallel
     * cannot all slip in under the threshold.
     */
    @Transactional
    public Optional<Duration> reserve(Key key, Instant now) {
        if (count(key, now, true).isPresent()) {
            return Optional.empty();
        }
        return waitFor(List.of(key), now).or(() -> Optional.of(Duration.ZERO));
    }

    /** Counts one failure against each key, blocks those at their threshold, and prunes forgotten rows. */
    @Transactional
    public void recordFailure(List<Key> keys, Instant now) {
        for (Key key : keys) {
            count(key, now, false);
        }
        Instant forgotten = now.minus(config.login().failureMemory());
        entityManager.createNativeQuery(
                        "delete from login_throttle where last_failure_at < :forgotten and (blocked_until is null or blocked_until < :now)")
                .setParameter("forgotten", Timestamp.from(forgotten))
                .setParameter("now", Timestamp.from(now))
                .executeUpdate();
    }

    /** Adds a failure to the key (unless it must wait and {@code unlessWaiting}) and blocks it from its threshold on. */
    private Optional<Integer> count(Key key, Instant now, boolean unlessWaiting) {
        List<?> counted = entityManager.createNativeQuery("""
                        insert into login_throttle (throttle_key, failures, last_failure_at) values (:key, 1, :now)
                        on conflict (throttle_key) do update set
                            failures = case when login_throttle.last_failure_at < :forgotten then 1
                                            else login_throttle.failures + 1 end,
                            last_failure_at = :now
                        where not :unlessWaiting or login_throttle.blocked_until is null or login_throttle.blocked_until <= :now
                        returning failures""")
                .setParameter("key", key.name())
                .setParameter("now", Timestamp.from(now))
                .setParameter("forgotten", Timestamp.from(now.minus(config.login().failureMemory())))
                .setParameter("unlessWaiting", unlessWaiting)
                .getResultList();
        if (counted.isEmpty()) {
            return Optional.empty();
        }
        int failures = ((Number) counted.get(0)).intValue();
        if (failures >= key.threshold()) {
            entityManager.createNativeQuery("update login_throttle set blocked_until = :until where throttle_key = :key")
                    .setParameter("until", Timestamp.from(now.plus(wait(failures - key.threshold()))))
                    .setParameter("key", key.name())
                    .executeUpdate();
        }
        return Optional.of(failures);
    }

    /** After a successful login the account's (or the browser's) failures no longer count. */
    @Transactional
    public void forget(Key key) {
        entityManager.createNativeQuery("delete from login_throttle where throttle_key = :key")
                .setParameter("key", key.name())
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
