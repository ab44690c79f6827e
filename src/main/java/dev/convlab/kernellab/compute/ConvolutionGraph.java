package dev.convlab.kernellab.compute;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.types.TFloat32;

/**
 * One convolution graph and its session, built once for one shape signature and fed per call. Runs share it; closing
 * waits for them, and a run that finds it closed reports so, to be retried on a fresh graph.
 */
final class ConvolutionGraph implements AutoCloseable {

    private final Graph graph;
    private final Session session;
    private final Placeholder<TFloat32> input;
    private final Placeholder<TFloat32> filter;
    private final Operand<TFloat32> output;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    ConvolutionGraph(Signature signature, Device device) {
        this.graph = new Graph();
        Ops tf = Ops.create(graph);
        input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(signature.count(), signature.height(),
                signature.width(), signature.channels())));
        filter = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(signature.kernelHeight(),
                signature.kernelWidth(), signature.channels(), signature.kernels())));
        output = conv2d(tf, signature);
        session = new Session(graph, device.sessionConfig());
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
            case EXPLICIT -> tf.nn.conv2d(input, filter, strides, "EXPLICIT", dilations, Conv2d.explicitPaddings(
                    List.of(0L, 0L, (long) padding.top(), (long) padding.bottom(), (long) padding.left(), (long) padding.right(), 0L, 0L)));
        };
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
