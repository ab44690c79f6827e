package dev.convlab.classes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.convlab.account.ClientAddress;
import dev.convlab.account.Waits;
import dev.convlab.i18n.Text;
import dev.convlab.platform.ProblemException;
import dev.convlab.platform.TooManyRequestsException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Join attempts per client address (IPv6: its /64): each try takes a token from the address's bucket, and a try whose
 * code some class has gives it back, so only unknown codes count. A guesser gets {@code burst} tries, then one per
 * {@code refill-every}; a class behind one NAT joining with the right code never waits. In memory, per instance.
 */
@ApplicationScoped
public class JoinLimit {

    private static final long MAX_ADDRESSES = 100_000;

    private final ClassConfig config;
    private final Cache<String, Bucket> buckets;

    @Inject
    HttpServerRequest request;

    @Inject
    public JoinLimit(ClassConfig config) {
        this.config = config;
        Duration full = config.join().refillEvery().multipliedBy(config.join().burst());
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_ADDRESSES).expireAfterAccess(full).build();
    }

    /** Runs a look-up of a typed code for the current request's client, or refuses it with 429 and how long to wait. */
    public <T> T attempt(Supplier<T> lookUp) {
        Bucket bucket = buckets.get(ClientAddress.key(request.remoteAddress().hostAddress()), address -> Bucket.builder()
                .addLimit(limit -> limit.capacity(config.join().burst()).refillGreedy(1, config.join().refillEvery()))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
            throw new TooManyRequestsException(
                    Text.composed(ClassesErrors.class, (m, language) -> m.tooManyCodes(Waits.describe(wait, language))), wait);
        }
        try {
            T found = lookUp.get();
            bucket.addTokens(1);
            return found;
        } catch (ProblemException e) {
            if (e.status() != 404) {
                bucket.addTokens(1);
            }
            throw e;
        }
    }
}
