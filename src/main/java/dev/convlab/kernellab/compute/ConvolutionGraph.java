package dev.convlab.kernellab.compute;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private final boolean unfolded;
    private final Operand<TFloat32> output;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    ConvolutionGraph(Signature signature, Device device) {
        this.graph = new Graph();
        Ops tf = Ops.create(graph);
        input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(signature.count(), signature.height(),
                signature.width(), signature.channels())));
        unfolded = unfolds(signature);
        if (unfolded) {
            filter = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(signature.kernels(),
                    signature.kernelHeight() * signature.kernelWidth() * signature.channels())));
            output = im2col(tf, signature);
        } else {
            filter = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(signature.kernelHeight(),
                    signature.kernelWidth(), signature.channels(), signature.kernels())));
            output = conv2d(tf, signature);
        }
        session = new Session(graph, device.sessionConfig());
    }

    /**
     * Whether im2col + MatMul beats Conv2D: measured for grey images and kernels of at most 3×3 without dilation
     * (0.8× the time at 1,000 images); with more channels, larger kernels or dilation Conv2D wins (up to 3.7×).
     */
    static boolean unfolds(Signature signature) {
        ConvolutionSpec spec = signature.spec();
        return signature.channels() == 1 && signature.kernelHeight() * signature.kernelWidth() <= 9
                && spec.dilationHeight() == 1 && spec.dilationWidth() == 1;
    }

    private Operand<TFloat32> conv2d(Ops tf, Signature signature) {
        ConvolutionSpec spec = signature.spec();
        List<Long> strides = List.of(1L, (long) spec.strideHeight(), (long) spec.strideWidth(), 1L);
        Conv2d.Options dilations = Conv2d.dilations(List.of(1L, (long) spec.dilationHeight(), (long) spec.dilationWidth(), 1L));
        Padding padding = spec.padding();
        Conv2d<TFloat32> channelsLast = switch (padding.mode()) {
            case VALID, SAME -> tf.nn.conv2d(input, filter, strides, padding.mode().name(), dilations);
            case EXPLICIT -> tf.nn.conv2d(input, filter, strides, "EXPLICIT", dilations, Conv2d.explicitPaddings(
                    List.of(0L, 0L, (long) padding.top(), (long) padding.bottom(), (long) padding.left(), (long) padding.right(), 0L, 0L)));
        };
        // Learners read one map per kernel: reordering in the graph is cheaper than in Java.
        return tf.linalg.transpose(channelsLast, tf.constant(new int[] {0, 3, 1, 2}));
    }

    /**
     * The same convolution of grey images as one MatMul of the kernels (kernel × tap) with the image patches (tap ×
     * image·row·column). The padded images are split into stride × stride phase planes, so that every tap is a plain
     * slice of one plane (strided slices are far slower on the CPU).
     */
    private Operand<TFloat32> im2col(Ops tf, Signature signature) {
        ConvolutionSpec spec = signature.spec();
        int n = signature.count();
        int sh = spec.strideHeight();
        int sw = spec.strideWidth();
        int outHeight = spec.outputHeight(signature.height(), signature.kernelHeight());
        int outWidth = spec.outputWidth(signature.width(), signature.kernelWidth());
        int[] rows = spec.paddingRows(signature.height(), signature.kernelHeight());
        int[] columns = spec.paddingColumns(signature.width(), signature.kernelWidth());
        // Plane rows: enough for the lowest tap of the last output row, and for every image row.
        int planeHeight = Math.max(spec.dilationHeight() * (signature.kernelHeight() - 1) / sh + outHeight,
                (signature.height() + rows[0] + sh - 1) / sh);
        int planeWidth = Math.max(spec.dilationWidth() * (signature.kernelWidth() - 1) / sw + outWidth,
                (signature.width() + columns[0] + sw - 1) / sw);
        Operand<TFloat32> grey = tf.reshape(input, tf.constant(new int[] {n, signature.height(), signature.width()}));
        int bottom = planeHeight * sh - signature.height() - rows[0];
        int right = planeWidth * sw - signature.width() - columns[0];
        // Each op costs a pass over the batch and a few microseconds: those that would change nothing are left out.
        Operand<TFloat32> padded = rows[0] == 0 && bottom == 0 && columns[0] == 0 && right == 0 ? grey
                : tf.pad(grey, tf.constant(new int[][] {{0, 0}, {rows[0], bottom}, {columns[0], right}}), tf.constant(0f));
        // [row phase, column phase, image, plane row, plane column]
        Operand<TFloat32> planes = sh == 1 && sw == 1
                ? tf.reshape(padded, tf.constant(new int[] {1, 1, n, planeHeight, planeWidth}))
                : tf.linalg.transpose(tf.reshape(padded, tf.constant(new int[] {n, planeHeight, sh, planeWidth, sw})),
                        tf.constant(new int[] {2, 4, 0, 1, 3}));
        List<Operand<TFloat32>> taps = new ArrayList<>();
        for (int ky = 0; ky < signature.kernelHeight(); ky++) {
            int y = ky * spec.dilationHeight();
            for (int kx = 0; kx < signature.kernelWidth(); kx++) {
                int x = kx * spec.dilationWidth();
                taps.add(tf.slice(planes, tf.constant(new int[] {y % sh, x % sw, 0, y / sh, x / sw}),
                        tf.constant(new int[] {1, 1, n, outHeight, outWidth})));
            }
        }
        Operand<TFloat32> patches = tf.reshape(taps.size() == 1 ? taps.get(0) : tf.concat(taps, tf.constant(0)),
                tf.constant(new int[] {taps.size(), n * outHeight * outWidth}));
        Operand<TFloat32> maps = tf.linalg.matMul(filter, patches);
        if (n == 1 || signature.kernels() == 1) {
            return tf.reshape(maps, tf.constant(new int[] {n, signature.kernels(), outHeight, outWidth}));
        }
        Operand<TFloat32> mapsByKernel = tf.reshape(maps, tf.constant(new int[] {signature.kernels(), n, outHeight, outWidth}));
        return tf.linalg.transpose(mapsByKernel, tf.constant(new int[] {1, 0, 2, 3}));
    }

    /** Computes the maps, or returns empty when this graph was closed meanwhile. */
    Optional<FeatureMaps> run(Images images, Kernels kernels) {
        lock.readLock().lock();
        try {
            if (closed) {
                return Optional.empty();
            }
            try (TFloat32 imageTensor = TFloat32.tensorOf(Shape.of(images.count(), images.height(), images.width(),
                            images.channels()), DataBuffers.of(images.values(), true, false));
                    TFloat32 filterTensor = unfolded
                            ? TFloat32.tensorOf(Shape.of(kernels.count(), kernels.height() * kernels.width()
                                    * kernels.channels()), DataBuffers.of(kernels.values(), true, false))
                            : TFloat32.tensorOf(Shape.of(kernels.height(), kernels.width(), kernels.channels(),
                                    kernels.count()), DataBuffers.of(kernels.asFilter(), true, false));
                    Result result = session.runner().feed(input, imageTensor).feed(filter, filterTensor).fetch(output).run()) {
                TFloat32 maps = (TFloat32) result.get(0);
                Shape shape = maps.shape();
                float[] values = new float[Math.toIntExact(shape.size())];
                maps.asRawTensor().data().asFloats().read(values);
                return Optional.of(new FeatureMaps(values, (int) shape.get(0), (int) shape.get(1), (int) shape.get(2),
                        (int) shape.get(3)));
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
