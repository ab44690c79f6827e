package dev.convlab.account;

import dev.convlab.i18n.Text;
import dev.convlab.platform.TooManyRequestsException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-ups per client address: a burst (a class signing up together behind one NAT), then a slow refill. In memory
 * per instance; buckets that have refilled are dropped once many addresses are held, as a fresh one is the same.
 */
@ApplicationScoped
public class SignUpLimit {

    private static final int PRUNE_ABOVE = 10_000;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    AccountConfig config;

    /** Takes one sign-up for this address, or refuses with how long to wait. */
    public void take(String hostAddress) {
        int burst = config.signUp().burst();
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= burst);
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(ClientAddress.key(hostAddress), address -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(burst).refillGreedy(1, config.signUp().refillEvery()))
                        .build())
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
            throw new TooManyRequestsException(
                    Text.composed(AccountErrors.class, (m, language) -> m.tooManySignUps(Waits.describe(wait, language))), wait);
        }
    }
}
