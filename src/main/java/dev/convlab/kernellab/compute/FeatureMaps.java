package dev.convlab.kernellab.compute;

import org.tensorflow.Result;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.types.TFloat32;

/**
 * The output of a convolution: one map per image and kernel, in (image, row, column, kernel) order, the order
 * TensorFlow computes them in. Maps computed by TensorFlow are read where TensorFlow wrote them, until closed: a 1,000
 * image batch is 6 MB that no one has to copy only to copy it again into an answer. Maps computed together with other
 * requests' ({@link ConvolutionEngine#convolveTogether}) sit between theirs: {@code step} numbers apart per position.
 */
public final class FeatureMaps implements AutoCloseable {

    /** TensorFlow's memory, or null when the maps are held in {@link #heap}. */
    private final FloatDataBuffer values;
    private final float[] heap;
    private final Result owner;
    private final int count;
    private final int kernels;
    private final int height;
    private final int width;
    private final long first;
    private final int step;

    private FeatureMaps(FloatDataBuffer values, float[] heap, Result owner, int count, int kernels, int height, int width,
            long first, int step) {
        this.values = values;
        this.heap = heap;
        this.owner = owner;
        this.count = count;
        this.kernels = kernels;
        this.height = height;
        this.width = width;
        this.first = first;
        this.step = step;
    }

    /** Maps held in Java, {@code values} in (image, row, column, kernel) order. */
    public static FeatureMaps of(float[] values, int count, int kernels, int height, int width) {
        return new FeatureMaps(null, values, null, count, kernels, height, width, 0, kernels);
    }

    /** The maps TensorFlow returned, [image, row, column, kernel]; they live as long as {@code result}, which closing these closes. */
    static FeatureMaps of(Result result) {
        TFloat32 maps = (TFloat32) result.get(0);
        long[] shape = maps.shape().asArray();
        return new FeatureMaps(maps.asRawTensor().data().asFloats(), null, result, (int) shape[0], (int) shape[3],
                (int) shape[1], (int) shape[2], 0, (int) shape[3]);
    }

    /**
     * One image's maps among several requests' in {@code values}: at each position, the {@code kernels} numbers from
     * {@code first} on, and the next position {@code step} numbers further.
     */
    static FeatureMaps interleaved(float[] values, long first, int step, int kernels, int height, int width) {
        return new FeatureMaps(null, values, null, 1, kernels, height, width, first, step);
    }

    public float at(int image, int kernel, int row, int column) {
        long index = first + (((long) image * height + row) * width + column) * step + kernel;
        return heap != null ? heap[(int) index] : values.getFloat(index);
    }

    /** A copy of every value, in (image, row, column, kernel) order. */
    public float[] toArray() {
        float[] copy = new float[count * height * width * kernels];
        if (first == 0 && step == kernels) {
            if (heap != null) {
                System.arraycopy(heap, 0, copy, 0, copy.length);
            } else {
                values.read(copy);
            }
            return copy;
        }
        int i = 0;
        for (int n = 0; n < count; n++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    for (int k = 0; k < kernels; k++) {
                        copy[i++] = at(n, k, y, x);
                    }
                }
            }
        }
        return copy;
    }

    /**
     * The maps as nested arrays [image][kernel][row][column], as the API answers them: read in one copy first, since
     * reading TensorFlow's memory a number at a time was a tenth of a lab request.
     */
    public float[][][][] nested() {
        float[] flat = toArray();
        float[][][][] nested = new float[count][kernels][height][width];
        int i = 0;
        for (int n = 0; n < count; n++) {
            float[][][] image = nested[n];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    for (int k = 0; k < kernels; k++) {
                        image[k][y][x] = flat[i++];
                    }
                }
            }
        }
        return nested;
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
