package dev.convlab.training;

import dev.convlab.kernellab.compute.ConvolutionEngine;
import dev.convlab.i18n.Text;
import dev.convlab.platform.ProblemException;
import dev.convlab.training.compute.Architecture;
import dev.convlab.training.compute.Architecture.Layer;
import dev.convlab.training.compute.ReceptiveField;
import dev.convlab.training.compute.TrainedWeights;
import dev.convlab.training.compute.TrainingData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;

/**
 * Step 9 on a learner's trained run: one activation's theoretical window and its gradient with respect to a
 * validation image, computed by TensorFlow in one of the node's compute slots (each probe builds a small graph).
 */
@ApplicationScoped
public class ReceptiveFieldService {

    /** What the page shows: the image, its label, the window (inclusive, clipped), the gradient and the activation. */
    public record View(float[][] image, int label, Window window, float[][] gradient, float activation) {}

    public record Window(int top, int left, int bottom, int right) {}

    /** Which activation, on which validation image. */
    public record Probe(Integer layer, Integer channel, Integer y, Integer x, Integer image) {}

    @Inject
    RunQueue queue;

    @Inject
    TrainingDatasets datasets;

    @Inject
    ConvolutionEngine engine;

    public View probe(long runId, long learner, Probe probe) {
        TrainingRun run = queue.find(runId, learner);
        if (!TrainingRun.SUCCEEDED.equals(run.state)) {
            String state = run.state;
            throw new ProblemException(409, Text.of(TrainingErrors.class, TrainingErrors::notTrainedTitle),
                    Text.of(TrainingErrors.class, m -> m.notTrained(runId, state)));
        }
        byte[] stored = queue.weights(runId).orElseThrow(() -> new ProblemException(409,
                Text.of(TrainingErrors.class, TrainingErrors::noWeightsTitle), Text.of(TrainingErrors.class, m -> m.noWeights(runId))));
        Architecture architecture = run.settings.check().architecture();
        List<Layer> layers = architecture.plan();
        if (probe == null) {
            throw ProblemException.required("body");
        }
        int layer = within("layer", probe.layer(), layers.size() - 1);
        Layer row = layers.get(layer);
        int channel = within("channel", probe.channel(), row.channels());
        int y = within("y", probe.y(), row.height());
        int x = within("x", probe.x(), row.width());
        TrainingData validation = datasets.get(run.dataset).validation();
        int image = within("image", probe.image(), validation.count());
        float[] pixels = Arrays.copyOfRange(validation.images(), image * TrainingData.PIXELS, (image + 1) * TrainingData.PIXELS);
        ReceptiveField.Field field = engine.withSlot(() -> ReceptiveField.of(architecture, TrainedWeights.fromBytes(stored), pixels, layer, channel, y, x));
        return new View(square(pixels), validation.labels()[image], new Window(field.top(), field.left(), field.bottom(), field.right()),
                square(field.gradient()), field.activation());
    }

    private static int within(String field, Integer value, int size) {
        if (value == null || value < 0 || value >= size) {
            throw ProblemException.badField(field, Text.of(TrainingErrors.class, m -> m.fromZeroTo(size - 1)));
        }
        return value;
    }

    private static float[][] square(float[] values) {
        int side = Architecture.INPUT_SIDE;
        float[][] rows = new float[side][];
        for (int r = 0; r < side; r++) {
            rows[r] = Arrays.copyOfRange(values, r * side, (r + 1) * side);
        }
        return rows;
    }
}
