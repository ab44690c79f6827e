package dev.convlab.kernellab.compute;

import dev.convlab.i18n.Text;
import dev.convlab.platform.PlatformErrors;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
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
    private final int maxTogether;

    /** An engine that computes every request on its own. */
    public ConvolutionEngine(Device device, int concurrency, Duration maxWait, int cachedGraphs) {
        this(device, concurrency, maxWait, cachedGraphs, 1);
    }

    /** An engine that also computes up to {@code maxTogether} small requests of one signature in one call. */
    public ConvolutionEngine(Device device, int concurrency, Duration maxWait, int cachedGraphs, int maxTogether) {
        this.device = device;
        this.maxTogether = maxTogether;
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
        return isSmall(Signature.of(images, kernels, spec));
    }

    private static boolean isSmall(Signature signature) {
        ConvolutionSpec spec = signature.spec();
        long outputs = (long) signature.count() * signature.kernels() * spec.outputHeight(signature.height(), signature.kernelHeight())
                * spec.outputWidth(signature.width(), signature.kernelWidth());
        long multiplyAdds = outputs * signature.kernelHeight() * signature.kernelWidth() * signature.channels();
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
     * How many small requests like this one {@link #convolveTogether} computes in one call: at least 2 when its graph
     * is built and computes such requests together exactly as one at a time, else 0 (compute it with
     * {@link #convolveQuick}).
     */
    public int maxTogether(Images images, Kernels kernels, ConvolutionSpec spec) {
        if (!isSmall(images, kernels, spec)) {
            return 0;
        }
        ConvolutionGraph graph = cached(signature(images, kernels, spec));
        return graph == null ? 0 : graph.maxTogether();
    }

    /**
     * Computes several small requests of one {@link Signature} (each one grey image) in one TensorFlow call, on the
     * calling thread and without a slot, as {@link #convolveQuick} does one; each request's maps are exactly the ones it
     * gets alone. Empty when the signature's graph is gone meanwhile, for the caller to compute them one at a time.
     */
    public Optional<List<FeatureMaps>> convolveTogether(List<Images> images, List<Kernels> kernels, ConvolutionSpec spec) {
        Signature signature = signature(images.get(0), kernels.get(0), spec);
        for (int i = 1; i < images.size(); i++) {
            if (!signature(images.get(i), kernels.get(i), spec).equals(signature)) {
                throw new IllegalArgumentException("requests computed together must share one signature");
            }
        }
        ConvolutionGraph graph = cached(signature);
        return graph == null ? Optional.empty() : graph.runTogether(images, kernels);
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
        ConvolutionGraph built = new ConvolutionGraph(signature, device, isSmall(signature) ? maxTogether : 1);
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
