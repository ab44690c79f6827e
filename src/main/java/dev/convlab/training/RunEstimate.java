package dev.convlab.training;

/**
 * How long a run takes, before it ever ran: its work in multiply-adds over this node's measured multiply-adds per
 * second, plus a fixed cost per training step. A training image costs a forward and a backward pass, about three
 * forward passes; the validation images are evaluated (forward only) after every epoch and once more for the test result.
 */
public final class RunEstimate {

    /** Forward + backward (the gradients with respect to both the inputs and the weights) ≈ 3 forward passes. */
    static final double TRAINING_PASSES = 3;

    private RunEstimate() {}

    /** The multiply-adds of a whole run of {@code epochs} over the given images, for a network of {@code multiplyAddsPerImage}. */
    public static double work(long multiplyAddsPerImage, int trainImages, int validationImages, int epochs) {
        return multiplyAddsPerImage * (TRAINING_PASSES * trainImages * epochs + (double) validationImages * (epochs + 1));
    }

    /**
     * What a training step costs however few images it holds (session call, optimizer update, feeding): measured here
     * with blank batches of the lesson networks, 1.4–1.6 ms a step at batch 1 against 0.05–0.1 ms per image at batch
     * 256. Without it a batch-1 run's estimate was 50 s for about 15 minutes of training.
     */
    static final double STEP_SECONDS = 0.0015;

    /** Seconds for {@code work} multiply-adds in {@code steps} training steps at {@code multiplyAddsPerSecond}. */
    public static double seconds(double work, long steps, double multiplyAddsPerSecond) {
        if (!(multiplyAddsPerSecond > 0)) {
            throw new IllegalArgumentException("a throughput must be positive, not " + multiplyAddsPerSecond);
        }
        return steps * STEP_SECONDS + work / multiplyAddsPerSecond;
    }

    /**
     * The multiply-adds per second of a run that did {@code work} in {@code steps} steps and {@code seconds}, its steps'
     * fixed cost taken out (never more than nine tenths of its time, so a fast machine's rate stays finite).
     */
    public static double rate(double work, long steps, double seconds) {
        return work / Math.max(seconds - steps * STEP_SECONDS, seconds / 10);
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
