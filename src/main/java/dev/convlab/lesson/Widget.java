package dev.convlab.lesson;

import java.util.Arrays;
import java.util.Optional;

/** The interactive widgets a step may place with a {@code ::name{...}} directive. */
public enum Widget {
    PIXEL_GRID("pixel-grid", "the pixel grid: one digit as a 28×28 grid of numbers"),
    KERNEL_SPOT("kernel-spot", "one kernel, one spot: a 3×3 window times the kernel, summed into one value"),
    FEATURE_MAPS("feature-maps", "the feature maps of the four lesson kernels, computed by TensorFlow"),
    KERNEL_LAB("kernel-lab", "the kernel lab: type kernels, stride, padding and dilation and see the maps"),
    IM2COL("im2col", "the unfolded image matrix and the timing race of loop, im2col and conv2d"),
    SHAPE_CALCULATOR("shape-calculator", "the output-size calculator with its sliding-window diagram"),
    NETWORK_BUILDER("network-builder", "the network builder: every layer's shape and parameter count"),
    TRAINING_RUN("training-run", "a training run on the server with live loss and accuracy"),
    RECEPTIVE_FIELD("receptive-field", "the receptive field view, theoretical and effective"),
    ABLATION("ablation", "the ablation form and your list of runs"),
    LEADERBOARD("leaderboard", "the class leaderboard of ablation results");

    private final String directiveName;
    private final String description;

    Widget(String directiveName, String description) {
        this.directiveName = directiveName;
        this.description = description;
    }

    public String directiveName() {
        return directiveName;
    }

    public String description() {
        return description;
    }

    public static Optional<Widget> byDirectiveName(String name) {
        return Arrays.stream(values()).filter(w -> w.directiveName.equals(name)).findFirst();
    }
}
