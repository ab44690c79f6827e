package dev.convlab.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.convlab.account.CurrentUser;
import dev.convlab.i18n.Text;
import dev.convlab.platform.TooManyRequestsException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Rate limits per client, weighted by cost: a token bucket (Bucket4j) per account for logged-in callers and per
 * address for anonymous ones, refilled at a steady rate. Buckets live in memory, in a bounded Caffeine cache that
 * forgets a client once its bucket would be full again anyway. No blocking and no database: it runs on the I/O thread.
 */
@ApplicationScoped
public class ClientLimits {

    /** Clients remembered at once; past this the least recently seen are forgotten (their buckets start full). */
    static final long MAX_CLIENTS = 100_000;
    private static final String WARM_UP = "this node";

    /** Who is asking, and under which limits; resolve it on the request's own thread, use it on any. */
    public record Client(String key, boolean anonymous, LimitsConfig.Client limits) {

        /** The most output numbers one convolution may answer this client with. */
        public long outputBudget() {
            return limits.output();
        }
    }

    private final LimitsConfig config;
    private final Cache<String, Bucket> buckets;

    @Inject
    CurrentUser currentUser;

    @Inject
    HttpServerRequest request;

    @Inject
    OwnRequests ownRequests;

    @Inject
    public ClientLimits(LimitsConfig config) {
        this.config = config;
        long slowestRefillSeconds = Math.max(refillSeconds(config.anonymous()), refillSeconds(config.learner()));
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_CLIENTS)
                .expireAfterAccess(Duration.ofSeconds(slowestRefillSeconds + 1)).build();
    }

    /** The caller of the current request; the node's own requests ({@link OwnRequests}) are charged nothing. */
    public Client current() {
        if (ownRequests.carries(request.getHeader(OwnRequests.HEADER))) {
            return new Client(WARM_UP, false, config.learner());
        }
        return currentUser.accountId()
                .map(account -> new Client("account " + account, false, config.learner()))
                .orElseGet(() -> new Client("address " + addressOf(request.remoteAddress()), true, config.anonymous()));
    }

    /** What a computing request costs that answers with {@code outputs} numbers. */
    public long cost(long outputs) {
        return config.requestCost() + outputs;
    }

    /** Takes {@code cost} units from the client's bucket, or refuses with 429 and how long to wait. */
    public void charge(Client client, long cost) {
        if (client.key().equals(WARM_UP)) {
            return;
        }
        LimitsConfig.Client limits = client.limits();
        Bucket bucket = buckets.get(client.key(), key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limits.burst()).refillGreedy(limits.perSecond(), Duration.ofSeconds(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(Math.min(cost, limits.burst()));
        if (!probe.isConsumed()) {
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
            String requestCost = grouped(config.requestCost());
            String perSecond = grouped(limits.perSecond());
            String burst = grouped(limits.burst());
            long seconds = (wait.toMillis() + 999) / 1000;
            throw new TooManyRequestsException(Text.of(LimitsErrors.class, m -> client.anonymous()
                    ? m.addressOverShare(requestCost, perSecond, burst, grouped(cost), seconds)
                    : m.accountOverShare(requestCost, perSecond, burst, grouped(cost), seconds)), wait);
        }
    }

    /** A count with thousands grouped, as the messages write it in both languages: 20,000. */
    private static String grouped(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    private static long refillSeconds(LimitsConfig.Client limits) {
        return (limits.burst() + limits.perSecond() - 1) / limits.perSecond();
    }

    /** The address as the limit counts it: IPv4 as is, IPv6 by its /64 (one subscriber's whole network). */
    static String addressOf(SocketAddress address) {
        String host = address == null ? null : address.hostAddress();
        if (host == null) {
            return "unknown";
        }
        if (host.indexOf(':') < 0) {
            return host;
        }
        try {
            byte[] bytes = InetAddress.getByName(host).getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : host;
        } catch (UnknownHostException e) {
            return host;
        }
    }
}
