package dev.convlab.kernellab.compute;

import org.tensorflow.Result;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.types.TFloat32;

/**
 * The output of a convolution: one map per image and kernel, in (image, row, column, kernel) order, the order
 * TensorFlow computes them in. Maps computed by TensorFlow are read where TensorFlow wrote them, until closed: a 1,000
 * image batch is 6 MB that no one has to copy only to copy it again into an answer.
 */
public final class FeatureMaps implements AutoCloseable {

    private final FloatDataBuffer values;
    private final Result owner;
    private final int count;
    private final int kernels;
    private final int height;
    private final int width;

    private FeatureMaps(FloatDataBuffer values, Result owner, int count, int kernels, int height, int width) {
        this.values = values;
        this.owner = owner;
        this.count = count;
        this.kernels = kernels;
        this.height = height;
        this.width = width;
    }

    /** Maps held in Java, {@code values} in (image, row, column, kernel) order. */
    public static FeatureMaps of(float[] values, int count, int kernels, int height, int width) {
        return new FeatureMaps(DataBuffers.of(values, true, false), null, count, kernels, height, width);
    }

    /** The maps TensorFlow returned, [image, row, column, kernel]; they live as long as {@code result}, which closing these closes. */
    static FeatureMaps of(Result result) {
        TFloat32 maps = (TFloat32) result.get(0);
        long[] shape = maps.shape().asArray();
        return new FeatureMaps(maps.asRawTensor().data().asFloats(), result, (int) shape[0], (int) shape[3],
                (int) shape[1], (int) shape[2]);
    }

    public float at(int image, int kernel, int row, int column) {
        return values.getFloat(((((long) image * height + row) * width + column) * kernels + kernel));
    }

    /** A copy of every value, in (image, row, column, kernel) order. */
    public float[] toArray() {
        float[] copy = new float[Math.toIntExact(values.size())];
        values.read(copy);
        return copy;
    }

    public int count() {
        return count;
    }

    public int kernels() {
        return kernels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    @Override
    public void close() {
        if (owner != null) {
            owner.close();
        }
    }
}
