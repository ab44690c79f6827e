package dev.convlab.kernellab.compute;

/**
 * The convolution as four nested loops in plain Java: the reference the tests hold TensorFlow to, and the
 * "slow way" of the im2col step's timing race. Never used to answer a convolution request.
 */
public final class ReferenceConvolution {

    private ReferenceConvolution() {}

    public static FeatureMaps convolve(Images images, Kernels kernels, ConvolutionSpec spec) {
        int[] rows = spec.paddingRows(images.height(), kernels.height());
        int[] columns = spec.paddingColumns(images.width(), kernels.width());
        int outHeight = spec.outputHeight(images.height(), kernels.height());
        int outWidth = spec.outputWidth(images.width(), kernels.width());
        float[] out = new float[images.count() * kernels.count() * outHeight * outWidth];
        int i = 0;
        for (int n = 0; n < images.count(); n++) {
            for (int oy = 0; oy < outHeight; oy++) {
                for (int ox = 0; ox < outWidth; ox++) {
                    for (int k = 0; k < kernels.count(); k++) {
                        out[i++] = window(images, kernels, spec, n, k, oy * spec.strideHeight() - rows[0],
                                ox * spec.strideWidth() - columns[0]);
                    }
                }
            }
        }
        return FeatureMaps.of(out, images.count(), kernels.count(), outHeight, outWidth);
    }

    private static float window(Images images, Kernels kernels, ConvolutionSpec spec, int n, int k, int top, int left) {
        double sum = 0;
        for (int ky = 0; ky < kernels.height(); ky++) {
            int y = top + ky * spec.dilationHeight();
            if (y < 0 || y >= images.height()) {
                continue;
            }
            for (int kx = 0; kx < kernels.width(); kx++) {
                int x = left + kx * spec.dilationWidth();
                if (x < 0 || x >= images.width()) {
                    continue;
                }
                for (int c = 0; c < kernels.channels(); c++) {
                    sum += images.at(n, y, x, c) * kernels.at(k, ky, kx, c);
                }
            }
        }
        return (float) sum;
    }
}
