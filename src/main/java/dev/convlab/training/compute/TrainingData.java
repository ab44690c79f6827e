package dev.convlab.training.compute;

/** Grey 28×28 images (values 0–1, row by row) and their class labels 0–9. */
public record TrainingData(float[] images, int[] labels) {

    public static final int PIXELS = Architecture.INPUT_SIDE * Architecture.INPUT_SIDE;

    public TrainingData {
        if (images.length != labels.length * PIXELS) {
            throw new IllegalArgumentException(images.length + " values are not " + labels.length + " images of 28×28");
        }
    }

    public int count() {
        return labels.length;
    }
}
