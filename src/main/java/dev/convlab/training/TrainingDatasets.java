package dev.convlab.training;

import dev.convlab.datasets.DatasetCatalog;
import dev.convlab.datasets.DatasetConfig;
import dev.convlab.datasets.ImageSet;
import dev.convlab.i18n.Text;
import dev.convlab.platform.ProblemException;
import dev.convlab.training.compute.TrainingData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Training and validation splits: the shipped MNIST digits split 9,000 / 1,000 in a fixed shuffled order, and
 * Fashion-MNIST's own 60,000 / 10,000 from Debian's package. Each split is loaded once per node.
 */
@ApplicationScoped
public class TrainingDatasets {

    /** The images a run learns from and the ones it is measured on. */
    public record Splits(TrainingData train, TrainingData validation) {}

    @Inject
    DatasetCatalog catalog;

    @Inject
    DatasetConfig config;

    private static final long DIGIT_SPLIT_SEED = 2026;
    private static final int FASHION_TRAIN = 60_000;
    private static final int FASHION_TEST = 10_000;

    private final Map<String, Splits> loaded = new ConcurrentHashMap<>();

    public Splits get(String name) {
        return loaded.computeIfAbsent(name, this::load);
    }

    /**
     * How many images a run of {@code name} trains on and is measured on, without reading Fashion-MNIST's 70,000
     * images on a node that has not loaded them: that dataset's own split is 60,000 / 10,000.
     */
    public int[] sizes(String name) {
        Splits splits = loaded.get(name);
        if (splits == null && DatasetCatalog.FASHION_MNIST.equals(name)) {
            return new int[] {FASHION_TRAIN, FASHION_TEST};
        }
        splits = splits == null ? get(name) : splits;
        return new int[] {splits.train().count(), splits.validation().count()};
    }

    private Splits load(String name) {
        if (DatasetCatalog.MNIST.equals(name)) {
            return digitSplits(catalog.get(DatasetCatalog.MNIST));
        }
        if (!DatasetCatalog.FASHION_MNIST.equals(name)) {
            throw ProblemException.badField("dataset", Text.of(TrainingErrors.class, TrainingErrors::datasetChoice));
        }
        ImageSet train = read(config.fashionMnistDir(), "train");
        ImageSet test = read(config.fashionMnistDir(), "t10k");
        return new Splits(slice(train, 0, train.count()), slice(test, 0, test.count()));
    }

    private static ImageSet read(Path dir, String split) {
        try (InputStream images = Files.newInputStream(dir.resolve(split + "-images-idx3-ubyte.gz"));
                InputStream labels = Files.newInputStream(dir.resolve(split + "-labels-idx1-ubyte.gz"))) {
            return ImageSet.fromIdx(images, labels, IntStream.range(0, 10).mapToObj(String::valueOf).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Fashion-MNIST is not readable in " + dir + " (apt-get install dataset-fashion-mnist)", e);
        }
    }

    /**
     * The shipped digits' splits. The digits are stored as 0, 1, …, 9 over and over, and the classes run out at
     * different ranks, so the last thousand hold no 5 at all: the split takes a fixed shuffle of all 10,000 instead.
     */
    public static Splits digitSplits(ImageSet digits) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, digits.count()).boxed().toList());
        Collections.shuffle(order, new Random(DIGIT_SPLIT_SEED));
        int train = digits.count() * 9 / 10;
        return new Splits(subset(digits, order.subList(0, train)), subset(digits, order.subList(train, order.size())));
    }

    private static TrainingData subset(ImageSet set, List<Integer> indices) {
        int pixels = TrainingData.PIXELS;
        float[] images = new float[indices.size() * pixels];
        int[] labels = new int[indices.size()];
        for (int i = 0; i < indices.size(); i++) {
            set.copyInto(indices.get(i), images, i * pixels);
            labels[i] = set.label(indices.get(i));
        }
        return new TrainingData(images, labels);
    }

    /** Images {@code from} to {@code to} (exclusive) of a grey 28×28 set, as training data. */
    public static TrainingData slice(ImageSet set, int from, int to) {
        int[] labels = new int[to - from];
        for (int i = from; i < to; i++) {
            labels[i - from] = set.label(i);
        }
        return new TrainingData(set.values(from, to), labels);
    }
}
