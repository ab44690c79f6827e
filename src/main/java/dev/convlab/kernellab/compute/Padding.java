package dev.convlab.kernellab.compute;

/**
 * How the input is padded before the kernel slides: {@code VALID} (none), {@code SAME} (TensorFlow's rule: the output
 * is ceil(n / stride) and any odd padding goes to the bottom and right), or explicit rows and columns of zeros.
 */
public record Padding(Mode mode, int top, int bottom, int left, int right) {

    /** The three ways to pad. */
    public enum Mode { VALID, SAME, EXPLICIT }

    public static Padding valid() {
        return new Padding(Mode.VALID, 0, 0, 0, 0);
    }

    public static Padding same() {
        return new Padding(Mode.SAME, 0, 0, 0, 0);
    }

    public static Padding explicit(int top, int bottom, int left, int right) {
        return new Padding(Mode.EXPLICIT, top, bottom, left, right);
    }

    /** Zeros added before and after along one axis of size {@code size}, as TensorFlow pads it. */
    int[] along(int size, int kernel, int stride, int dilation, boolean vertical) {
        return switch (mode) {
            case VALID -> new int[] {0, 0};
            case EXPLICIT -> vertical ? new int[] {top, bottom} : new int[] {left, right};
            case SAME -> {
                int output = (size + stride - 1) / stride;
                int total = Math.max((output - 1) * stride + dilation * (kernel - 1) + 1 - size, 0);
                yield new int[] {total / 2, total - total / 2};
            }
        };
    }
}
