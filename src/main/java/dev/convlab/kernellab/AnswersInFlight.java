package dev.convlab.kernellab;

import dev.convlab.i18n.Text;
import dev.convlab.kernellab.compute.EngineBusyException;
import dev.convlab.limits.LimitsConfig;
import dev.convlab.platform.PlatformErrors;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds the memory that convolution answers hold on this node, from computing to the last byte written: a request
 * holds its share until its response ends (or its connection drops), and one that does not fit is answered 503 with
 * Retry-After instead of growing the heap. A lab page's small request, answered on the I/O thread, needs no share.
 */
@ApplicationScoped
public class AnswersInFlight {

    /**
     * Bytes one output number holds at most while its answer is made: 4 in TensorFlow's tensor, 4 in the nested
     * arrays, and up to 16 as JSON text (a float written in full, "-0.123456789E-5,", with its comma).
     */
    static final long BYTES_PER_OUTPUT = 24;

    /** Unless set otherwise, answers hold at most this much, or a quarter of the heap if that is less. */
    static final long DEFAULT_LIMIT = 256L << 20;

    private final AtomicLong held = new AtomicLong();
    private final long limit;

    @Inject
    public AnswersInFlight(LimitsConfig config) {
        this.limit = config.bytesInFlight().map(MemorySize::asLongValue)
                .orElse(Math.min(DEFAULT_LIMIT, Runtime.getRuntime().maxMemory() / 4));
    }

    /** The bytes answers hold right now. */
    public long held() {
        return held.get();
    }

    public long limit() {
        return limit;
    }

    /** A share for the request of {@code context}, holding nothing yet, given back when its response ends. */
    Share shareFor(RoutingContext context) {
        Share share = new Share();
        context.addEndHandler(ended -> share.release());
        return share;
    }

    /** One request's share of the bytes in flight; once its response ended it holds nothing more. */
    final class Share {

        private long bytes;
        private boolean ended;

        /**
         * Holds room for an answer of {@code outputs} numbers, or throws {@link EngineBusyException} (503) when the
         * answers already in flight leave too little. An answer larger than the whole limit waits for an empty node.
         */
        synchronized void hold(long outputs) {
            if (ended) {
                return;
            }
            long wanted = Math.min(limit, outputs * BYTES_PER_OUTPUT);
            long now;
            do {
                now = held.get();
                if (now + wanted > limit) {
                    long heldMb = now >> 20, limitMb = limit >> 20, neededMb = Math.max(1, wanted >> 20);
                    throw new EngineBusyException(Text.of(PlatformErrors.class, m -> m.busyAnswerBytes(heldMb, limitMb, neededMb)));
                }
            } while (!held.compareAndSet(now, now + wanted));
            bytes += wanted;
        }

        private synchronized void release() {
            ended = true;
            held.addAndGet(-bytes);
            bytes = 0;
        }
    }
}
