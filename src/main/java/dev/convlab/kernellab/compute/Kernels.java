package dev.convlab.kernellab.compute;

/** Several kernels of one size, values in (kernel, row, column, channel) order, as learners type them. */
public record Kernels(float[] values, int count, int height, int width, int channels) {

    public Kernels {
        if ((long) count * height * width * channels != values.length) {
            throw new IllegalArgumentException("%d values do not make %d kernels of %d×%d×%d"
                    .formatted(values.length, count, height, width, channels));
        }
    }

    public float at(int kernel, int row, int column, int channel) {
        return values[((kernel * height + row) * width + column) * channels + channel];
    }

    /** The same weights in TensorFlow's filter layout: [height, width, in channels, out channels]. */
    float[] asFilter() {
        float[] filter = new float[values.length];
        for (int k = 0; k < count; k++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    for (int c = 0; c < channels; c++) {
                        filter[((y * width + x) * channels + c) * count + k] = at(k, y, x, c);
                    }
                }
            }
        }
        return filter;
    }
}
