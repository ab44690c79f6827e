package dev.convlab.training;

import java.util.List;

/**
 * Every accuracy the lesson text quotes, in one place, each either ConvLab's own measurement or the course's.
 * LessonNumbersTest finds every accuracy in {@code content/convolutions/*.md} and in its Japanese {@code ja/*.md}, and
 * fails on one that is not listed here or not labelled in its paragraph as ConvLab's or the course's; DefaultRunTest
 * trains the default run afresh and checks it against {@link #DEFAULT_RUN_MNIST}.
 */
public final class LessonNumbers {

    /** Whose number it is: ConvLab's measurement, or what the course's notebooks printed. */
    public enum Source { CONVLAB, COURSE }

    /** One quoted accuracy as the text writes it, with where it comes from. */
    public record Quoted(String text, Source source, String provenance) {

        public double value() {
            return Double.parseDouble(text);
        }
    }

    /**
     * Step 8's default run ({@link RunSettings#lessonDefault()}) on the shipped digits: test accuracy 0.962, 0.967,
     * 0.966, 0.961 and 0.963 for seeds 1–5 (the real trainer, 2026-12-01), quoted as their mean, 0.9638, to two places.
     */
    public static final Quoted DEFAULT_RUN_MNIST = new Quoted("0.96", Source.CONVLAB, "step 8's default run, seeds 1–5, DefaultRunTest");

    /** The lesson net on Fashion-MNIST, SGD 0.4, batch 256, 5 epochs, 8 seeds (README: bench/train accuracy). */
    public static final Quoted FASHION_LESSON_NET = new Quoted("0.819", Source.CONVLAB, "README, 8 seeds of ./bench/train");

    /** Its seed-to-seed spread over the same 8 seeds. */
    public static final Quoted FASHION_LESSON_NET_SPREAD = new Quoted("0.030", Source.CONVLAB, "README, 8 seeds of ./bench/train");

    /** The same recipe in PyTorch 1.13 over 8 seeds (bench/torch_train.py), the check that ConvLab trains like PyTorch. */
    public static final Quoted FASHION_LESSON_NET_PYTORCH = new Quoted("0.821", Source.CONVLAB, "README, 8 seeds of bench/torch_train.py");

    /** Course notebook 07_convolutions on 50,000 MNIST digits: 5 epochs at lr 0.4, then 5 more at 0.1. */
    public static final Quoted COURSE_MNIST_FIVE_EPOCHS = new Quoted("0.96", Source.COURSE, "notebook 07_convolutions, one run");
    public static final Quoted COURSE_MNIST_TEN_EPOCHS = new Quoted("0.976", Source.COURSE, "notebook 07_convolutions, one run");

    /** Course notebook 08_autoencoder: the lesson net on Fashion-MNIST, 5 epochs, printed once. */
    public static final Quoted COURSE_FASHION_LESSON_NET = new Quoted("0.857", Source.COURSE, "notebook 08_autoencoder, one run");

    /** Later notebooks of the course on Fashion-MNIST. */
    public static final Quoted COURSE_FASHION_BATCH_NORM = new Quoted("0.90", Source.COURSE, "later notebooks, wider CNN with batch norm");
    public static final Quoted COURSE_FASHION_ONE_CYCLE = new Quoted("0.906", Source.COURSE, "later notebooks, AdamW + one-cycle");

    public static final List<Quoted> ALL = List.of(DEFAULT_RUN_MNIST, FASHION_LESSON_NET, FASHION_LESSON_NET_SPREAD, FASHION_LESSON_NET_PYTORCH,
            COURSE_MNIST_FIVE_EPOCHS, COURSE_MNIST_TEN_EPOCHS, COURSE_FASHION_LESSON_NET, COURSE_FASHION_BATCH_NORM, COURSE_FASHION_ONE_CYCLE);

    private LessonNumbers() {}
}
