package dev.convlab.kernellab;

import dev.convlab.datasets.DatasetCatalog;
import dev.convlab.datasets.ImageSet;
import dev.convlab.i18n.Messages;
import dev.convlab.kernellab.compute.ConvolutionEngine;
import dev.convlab.kernellab.compute.ConvolutionSpec;
import dev.convlab.kernellab.compute.FeatureMaps;
import dev.convlab.kernellab.compute.Images;
import dev.convlab.kernellab.compute.Kernels;
import dev.convlab.kernellab.compute.Padding;
import dev.convlab.lesson.Exercise;
import dev.convlab.lesson.KernelJudge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * A learner's kernel passes when its feature maps on 64 held-out digits correlate (Pearson r) with the reference
 * kernel's maps by at least the exercise's tolerance: what counts is where it lights up, not its scale. It is judged on
 * the request's thread, and says so in the request's language.
 */
@ApplicationScoped
public class CorrelationKernelJudge implements KernelJudge {

    static final int FIRST_HELD_OUT = 9000;
    static final int HELD_OUT = 64;
    /** The most numbers one check computes: the learner's and the reference kernel's maps of every held-out digit. */
    public static final long OUTPUTS_PER_CHECK = 2L * HELD_OUT * 28 * 28;

    @Inject
    ConvolutionEngine engine;

    @Inject
    DatasetCatalog datasets;

    @Override
    public Exercise.Verdict judge(Exercise exercise, float[][] kernel) {
        Images digits = heldOutDigits();
        double r = correlation(maps(digits, kernel), maps(digits, exercise.referenceKernel()));
        boolean correct = r >= exercise.tolerance();
        KernelLabErrors messages = Messages.bundle(KernelLabErrors.class, Messages.current());
        StringBuilder feedback = new StringBuilder();
        if (Double.isNaN(r)) {
            feedback.append(messages.sameValueEverywhere()).append(' ');
        } else {
            feedback.append(messages.correlation(HELD_OUT, twoDecimals(r), twoDecimals(exercise.tolerance()))).append(' ');
            if (r <= -exercise.tolerance()) {
                feedback.append(messages.oppositeEdges()).append(' ');
            }
        }
        String said = feedback.append(exercise.feedback(correct)).toString();
        return new Exercise.Verdict(correct, () -> said);
    }

    private static String twoDecimals(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private Images heldOutDigits() {
        ImageSet mnist = datasets.get(DatasetCatalog.MNIST);
        return new Images(mnist.values(FIRST_HELD_OUT, FIRST_HELD_OUT + HELD_OUT), HELD_OUT, mnist.height(), mnist.width(), 1);
    }

    private float[] maps(Images digits, float[][] kernel) {
        int rows = kernel.length;
        int columns = kernel[0].length;
        float[] weights = new float[rows * columns];
        for (int y = 0; y < rows; y++) {
            System.arraycopy(kernel[y], 0, weights, y * columns, columns);
        }
        try (FeatureMaps maps = engine.convolve(digits, new Kernels(weights, 1, rows, columns, 1), ConvolutionSpec.of(1, 1, Padding.same()))) {
            return maps.toArray();
        }
    }

    /** Pearson's r; NaN when either map is constant. */
    static double correlation(float[] a, float[] b) {
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < a.length; i++) {
            meanA += a[i];
            meanB += b[i];
        }
        meanA /= a.length;
        meanB /= b.length;
        double covariance = 0;
        double varianceA = 0;
        double varianceB = 0;
        for (int i = 0; i < a.length; i++) {
            double da = a[i] - meanA;
            double db = b[i] - meanB;
            covariance += da * db;
            varianceA += da * da;
            varianceB += db * db;
        }
        return varianceA < 1e-12 || varianceB < 1e-12 ? Double.NaN : covariance / Math.sqrt(varianceA * varianceB);
    }
}
