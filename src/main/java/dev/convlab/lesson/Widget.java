package dev.convlab.lesson;

import java.util.Arrays;
import java.util.Optional;

/** The interactive widgets a step may place with a {@code ::name{...}} directive. */
public enum Widget {
    PIXEL_GRID("pixel-grid", "the pixel grid: one digit as a 28×28 grid of numbers", true),
    KERNEL_SPOT("kernel-spot", "one kernel, one spot: a 3×3 window times the kernel, summed into one value", true),
    FEATURE_MAPS("feature-maps", "the feature maps of the four lesson kernels, computed by TensorFlow", true),
    KERNEL_LAB("kernel-lab", "the kernel lab: type kernels, stride, padding and dilation and see the maps", true),
    IM2COL("im2col", "the unfolded image matrix and the timing race of loop, im2col and conv2d", true),
    SHAPE_CALCULATOR("shape-calculator", "the output-size calculator with its sliding-window diagram", true),
    NETWORK_BUILDER("network-builder", "the network builder: every layer's shape and parameter count", true),
    TRAINING_RUN("training-run", "a training run on the server with live loss and accuracy", true),
    RECEPTIVE_FIELD("receptive-field", "the receptive field view, theoretical and effective", false),
    ABLATION("ablation", "the ablation form and your list of runs", true),
    LEADERBOARD("leaderboard", "the class leaderboard of ablation results", true);

    private final String directiveName;
    private final String description;
    private final boolean available;

    Widget(String directiveName, String description, boolean available) {
        this.directiveName = directiveName;
        this.description = description;
        this.available = available;
    }

    public String directiveName() {
        return directiveName;
    }

    public String description() {
        return description;
    }

    /** Whether a front-end module brings this widget to life yet; the others show a "coming in this step" panel. */
    public boolean available() {
        return available;
    }

    public static Optional<Widget> byDirectiveName(String name) {
        return Arrays.stream(values()).filter(w -> w.directiveName.equals(name)).findFirst();
    }
}
