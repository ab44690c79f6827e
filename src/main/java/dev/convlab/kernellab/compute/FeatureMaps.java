package dev.convlab.kernellab.compute;

/** The output of a convolution: one map per image and kernel, values in (image, kernel, row, column) order. */
public record FeatureMaps(float[] values, int count, int kernels, int height, int width) {

    public float at(int image, int kernel, int row, int column) {
        return values[((image * kernels + kernel) * height + row) * width + column];
    }
}
