package dev.convlab.kernellab.compute;

/**
 * The output of a convolution: one map per image and kernel. Values are in (image, row, column, kernel) order, the
 * order TensorFlow computes them in; readers go through {@link #at}, so that no pass over a large batch only reorders.
 */
public record FeatureMaps(float[] values, int count, int kernels, int height, int width) {

    public float at(int image, int kernel, int row, int column) {
        return values[((image * height + row) * width + column) * kernels + kernel];
    }
}
