package dev.convlab.kernellab.compute;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Convolutions computed by TensorFlow: a graph per shape signature, kept in a bounded cache, and a bounded number
 * of computations at once so that a crowd of requests waits briefly or is turned away instead of exhausting memory.
 */
public final class ConvolutionEngine implements AutoCloseable {

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
        if (images.channels() != kernels.channels()) {
            throw new IllegalArgumentException("kernels have %d channels but the images have %d"
                    .formatted(kernels.channels(), images.channels()));
        }
        Signature signature = Signature.of(images, kernels, spec);
        return withSlot(() -> {
            while (true) {
                Optional<FeatureMaps> maps = graphFor(signature).run(images, kernels);
                if (maps.isPresent()) {
                    return maps.get();
                }
            }
        });
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

    private synchronized ConvolutionGraph graphFor(Signature signature) {
        return graphs.computeIfAbsent(signature, s -> new ConvolutionGraph(s, device));
    }

    private void acquireSlot() {
        try {
            if (!slots.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new EngineBusyException("every compute slot stayed busy for " + maxWait.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineBusyException("interrupted while waiting for a compute slot");
        }
    }

    @Override
    public synchronized void close() {
        graphs.values().forEach(ConvolutionGraph::close);
        graphs.clear();
    }
}
