package dev.convlab.kernellab.compute;

/** A batch of images, values in NHWC order (image, row, column, channel), as TensorFlow lays them out. */
public record Images(float[] values, int count, int height, int width, int channels) {

    public Images {
        if ((long) count * height * width * channels != values.length) {
            throw new IllegalArgumentException("%d values do not make %d×%d×%d×%d images"
                    .formatted(values.length, count, height, width, channels));
        }
    }

    public float at(int image, int row, int column, int channel) {
        return values[((image * height + row) * width + column) * channels + channel];
    }
}
