package dev.convlab.kernellab.compute;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.op.nn.DepthwiseConv2dNative;
import org.tensorflow.types.TFloat32;

/**
 * One convolution graph and its session, built once for one shape signature and fed per call. Runs share it; closing
 * waits for them, and a run that finds it closed reports so, to be retried on a fresh graph.
 *
 * <p>For one grey image it also holds a second way in, for several requests of the signature at once: their images
 * side by side as the channels of one image, and a depthwise convolution that applies each request's kernels to its
 * own channel only ({@link #runTogether}). It is used only if, on random images and kernels, it answered every request
 * of every batch size up to the most allowed with exactly the bits that request got alone: both compute each output as
 * the same sum in the same order on this CPU, but nothing promises it on every CPU and setting (on an AVX-512 EPYC,
 * explicit padding sometimes differed).
 */
final class ConvolutionGraph implements AutoCloseable {

    private final Graph graph;
    private final Session session;
    private final Placeholder<TFloat32> input;
    private final Placeholder<TFloat32> filter;
    private final Operand<TFloat32> output;
    private final Together together;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    /** The depthwise way in: images [1, height, width, requests], filters [rows, columns, requests, kernels]. */
    private record Together(Placeholder<TFloat32> images, Placeholder<TFloat32> filters, Operand<TFloat32> maps, int maxRequests) {}

    ConvolutionGraph(Signature signature, Device device, int maxTogether) {
        this.graph = new Graph();
        Ops tf = Ops.create(graph);
        input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(signature.count(), signature.height(),
                signature.width(), signature.channels())));
        filter = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(signature.kernelHeight(),
                signature.kernelWidth(), signature.channels(), signature.kernels())));
        output = conv2d(tf, signature);
        Together depthwise = maxTogether > 1 && signature.count() == 1 && signature.channels() == 1
                ? depthwise(tf, signature, maxTogether) : null;
        session = new Session(graph, device.sessionConfig());
        together = depthwise != null && answersAsAlone(signature, depthwise) ? depthwise : null;
    }

    /**
     * Conv2D, channels last: with oneDNN's kernels on ({@code NativeRuntime}) it beat im2col + MatMul at every batch
     * size measured, 1.7× at 1,000 images; its answer is already in {@link FeatureMaps}' order.
     */
    private Operand<TFloat32> conv2d(Ops tf, Signature signature) {
        ConvolutionSpec spec = signature.spec();
        List<Long> strides = List.of(1L, (long) spec.strideHeight(), (long) spec.strideWidth(), 1L);
        Conv2d.Options dilations = Conv2d.dilations(List.of(1L, (long) spec.dilationHeight(), (long) spec.dilationWidth(), 1L));
        Padding padding = spec.padding();
        return switch (padding.mode()) {
            case VALID, SAME -> tf.nn.conv2d(input, filter, strides, padding.mode().name(), dilations);
            case EXPLICIT -> tf.nn.conv2d(input, filter, strides, "EXPLICIT", dilations, Conv2d.explicitPaddings(explicitPaddings(padding)));
        };
    }

    private static Together depthwise(Ops tf, Signature signature, int maxRequests) {
        ConvolutionSpec spec = signature.spec();
        Placeholder<TFloat32> images = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, signature.height(),
                signature.width(), Shape.UNKNOWN_SIZE)));
        Placeholder<TFloat32> filters = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(signature.kernelHeight(),
                signature.kernelWidth(), Shape.UNKNOWN_SIZE, signature.kernels())));
        List<Long> strides = List.of(1L, (long) spec.strideHeight(), (long) spec.strideWidth(), 1L);
        DepthwiseConv2dNative.Options dilations = DepthwiseConv2dNative.dilations(
                List.of(1L, (long) spec.dilationHeight(), (long) spec.dilationWidth(), 1L));
        Padding padding = spec.padding();
        Operand<TFloat32> maps = switch (padding.mode()) {
            case VALID, SAME -> tf.nn.depthwiseConv2dNative(images, filters, strides, padding.mode().name(), dilations);
            case EXPLICIT -> tf.nn.depthwiseConv2dNative(images, filters, strides, "EXPLICIT", dilations,
                    DepthwiseConv2dNative.explicitPaddings(explicitPaddings(padding)));
        };
        return new Together(images, filters, maps, maxRequests);
    }

    private static List<Long> explicitPaddings(Padding padding) {
        return List.of(0L, 0L, (long) padding.top(), (long) padding.bottom(), (long) padding.left(), (long) padding.right(), 0L, 0L);
    }

    /** Computes the maps, or returns empty when this graph was closed meanwhile. The caller closes the maps. */
    Optional<FeatureMaps> run(Images images, Kernels kernels) {
        lock.readLock().lock();
        try {
            if (closed) {
                return Optional.empty();
            }
            try (TFloat32 imageTensor = TFloat32.tensorOf(Shape.of(images.count(), images.height(), images.width(),
                            images.channels()), DataBuffers.of(images.values(), true, false));
                    TFloat32 filterTensor = TFloat32.tensorOf(Shape.of(kernels.height(), kernels.width(),
                            kernels.channels(), kernels.count()), DataBuffers.of(kernels.asFilter(), true, false))) {
                return Optional.of(FeatureMaps.of(session.runner().feed(input, imageTensor).feed(filter, filterTensor).fetch(output).run()));
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many requests {@link #runTogether} takes at once: 0 when this signature is computed one request at a time. */
    int maxTogether() {
        return together == null ? 0 : together.maxRequests();
    }

    /**
     * Computes the maps of several requests, each one grey image and its kernels, in one call; empty when this graph
     * was closed meanwhile. The maps are held in Java.
     */
    Optional<List<FeatureMaps>> runTogether(List<Images> images, List<Kernels> kernels) {
        if (together == null || images.size() > together.maxRequests()) {
            throw new IllegalArgumentException("this graph computes at most %d requests together, not %d"
                    .formatted(maxTogether(), images.size()));
        }
        lock.readLock().lock();
        try {
            return closed ? Optional.empty() : Optional.of(computeTogether(together, images, kernels));
        } finally {
            lock.readLock().unlock();
        }
    }

    private List<FeatureMaps> computeTogether(Together depthwise, List<Images> images, List<Kernels> kernels) {
        int requests = images.size();
        Images first = images.get(0);
        Kernels firstKernels = kernels.get(0);
        int pixels = first.height() * first.width();
        float[] side = new float[pixels * requests];
        for (int r = 0; r < requests; r++) {
            float[] values = images.get(r).values();
            for (int p = 0; p < pixels; p++) {
                side[p * requests + r] = values[p];
            }
        }
        int taps = firstKernels.height() * firstKernels.width();
        int count = firstKernels.count();
        float[] filters = new float[taps * requests * count];
        for (int r = 0; r < requests; r++) {
            float[] values = kernels.get(r).values();
            for (int k = 0; k < count; k++) {
                for (int t = 0; t < taps; t++) {
                    filters[(t * requests + r) * count + k] = values[k * taps + t];
                }
            }
        }
        float[] maps;
        long[] shape;
        try (TFloat32 imageTensor = TFloat32.tensorOf(Shape.of(1, first.height(), first.width(), requests), DataBuffers.of(side, true, false));
                TFloat32 filterTensor = TFloat32.tensorOf(Shape.of(firstKernels.height(), firstKernels.width(), requests, count),
                        DataBuffers.of(filters, true, false));
                Result result = session.runner().feed(depthwise.images(), imageTensor).feed(depthwise.filters(), filterTensor)
                        .fetch(depthwise.maps()).run()) {
            TFloat32 computed = (TFloat32) result.get(0);
            shape = computed.shape().asArray();
            maps = new float[Math.toIntExact(computed.size())];
            computed.asRawTensor().data().asFloats().read(maps);
        }
        FeatureMaps[] answers = new FeatureMaps[requests];
        for (int r = 0; r < requests; r++) {
            answers[r] = FeatureMaps.interleaved(maps, (long) r * count, requests * count, count, (int) shape[1], (int) shape[2]);
        }
        return Arrays.asList(answers);
    }

    /**
     * Whether the depthwise way answers exactly as Conv2D alone, on random images (half of their pixels zero, as a
     * digit's background) and kernels (whole and fractional, negative and positive weights), for every batch size.
     */
    private boolean answersAsAlone(Signature signature, Together depthwise) {
        Random random = new Random(signature.hashCode());
        List<Images> images = new ArrayList<>();
        List<Kernels> kernels = new ArrayList<>();
        List<float[]> alone = new ArrayList<>();
        for (int r = 0; r < depthwise.maxRequests(); r++) {
            float[] pixels = new float[signature.height() * signature.width()];
            for (int p = 0; p < pixels.length; p++) {
                pixels[p] = r == 0 || random.nextBoolean() ? 0 : random.nextInt(1001) / 1000f;
            }
            float[] weights = new float[signature.kernels() * signature.kernelHeight() * signature.kernelWidth()];
            for (int w = 0; w < weights.length; w++) {
                weights[w] = r == 0 ? -1 - random.nextInt(2) : random.nextBoolean() ? random.nextInt(5) - 2 : random.nextFloat() * 2 - 1;
            }
            images.add(new Images(pixels, 1, signature.height(), signature.width(), 1));
            kernels.add(new Kernels(weights, signature.kernels(), signature.kernelHeight(), signature.kernelWidth(), 1));
            try (FeatureMaps maps = run(images.get(r), kernels.get(r)).orElseThrow()) {
                alone.add(maps.toArray());
            }
        }
        for (int requests = 2; requests <= depthwise.maxRequests(); requests++) {
            List<FeatureMaps> maps = computeTogether(depthwise, images.subList(0, requests), kernels.subList(0, requests));
            for (int r = 0; r < requests; r++) {
                if (!Arrays.equals(alone.get(r), maps.get(r).toArray())) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                session.close();
                graph.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
