package dev.convlab.datasets;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;

/**
 * Labelled images of one size kept as bytes, channels last (row, column, channel). Read from gzipped IDX files (the
 * MNIST format) or from photographs, which are centre-cropped and scaled to one square size.
 */
public final class ImageSet {

    private static final int IMAGES_MAGIC = 0x803;
    private static final int LABELS_MAGIC = 0x801;
    private static final int MAX_IMAGES = 100_000;
    private static final int MAX_SIDE = 512;

    private final int count;
    private final int height;
    private final int width;
    private final int channels;
    private final byte[] pixels;
    private final int[] labels;
    private final List<String> classNames;

    private ImageSet(int count, int height, int width, int channels, byte[] pixels, int[] labels, List<String> classNames) {
        this.count = count;
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.pixels = pixels;
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
    }

    /** Reads gzipped IDX streams; fails with a message naming what is wrong when they do not match. */
    public static ImageSet fromIdx(InputStream imagesGz, InputStream labelsGz, List<String> classNames) throws IOException {
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
            byte[] labelBytes = labelStream.readNBytes(count);
            if (pixels.length != count * height * width || labelBytes.length != count) {
                throw new IOException("IDX file is shorter than its header says");
            }
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = labelBytes[i];
                if (labels[i] < 0 || labels[i] >= classNames.size()) {
                    throw new IOException("label " + labels[i] + " at item " + i + " has no class name");
                }
            }
            return new ImageSet(count, height, width, 1, pixels, labels, classNames);
        }
    }

    /** Photographs, each centre-cropped to a square and scaled to {@code side}×{@code side} RGB; label i is photo i. */
    public static ImageSet fromPhotos(List<InputStream> photos, List<String> names, int side) throws IOException {
        byte[] pixels = new byte[photos.size() * side * side * 3];
        int[] labels = new int[photos.size()];
        for (int i = 0; i < photos.size(); i++) {
            BufferedImage photo = ImageIO.read(photos.get(i));
            if (photo == null) {
                throw new IOException("photo " + names.get(i) + " is not a readable image");
            }
            BufferedImage square = squareCrop(photo, side);
            int offset = i * side * side * 3;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int rgb = square.getRGB(x, y);
                    int at = offset + (y * side + x) * 3;
                    pixels[at] = (byte) (rgb >> 16);
                    pixels[at + 1] = (byte) (rgb >> 8);
                    pixels[at + 2] = (byte) rgb;
                }
            }
            labels[i] = i;
        }
        return new ImageSet(photos.size(), side, side, 3, pixels, labels, names);
    }

    private static BufferedImage squareCrop(BufferedImage photo, int side) {
        int crop = Math.min(photo.getWidth(), photo.getHeight());
        int left = (photo.getWidth() - crop) / 2;
        int top = (photo.getHeight() - crop) / 2;
        BufferedImage square = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = square.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        graphics.drawImage(photo, 0, 0, side, side, left, top, left + crop, top + crop, null);
        graphics.dispose();
        return square;
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

    public int channels() {
        return channels;
    }

    public int label(int index) {
        return labels[index];
    }

    public String className(int index) {
        return classNames.get(labels[index]);
    }

    /** Writes one image's values (0 to 1, row by row, channels last) into {@code target} from {@code offset}. */
    public void copyInto(int index, float[] target, int offset) {
        int size = height * width * channels;
        for (int i = 0; i < size; i++) {
            target[offset + i] = (pixels[index * size + i] & 0xff) / 255f;
        }
    }

    /** Images {@code from} to {@code to} (exclusive), one after another, as {@link #copyInto} lays them out. */
    public float[] values(int from, int to) {
        int size = height * width * channels;
        float[] values = new float[(to - from) * size];
        for (int i = from; i < to; i++) {
            copyInto(i, values, (i - from) * size);
        }
        return values;
    }

    /** One image as rows of values from 0 to 1: {@code float[h][w]} for grey, {@code float[h][w][c]} for colour. */
    public Object image(int index) {
        float[] values = new float[height * width * channels];
        copyInto(index, values, 0);
        if (channels == 1) {
            float[][] rows = new float[height][width];
            for (int y = 0; y < height; y++) {
                System.arraycopy(values, y * width, rows[y], 0, width);
            }
            return rows;
        }
        float[][][] rows = new float[height][width][channels];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                System.arraycopy(values, (y * width + x) * channels, rows[y][x], 0, channels);
            }
        }
        return rows;
    }
}
