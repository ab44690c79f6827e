package dev.convlab.kernellab.compute;

/** Stride, dilation and padding of a convolution, per axis. */
public record ConvolutionSpec(int strideHeight, int strideWidth, int dilationHeight, int dilationWidth, Padding padding) {

    public static ConvolutionSpec of(int stride, int dilation, Padding padding) {
        return new ConvolutionSpec(stride, stride, dilation, dilation, padding);
    }

    public int[] paddingRows(int height, int kernelHeight) {
        return padding.along(height, kernelHeight, strideHeight, dilationHeight, true);
    }

    public int[] paddingColumns(int width, int kernelWidth) {
        return padding.along(width, kernelWidth, strideWidth, dilationWidth, false);
    }

    /** Output rows: floor((n + padding − d·(k−1) − 1) / s) + 1, or 0 when the kernel does not fit. */
    public int outputHeight(int height, int kernelHeight) {
        int[] pad = paddingRows(height, kernelHeight);
        return outputSize(height + pad[0] + pad[1], kernelHeight, strideHeight, dilationHeight);
    }

    public int outputWidth(int width, int kernelWidth) {
        int[] pad = paddingColumns(width, kernelWidth);
        return outputSize(width + pad[0] + pad[1], kernelWidth, strideWidth, dilationWidth);
    }

    private static int outputSize(int padded, int kernel, int stride, int dilation) {
        int span = dilation * (kernel - 1) + 1;
        return padded < span ? 0 : (padded - span) / stride + 1;
    }
}
