package dev.convlab.kernellab.compute;

/**
 * Everything that fixes a convolution graph's shapes: one graph is built per signature and reused, and only requests of
 * one signature are computed together.
 */
public record Signature(int count, int height, int width, int channels, int kernels, int kernelHeight, int kernelWidth,
        ConvolutionSpec spec) {

    public static Signature of(Images images, Kernels kernels, ConvolutionSpec spec) {
        return new Signature(images.count(), images.height(), images.width(), images.channels(), kernels.count(),
                kernels.height(), kernels.width(), spec);
    }
}
