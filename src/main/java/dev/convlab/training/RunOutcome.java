package dev.convlab.training;

import dev.convlab.datasets.DatasetCatalog;
import dev.convlab.i18n.Language;
import dev.convlab.i18n.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a finished run came to, judged from its test confusion matrix: it learned; it collapsed (test accuracy near
 * chance, or one class predicted for nearly every image: the network stopped using its input); or it diverged. A
 * collapsed run is a result (it stays on the leaderboard) but not a success, and the learner is told what to try.
 */
public record RunOutcome(String kind, String explanation) {

    public static final String LEARNED = "learned";
    public static final String COLLAPSED = "collapsed";
    public static final String DIVERGED = "diverged";

    /** Ten classes: guessing gets 0.1, so anything below twice that learned next to nothing. */
    static final double NEAR_CHANCE = 0.2;
    /** The share of all predictions that makes one class "nearly everything". */
    static final double ONE_CLASS = 0.8;

    /** The outcome's kind for a run that ended in {@code state} with {@code confusion}; null for a run that did not end so. */
    public static String kind(String state, int[][] confusion) {
        if (TrainingRun.DIVERGED.equals(state)) {
            return DIVERGED;
        }
        if (!TrainingRun.SUCCEEDED.equals(state) || confusion == null) {
            return null;
        }
        return accuracy(confusion) < NEAR_CHANCE || dominantShare(confusion) >= ONE_CLASS ? COLLAPSED : LEARNED;
    }

    /** The outcome of a stored run, with the explanation the pages show in the reader's language; null while it has none. */
    public static RunOutcome of(TrainingRun run, Language language) {
        if (run.outcome == null) {
            return null;
        }
        TrainingMessages words = Messages.bundle(TrainingMessages.class, language);
        return new RunOutcome(run.outcome, switch (run.outcome) {
            case DIVERGED -> words.outcomeDiverged() + " " + words.whatToTry();
            case COLLAPSED -> collapse(run.dataset, confusion(run.result), language);
            default -> words.outcomeLearned();
        });
    }

    static String collapse(String dataset, int[][] confusion, Language language) {
        TrainingMessages words = Messages.bundle(TrainingMessages.class, language);
        if (confusion == null) {
            return words.learnedNextToNothing() + " " + words.whatToTry();
        }
        String name = DatasetCatalog.className(dataset, dominantClass(confusion), language);
        String symptom = dominantShare(confusion) >= ONE_CLASS
                ? words.predictsOneClass(name, String.format(Locale.ROOT, "%.0f", 100 * dominantShare(confusion)))
                : words.accuracyNearChance(String.format(Locale.ROOT, "%.1f", 100 * accuracy(confusion)));
        return words.collapsed(symptom) + " " + words.whatToTry();
    }

    static double accuracy(int[][] confusion) {
        long right = 0;
        long all = 0;
        for (int t = 0; t < confusion.length; t++) {
            for (int p = 0; p < confusion[t].length; p++) {
                all += confusion[t][p];
                right += t == p ? confusion[t][p] : 0;
            }
        }
        return all == 0 ? 0 : (double) right / all;
    }

    /** The share of all predictions that went to the most predicted class. */
    static double dominantShare(int[][] confusion) {
        long[] predicted = predictedPerClass(confusion);
        long all = 0;
        for (long count : predicted) {
            all += count;
        }
        return all == 0 ? 0 : (double) predicted[dominantClass(confusion)] / all;
    }

    static int dominantClass(int[][] confusion) {
        long[] predicted = predictedPerClass(confusion);
        int best = 0;
        for (int c = 1; c < predicted.length; c++) {
            best = predicted[c] > predicted[best] ? c : best;
        }
        return best;
    }

    private static long[] predictedPerClass(int[][] confusion) {
        long[] predicted = new long[confusion[0].length];
        for (int[] row : confusion) {
            for (int p = 0; p < row.length; p++) {
                predicted[p] += row[p];
            }
        }
        return predicted;
    }

    /** The confusion matrix of a result, as the worker made it or as stored (JSON arrays of numbers); null when it has none. */
    static int[][] confusion(Map<String, Object> result) {
        if (result != null && result.get("confusion") instanceof int[][] matrix) {
            return matrix;
        }
        if (result == null || !(result.get("confusion") instanceof List<?> rows)) {
            return null;
        }
        int[][] matrix = new int[rows.size()][];
        for (int t = 0; t < rows.size(); t++) {
            List<?> row = (List<?>) rows.get(t);
            matrix[t] = row.stream().mapToInt(v -> ((Number) v).intValue()).toArray();
        }
        return matrix;
    }
}
