package dev.convlab.training.compute;

/** How to train: the architecture, the optimizer and its learning rate, batch size, epochs and the seed. */
public record TrainingSettings(Architecture architecture, Optimizer optimizer, float learningRate, int batchSize, int epochs,
        long seed) {

    /** The optimizers a run may use. */
    public enum Optimizer { SGD, MOMENTUM, ADAM }

    /** The notebook's recipe for the lesson network: SGD at 0.4, batch 256. */
    public static TrainingSettings lesson(int epochs, long seed) {
        return new TrainingSettings(Architecture.lesson(), Optimizer.SGD, 0.4f, 256, epochs, seed);
    }
}
