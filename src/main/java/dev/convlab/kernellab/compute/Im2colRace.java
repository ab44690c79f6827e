package dev.convlab.kernellab.compute;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

/**
 * The im2col step: one grey image unfolded into a matrix with one column per kernel position, and a race, timed
 * here for real, between a plain Java loop, im2col + MatMul in TensorFlow, and TensorFlow's Conv2D: once on the one
 * image and one kernel, where a compiled loop beats TensorFlow's fixed cost per call, and once on a batch of images
 * and kernels, where the work outgrows that cost.
 */
public final class Im2colRace implements AutoCloseable {

    /** The unfolded image: {@code rows} = kernel taps, {@code columns} = output positions, row by row. */
    public record Unfolded(int rows, int columns, float[] values) {}

    /** One contender's median time over {@code runs} runs. */
    public record Timing(String method, double medianMicros, int runs) {}

    /** The three contenders' timings on {@code images} images and {@code kernels} kernels. */
    public record Heat(int images, int kernels, List<Timing> timings) {}

    /** The race's timings on one image and on the batch. */
    public record Outcome(Heat single, Heat batch) {}

    private final ConvolutionEngine engine;
    private final Device device;
    private final Map<List<Integer>, MatMulGraph> graphs = new ConcurrentHashMap<>();

    public Im2colRace(ConvolutionEngine engine) {
        this.engine = engine;
        this.device = engine.device();
    }

    /** Unfolds the image for a kernel of the given size, without padding, stride 1. */
    public static Unfolded unfold(Images image, int kernelHeight, int kernelWidth) {
        int outHeight = image.height() - kernelHeight + 1;
        int outWidth = image.width() - kernelWidth + 1;
        int rows = kernelHeight * kernelWidth;
        int columns = outHeight * outWidth;
        float[] values = new float[rows * columns];
        for (int y = 0; y < outHeight; y++) {
            for (int x = 0; x < outWidth; x++) {
                for (int ky = 0; ky < kernelHeight; ky++) {
                    for (int kx = 0; kx < kernelWidth; kx++) {
                        values[(ky * kernelWidth + kx) * columns + y * outWidth + x] = image.at(0, y + ky, x + kx, 0);
                    }
                }
            }
        }
        return new Unfolded(rows, columns, values);
    }

    public Device device() {
        return device;
    }

    /**
     * Races on {@code image} with {@code kernel} ({@code runs} timed runs each), then on {@code batch} with
     * {@code kernels} ({@code batchRuns} runs each).
     */
    public Outcome race(Images image, Kernels kernel, int runs, Images batch, Kernels kernels, int batchRuns) {
        if (image.count() != 1 || image.channels() != 1 || kernel.count() != 1 || kernel.channels() != 1
                || batch.channels() != 1 || kernels.channels() != 1) {
            throw new IllegalArgumentException("the race takes grey images and one-channel kernels");
        }
        return new Outcome(heat(image, kernel, runs), heat(batch, kernels, batchRuns));
    }

    private Heat heat(Images images, Kernels kernels, int runs) {
        ConvolutionSpec spec = ConvolutionSpec.of(1, 1, Padding.valid());
        MatMulGraph graph = graphFor(images, kernels);
        return new Heat(images.count(), kernels.count(), List.of(
                time("Plain Java loop", runs, () -> ReferenceConvolution.convolve(images, kernels, spec)),
                time("im2col + MatMul in TensorFlow", runs, () -> graph.run(images, kernels)),
                time("TensorFlow Conv2D", runs, () -> engine.convolve(images, kernels, spec).close())));
    }

    /**
     * The product of {@code images} unfolded and {@code kernels} as one matrix, computed by TensorFlow; a few hundred
     * microseconds for one digit once the shape's graph is built. The caller closes the maps.
     */
    public FeatureMaps matMul(Images images, Kernels kernels) {
        return graphFor(images, kernels).run(images, kernels);
    }

    private MatMulGraph graphFor(Images images, Kernels kernels) {
        return graphs.computeIfAbsent(List.of(images.count(), images.height(), images.width(), kernels.count(), kernels.height(), kernels.width()),
                key -> new MatMulGraph(key.get(0), key.get(1), key.get(2), key.get(3), key.get(4), key.get(5), device));
    }

    /** Warms up for a fifth of the runs (at least three: a batch run of the loop takes tens of milliseconds). */
    private static Timing time(String method, int runs, Runnable work) {
        return new Timing(method, MedianTimer.medianMicros(work, Math.max(3, runs / 5), runs), runs);
    }

    @Override
    public void close() {
        graphs.values().forEach(MatMulGraph::close);
        graphs.clear();
    }

    /** im2col as TensorFlow ops: ExtractImagePatches gives every image's windows, one MatMul all the maps. */
    private static final class MatMulGraph implements AutoCloseable {
        private final Graph graph = new Graph();
        private final Session session;
        private final Placeholder<TFloat32> input;
        private final Placeholder<TFloat32> filter;
        private final MatMul<TFloat32> product;
        private final int count;
        private final int kernels;
        private final int outHeight;
        private final int outWidth;

        MatMulGraph(int count, int height, int width, int kernels, int kernelHeight, int kernelWidth, Device device) {
            Ops tf = Ops.create(graph);
            input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(count, height, width, 1)));
            filter = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(kernelHeight * kernelWidth, kernels)));
            var patches = tf.image.extractImagePatches(input, List.of(1L, (long) kernelHeight, (long) kernelWidth, 1L),
                    List.of(1L, 1L, 1L, 1L), List.of(1L, 1L, 1L, 1L), "VALID");
            product = tf.linalg.matMul(tf.reshape(patches, tf.constant(new int[] {-1, kernelHeight * kernelWidth})), filter);
            this.count = count;
            this.kernels = kernels;
            outHeight = height - kernelHeight + 1;
            outWidth = width - kernelWidth + 1;
            session = new Session(graph, device.sessionConfig());
        }

        /** The maps in (image, row, column, kernel) order: the product's rows are positions, its columns kernels. */
        FeatureMaps run(Images images, Kernels weights) {
            try (TFloat32 imageTensor = TFloat32.tensorOf(Shape.of(count, images.height(), images.width(), 1), DataBuffers.of(images.values(), true, false));
                    TFloat32 filterTensor = TFloat32.tensorOf(Shape.of(weights.height() * weights.width(), kernels), DataBuffers.of(weights.asFilter(), true, false));
                    Result result = session.runner().feed(input, imageTensor).feed(filter, filterTensor).fetch(product).run()) {
                float[] values = new float[count * outHeight * outWidth * kernels];
                ((TFloat32) result.get(0)).asRawTensor().data().asFloats().read(values);
                return FeatureMaps.of(values, count, kernels, outHeight, outWidth);
            }
        }

        @Override
        public void close() {
            session.close();
            graph.close();
        }
    }
}
