package dev.convlab.kernellab.compute;

/** Everything that fixes a convolution graph's shapes: one graph is built per signature and reused. */
record Signature(int count, int height, int width, int channels, int kernels, int kernelHeight, int kernelWidth,
        ConvolutionSpec spec) {

    static Signature of(Images images, Kernels kernels, ConvolutionSpec spec) {
        return new Signature(images.count(), images.height(), images.width(), images.channels(), kernels.count(),
                kernels.height(), kernels.width(), spec);
    }
}
