package dev.convlab.kernellab.compute;

import dev.convlab.i18n.Text;
import dev.convlab.platform.PlatformErrors;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Convolutions computed by TensorFlow: a graph per shape signature, kept in a bounded cache, and a bounded number
 * of computations at once so that a crowd of requests waits briefly or is turned away instead of exhausting memory.
 */
public final class ConvolutionEngine implements AutoCloseable {

    /**
     * Bounds of a small convolution, run on the caller's thread without a slot: a lab page's request (one 28×28
     * image, up to 16 kernels up to 5×5) fits, and computes and writes as JSON in well under a millisecond.
     */
    static final long SMALL_OUTPUTS = 1 << 14;
    static final long SMALL_MULTIPLY_ADDS = 1 << 19;

    private final Device device;
    private final Semaphore slots;
    private final Duration maxWait;
    private final Map<Signature, ConvolutionGraph> graphs;

    public ConvolutionEngine(Device device, int concurrency, Duration maxWait, int cachedGraphs) {
        this.device = device;
        this.slots = new Semaphore(concurrency, true);
        this.maxWait = maxWait;
        this.graphs = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Signature, ConvolutionGraph> eldest) {
                if (size() > cachedGraphs) {
                    eldest.getValue().close();
                    return true;
                }
                return false;
            }
        };
    }

    public Device device() {
        return device;
    }

    /** Cross-correlates every image with every kernel, as {@code tf.nn.conv2d} does. The caller closes the maps. */
    public FeatureMaps convolve(Images images, Kernels kernels, ConvolutionSpec spec) {
        Signature signature = signature(images, kernels, spec);
        return withSlot(() -> compute(images, kernels, signature));
    }

    /** Whether a convolution is small: it computes in a few hundred microseconds once its graph is built. */
    public static boolean isSmall(Images images, Kernels kernels, ConvolutionSpec spec) {
        long outputs = (long) images.count() * kernels.count() * spec.outputHeight(images.height(), kernels.height())
                * spec.outputWidth(images.width(), kernels.width());
        long multiplyAdds = outputs * kernels.height() * kernels.width() * kernels.channels();
        return outputs <= SMALL_OUTPUTS && multiplyAdds <= SMALL_MULTIPLY_ADDS;
    }

    /**
     * Computes a small convolution whose graph is built, at once on the calling thread and without a slot; empty
     * otherwise (building a graph takes milliseconds), for the caller to {@link #convolve} on a worker. The callers
     * (the server's I/O threads, a fixed few) bound how many run at once, and each needs little memory.
     */
    public Optional<FeatureMaps> convolveQuick(Images images, Kernels kernels, ConvolutionSpec spec) {
        if (!isSmall(images, kernels, spec)) {
            return Optional.empty();
        }
        ConvolutionGraph graph = cached(signature(images, kernels, spec));
        return graph == null ? Optional.empty() : graph.run(images, kernels);
    }

    /**
     * Runs other TensorFlow work of this node (a receptive-field probe, say) in one of the same compute slots, so the
     * bound on work at once holds for all of it; busy past the wait, it fails with {@link EngineBusyException}.
     */
    public <T> T withSlot(Supplier<T> work) {
        acquireSlot();
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }

    /** Compute slots free right now. */
    public int availableSlots() {
        return slots.availablePermits();
    }

    /** How many graphs are built and ready. */
    public synchronized int cachedGraphs() {
        return graphs.size();
    }

    private static Signature signature(Images images, Kernels kernels, ConvolutionSpec spec) {
        if (images.channels() != kernels.channels()) {
            throw new IllegalArgumentException("kernels have %d channels but the images have %d"
                    .formatted(kernels.channels(), images.channels()));
        }
        return Signature.of(images, kernels, spec);
    }

    private FeatureMaps compute(Images images, Kernels kernels, Signature signature) {
        while (true) {
            Optional<FeatureMaps> maps = graphFor(signature).run(images, kernels);
            if (maps.isPresent()) {
                return maps.get();
            }
        }
    }

    /** The signature's graph if it is built, else null. */
    private synchronized ConvolutionGraph cached(Signature signature) {
        return graphs.get(signature);
    }

    /**
     * The signature's graph, built outside the lock: building takes milliseconds, and the I/O threads ask for built
     * graphs meanwhile. Two threads that build the same one keep the first.
     */
    private ConvolutionGraph graphFor(Signature signature) {
        ConvolutionGraph cached = cached(signature);
        if (cached != null) {
            return cached;
        }
        ConvolutionGraph built = new ConvolutionGraph(signature, device);
        ConvolutionGraph first;
        synchronized (this) {
            first = graphs.putIfAbsent(signature, built);
        }
        if (first == null) {
            return built;
        }
        built.close();
        return first;
    }

    private void acquireSlot() {
        EngineBusyException.acquire(slots, maxWait, millis -> Text.of(PlatformErrors.class, m -> m.busyComputeSlots(millis)));
    }

    @Override
    public synchronized void close() {
        graphs.values().forEach(ConvolutionGraph::close);
        graphs.clear();
    }
}
