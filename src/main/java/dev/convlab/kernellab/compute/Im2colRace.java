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
 * here for real, between a plain Java loop, im2col + MatMul in TensorFlow, and TensorFlow's Conv2D.
 */
public final class Im2colRace implements AutoCloseable {

    /** The unfolded image: {@code rows} = kernel taps, {@code columns} = output positions, row by row. */
    public record Unfolded(int rows, int columns, float[] values) {}

    /** One contender's median time over {@code runs} runs. */
    public record Timing(String method, double medianMicros, int runs) {}

    /** The race's outcome: the matrix, the map its product gives, and the three timings. */
    public record Outcome(Unfolded unfolded, FeatureMaps map, List<Timing> timings) {}

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

    public Outcome race(Images image, Kernels kernel, int runs) {
        if (image.count() != 1 || image.channels() != 1 || kernel.count() != 1 || kernel.channels() != 1) {
            throw new IllegalArgumentException("the race takes one grey image and one kernel");
        }
        ConvolutionSpec spec = ConvolutionSpec.of(1, 1, Padding.valid());
        MatMulGraph graph = graphs.computeIfAbsent(List.of(image.height(), image.width(), kernel.height(), kernel.width()),
                key -> new MatMulGraph(key.get(0), key.get(1), key.get(2), key.get(3), device));
        FeatureMaps map = graph.run(image, kernel);
        List<Timing> timings = List.of(
                time("Plain Java loop", runs, () -> ReferenceConvolution.convolve(image, kernel, spec)),
                time("im2col + MatMul in TensorFlow", runs, () -> graph.run(image, kernel)),
                time("TensorFlow Conv2D", runs, () -> engine.convolve(image, kernel, spec).close()));
        return new Outcome(unfold(image, kernel.height(), kernel.width()), map, timings);
    }

    private static Timing time(String method, int runs, Runnable work) {
        return new Timing(method, MedianTimer.medianMicros(work, Math.max(10, runs / 5), runs), runs);
    }

    @Override
    public void close() {
        graphs.values().forEach(MatMulGraph::close);
        graphs.clear();
    }

    /** im2col as TensorFlow ops: ExtractImagePatches gives the windows, one MatMul the map. */
    private static final class MatMulGraph implements AutoCloseable {
        private final Graph graph = new Graph();
        private final Session session;
        private final Placeholder<TFloat32> input;
        private final Placeholder<TFloat32> filter;
        private final MatMul<TFloat32> product;
        private final int outHeight;
        private final int outWidth;

        MatMulGraph(int height, int width, int kernelHeight, int kernelWidth, Device device) {
            Ops tf = Ops.create(graph);
            input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, height, width, 1)));
            filter = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(kernelHeight * kernelWidth, 1)));
            var patches = tf.image.extractImagePatches(input, List.of(1L, (long) kernelHeight, (long) kernelWidth, 1L),
                    List.of(1L, 1L, 1L, 1L), List.of(1L, 1L, 1L, 1L), "VALID");
            product = tf.linalg.matMul(tf.reshape(patches, tf.constant(new int[] {-1, kernelHeight * kernelWidth})), filter);
            outHeight = height - kernelHeight + 1;
            outWidth = width - kernelWidth + 1;
            session = new Session(graph, device.sessionConfig());
        }

        FeatureMaps run(Images image, Kernels kernel) {
            try (TFloat32 imageTensor = TFloat32.tensorOf(Shape.of(1, image.height(), image.width(), 1), DataBuffers.of(image.values(), true, false));
                    TFloat32 filterTensor = TFloat32.tensorOf(Shape.of(kernel.height() * kernel.width(), 1), DataBuffers.of(kernel.values(), true, false));
                    Result result = session.runner().feed(input, imageTensor).feed(filter, filterTensor).fetch(product).run()) {
                float[] values = new float[outHeight * outWidth];
                ((TFloat32) result.get(0)).asRawTensor().data().asFloats().read(values);
                return FeatureMaps.of(values, 1, 1, outHeight, outWidth);
            }
        }

        @Override
        public void close() {
            session.close();
            graph.close();
        }
    }
}
