package dev.convlab.datasets;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Grayscale images and their labels, read from a pair of gzipped IDX files (the MNIST format). */
public final class LabelledImages {

    private static final int IMAGES_MAGIC = 0x803;
    private static final int LABELS_MAGIC = 0x801;
    private static final int MAX_IMAGES = 100_000;
    private static final int MAX_SIDE = 512;

    private final int count;
    private final int height;
    private final int width;
    private final byte[] pixels;
    private final byte[] labels;

    private LabelledImages(int count, int height, int width, byte[] pixels, byte[] labels) {
        this.count = count;
        this.height = height;
        this.width = width;
        this.pixels = pixels;
        this.labels = labels;
    }

    /** Reads gzipped IDX streams; fails with a message naming what is wrong when they do not match. */
    public static LabelledImages read(InputStream imagesGz, InputStream labelsGz) throws IOException {
        try (DataInputStream images = new DataInputStream(new GZIPInputStream(imagesGz));
                DataInputStream labelStream = new DataInputStream(new GZIPInputStream(labelsGz))) {
            if (images.readInt() != IMAGES_MAGIC || labelStream.readInt() != LABELS_MAGIC) {
                throw new IOException("not an IDX image file and an IDX label file");
            }
            int count = images.readInt();
            int height = images.readInt();
            int width = images.readInt();
            if (count < 1 || count > MAX_IMAGES || height < 1 || height > MAX_SIDE || width < 1 || width > MAX_SIDE) {
                throw new IOException("unexpected IDX dimensions " + count + "×" + height + "×" + width);
            }
            if (labelStream.readInt() != count) {
                throw new IOException("image and label files hold different numbers of items");
            }
            byte[] pixels = images.readNBytes(count * height * width);
            byte[] labels = labelStream.readNBytes(count);
            if (pixels.length != count * height * width || labels.length != count) {
                throw new IOException("IDX file is shorter than its header says");
            }
            return new LabelledImages(count, height, width, pixels, labels);
        }
    }

    public int count() {
        return count;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public int label(int index) {
        return labels[index];
    }

    /** Writes one image's values (0 to 1, row by row) into {@code target} from {@code offset}. */
    public void copyInto(int index, float[] target, int offset) {
        int size = height * width;
        for (int i = 0; i < size; i++) {
            target[offset + i] = (pixels[index * size + i] & 0xff) / 255f;
        }
    }

    /** One image as rows of values from 0 to 1. */
    public float[][] image(int index) {
        float[][] rows = new float[height][width];
        int offset = index * height * width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                rows[y][x] = (pixels[offset + y * width + x] & 0xff) / 255f;
            }
        }
        return rows;
    }
}
