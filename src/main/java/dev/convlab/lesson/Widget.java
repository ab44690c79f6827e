package dev.convlab.lesson;

import java.util.Arrays;
import java.util.Optional;

/** The interactive widgets a step may place with a {@code ::name{...}} directive; {@link LessonMessages} describes each. */
public enum Widget {
    PIXEL_GRID("pixel-grid"),
    KERNEL_SPOT("kernel-spot"),
    FEATURE_MAPS("feature-maps"),
    KERNEL_LAB("kernel-lab"),
    IM2COL("im2col"),
    SHAPE_CALCULATOR("shape-calculator"),
    NETWORK_BUILDER("network-builder"),
    TRAINING_RUN("training-run"),
    RECEPTIVE_FIELD("receptive-field"),
    ABLATION("ablation"),
    LEADERBOARD("leaderboard");

    private final String directiveName;

    Widget(String directiveName) {
        this.directiveName = directiveName;
    }

    public String directiveName() {
        return directiveName;
    }

    public static Optional<Widget> byDirectiveName(String name) {
        return Arrays.stream(values()).filter(w -> w.directiveName.equals(name)).findFirst();
    }
}
