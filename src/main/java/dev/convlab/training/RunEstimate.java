package dev.convlab.training;

/**
 * How long a run takes, before it ever ran: its work in multiply-adds over this node's measured multiply-adds per
 * second. A training image costs a forward and a backward pass, about three forward passes; the validation images are
 * evaluated (forward only) after every epoch and once more for the test result.
 */
public final class RunEstimate {

    /** Forward + backward (the gradients with respect to both the inputs and the weights) ≈ 3 forward passes. */
    static final double TRAINING_PASSES = 3;

    private RunEstimate() {}

    /** The multiply-adds of a whole run of {@code epochs} over the given images, for a network of {@code multiplyAddsPerImage}. */
    public static double work(long multiplyAddsPerImage, int trainImages, int validationImages, int epochs) {
        return multiplyAddsPerImage * (TRAINING_PASSES * trainImages * epochs + (double) validationImages * (epochs + 1));
    }

    /** Seconds for {@code work} multiply-adds at {@code multiplyAddsPerSecond}. */
    public static double seconds(double work, double multiplyAddsPerSecond) {
        if (!(multiplyAddsPerSecond > 0)) {
            throw new IllegalArgumentException("a throughput must be positive, not " + multiplyAddsPerSecond);
        }
        return work / multiplyAddsPerSecond;
    }

    /**
     * Seconds left for a run {@code elapsed} seconds in, with {@code epochsDone} of {@code epochs} done: once an epoch
     * is done, this run's own pace; before, the estimate less the time spent, never below a second.
     */
    public static double remaining(double estimate, double elapsed, int epochsDone, int epochs) {
        if (epochsDone > 0) {
            return Math.max(0, elapsed / epochsDone * (epochs - epochsDone));
        }
        return Math.max(1, estimate - elapsed);
    }
}
