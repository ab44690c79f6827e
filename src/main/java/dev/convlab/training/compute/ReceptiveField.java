package dev.convlab.training.compute;

import dev.convlab.training.compute.Architecture.Downsampling;
import dev.convlab.training.compute.Architecture.Layer;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The effective receptive field of one activation (lesson step 9): how strongly each input pixel moves it, beside the
 * theoretical window of pixels it can see at all.
 */
public final class ReceptiveField {

    /**
     * d activation / d input for the 28×28 pixels row by row, the theoretical window in input pixels (inclusive, clipped
     * to the image), and the activation itself.
     */
    public record Field(float[] gradient, int top, int left, int bottom, int right, float activation) {}

    private ReceptiveField() {}

    /**
     * The field of the activation at ({@code y}, {@code x}) in {@code channel} of row {@code layer} of
     * {@code architecture.plan()} (a convolution or pooling row; a convolution's activation is after batch norm and
     * ReLU), for one image through a network with {@code weights}, batch norm on its moving statistics.
     */
    public static Field of(Architecture architecture, TrainedWeights weights, float[] image784, int layer, int channel, int y, int x) {
        List<Layer> plan = architecture.plan();
        if (layer < 0 || layer >= plan.size() - 1) {
            throw new IllegalArgumentException("layer must be a convolution or pooling row, 0 to " + (plan.size() - 2) + ", not " + layer);
        }
        Layer row = plan.get(layer);
        check("channel", channel, row.channels());
        check("y", y, row.height());
        check("x", x, row.width());
        if (image784.length != TrainingData.PIXELS) {
            throw new IllegalArgumentException("the image has " + image784.length + " values, not 28×28");
        }
        int[] rows = window(architecture, plan, layer, y, true);
        int[] columns = window(architecture, plan, layer, x, false);
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, 28, 28, 1)));
            Network.Parameters stored = (name, shape, initial) -> {
                TrainedWeights.Tensor tensor = weights.tensor(name);
                if (!Arrays.equals(tensor.shape(), shape.asArray())) {
                    throw new IllegalArgumentException(name + " has shape " + Arrays.toString(tensor.shape()) + ", the architecture needs " + shape);
                }
                return tf.constant(shape, DataBuffers.of(tensor.values(), true, false));
            };
            Operand<TFloat32> map = Network.build(tf, architecture, input, stored, false).layers().get(layer);
            float[] pick = new float[row.height() * row.width() * row.channels()];
            pick[(y * row.width() + x) * row.channels() + channel] = 1;
            Operand<TFloat32> activation = tf.reduceSum(tf.math.mul(map, tf.constant(Shape.of(1, row.height(), row.width(), row.channels()),
                    DataBuffers.of(pick, true, false))), tf.constant(new int[] {0, 1, 2, 3}));
            Output<?> gradient = graph.addGradients(activation.asOutput(), new Output<?>[] {input.asOutput()})[0];
            try (Session session = new Session(graph, Trainer.config(false, 1));
                    TFloat32 image = TFloat32.tensorOf(Shape.of(1, 28, 28, 1), DataBuffers.of(image784, true, false));
                    Result result = session.runner().feed(input, image).fetch(activation).fetch(gradient).run()) {
                float[] values = new float[TrainingData.PIXELS];
                ((TFloat32) result.get(1)).copyTo(DataBuffers.of(values, false, false));
                return new Field(values, rows[0], columns[0], rows[1], columns[1], ((TFloat32) result.get(0)).getFloat());
            }
        }
    }

    private static void check(String what, int value, int size) {
        if (value < 0 || value >= size) {
            throw new IllegalArgumentException(what + " must be from 0 to " + (size - 1) + " in that layer, not " + value);
        }
    }

    /** The first and last input row (or column) that reach {@code position}, walking the plan back from {@code layer}. */
    private static int[] window(Architecture architecture, List<Layer> plan, int layer, int position, boolean vertical) {
        boolean strided = architecture.downsampling() == Downsampling.STRIDE2;
        int first = position;
        int last = position;
        for (int row = layer; row >= 0; row--) {
            Layer below = row == 0 ? null : plan.get(row - 1);
            int side = below == null ? Architecture.INPUT_SIDE : vertical ? below.height() : below.width();
            boolean pool = !strided && row % 2 == 1;
            int kernel = pool ? 2 : architecture.kernelSize();
            int stride = pool || strided ? 2 : 1;
            int pad = pool ? 0 : kernel / 2;
            first = Math.max(0, first * stride - pad);
            last = Math.min(side - 1, last * stride - pad + kernel - 1);
        }
        return new int[] {first, last};
    }
}
