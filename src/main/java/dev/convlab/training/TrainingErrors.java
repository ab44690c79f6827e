package dev.convlab.training;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** What training says about settings, runs and probes it cannot take. */
@MessageBundle("trainingErrors")
public interface TrainingErrors {

    @Message("must be mnist or fashion-mnist")
    String datasetChoice();

    @Message("must be from 1 to {max}")
    String fromOneTo(int max);

    @Message("must be from 0 to {last}")
    String fromZeroTo(int last);

    @Message("must be a number above 0 and at most 10")
    String learningRate();

    @Message("this network needs {cost} multiply-adds per image, more than the {max} a shared server trains in reasonable time: use fewer or narrower layers")
    String tooManyMultiplyAdds(String cost, String max);

    @Message("{epochs} epoch(s) of {images} images in batches of {batchSize} is {steps} training steps, more than the {max} one run may take (each step costs the server time however small its batch): use a larger batch or fewer epochs")
    String tooManySteps(int epochs, String images, int batchSize, String steps, String max);

    @Message("{epochs} epoch(s) of this network on {images} images is about {work} billion multiply-adds, more than the {max} billion one run may do on a shared server: use fewer epochs, or fewer or narrower layers")
    String tooMuchWork(int epochs, String images, String work, String max);

    @Message("Too many runs")
    String tooManyRunsTitle();

    @Message("You have {max} runs queued or running; wait for one to finish or cancel one")
    String tooManyRuns(int max);

    @Message("There is no leaderboard entry {entryId}")
    String noEntry(long entryId);

    @Message("Already being verified")
    String beingVerifiedTitle();

    @Message("Entry {entryId} is being re-run already")
    String beingVerified(long entryId);

    @Message("You have no run {runId}")
    String noRun(long runId);

    @Message("Not trained")
    String notTrainedTitle();

    @Message("Run {runId} is {state}: only a succeeded run can be probed")
    String notTrained(long runId, String state);

    @Message("No weights")
    String noWeightsTitle();

    @Message("Run {runId} finished before runs kept their weights: train it again")
    String noWeights(long runId);

    @Message("kernel size must be 3 or 5")
    String kernelSizeChoice();

    @Message("channels must list 1 to {max} hidden widths")
    String layerCount(int max);

    @Message("every width must be from 1 to {max}")
    String widthRange(int max);

    @Message("layer {layer} gets a 1×1 map and would halve it below one pixel: use fewer layers")
    String belowOnePixel(int layer);

    @Message("a flatten head needs a 1×1 last map, not {side}×{side}: use more layers or global average pooling")
    String flattenNeedsMoreLayers(int side);

    @Message("a flatten head needs a 1×1 last map, not {side}×{side}: use fewer layers or global average pooling")
    String flattenNeedsFewerLayers(int side);
}
