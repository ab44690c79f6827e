package dev.convlab.limits;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * What one client may ask of this node. Work is counted in units: a computing request costs {@link #requestCost()}
 * plus the numbers it answers with, so a lab page's small request is nearly free and an amplifying one is not.
 */
@ConfigMapping(prefix = "convlab.limits")
public interface LimitsConfig {

    /** Callers without a session, counted per client address (an IPv6 client per /64). */
    Client anonymous();

    /** Logged-in callers, counted per account. */
    Client learner();

    /** Units every computing request costs on top of its output numbers: the cost of handling it at all. */
    long requestCost();

    /** Bytes that convolution answers being computed, built and written may hold at once; unset, 256 MB or a quarter of the heap. */
    Optional<MemorySize> bytesInFlight();

    /** One kind of client's limits. */
    interface Client {

        /** The most output numbers (images × kernels × rows × columns) one convolution may answer with. */
        long output();

        /** Units a client earns per second. */
        long perSecond();

        /** Units a rested client may spend at once; at least {@link #output()} plus the request cost. */
        long burst();
    }
}
