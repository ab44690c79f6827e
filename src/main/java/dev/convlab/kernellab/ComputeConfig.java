package dev.convlab.kernellab;

import dev.convlab.kernellab.compute.Device;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where and how much TensorFlow computes. */
@ConfigMapping(prefix = "convlab.compute")
public interface ComputeConfig {

    /** auto (a GPU when TensorFlow sees one, else the CPU), cpu, or gpu (refuses to start without one). */
    @WithDefault("auto")
    Device.Choice device();

    /** Larger convolutions computed at once (small ones run on the I/O thread, without a slot); default: the cores. */
    Optional<Integer> concurrency();

    /** How long a request waits for a free slot before it is answered 503 with Retry-After. */
    @WithDefault("2s")
    Duration maxWait();

    /**
     * How long step 5's im2col race timings are shared with every request for the same dataset and kernel shape
     * before a request races again: the times depend on the shape of the work, not on the digit or the weights.
     */
    @WithDefault("60s")
    Duration raceMaxAge();

    /** Convolution graphs kept ready, one per shape signature, least recently used dropped first. */
    @WithDefault("64")
    int cachedGraphs();

    /**
     * How long the node sends itself kernel-lab requests after it starts, before it reports ready, so that the JIT
     * has compiled their path when learners arrive; 0 turns the warm-up off.
     */
    @WithDefault("30s")
    Duration warmUp();

    /** The kernel lab's small requests computed together ({@code ConvolutionBatcher}). */
    Batch batch();

    /** How small requests share TensorFlow calls. */
    interface Batch {

        /**
         * Whether small requests of one shape (one grey image) that an I/O thread reads in one round of its event loop
         * share one TensorFlow call; off, each is computed on its own as it is read. Off by default: in the packaged
         * app it cost more CPU per request than it saved (bench/README.md, "Batched kernel-lab requests").
         */
        @WithDefault("false")
        boolean enabled();

        /** The most requests one call computes; more in one round are split. */
        @WithDefault("32")
        int maxSize();
    }
}
