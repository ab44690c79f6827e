package dev.convlab.training.compute;

import java.util.ArrayList;
import java.util.List;

/**
 * A CNN along the ablation's axes: how it downsamples, its kernel size, its channel widths, batch norm, and its head.
 * The lesson's network is five 3×3 stride-2 convolutions 1→4→8→16→16→10 with ReLU between them, then flatten.
 */
public record Architecture(Downsampling downsampling, int kernelSize, List<Integer> channels, boolean batchNorm, Head head) {

    public static final int INPUT_SIDE = 28;
    public static final int CLASSES = 10;
    public static final int MAX_LAYERS = 8;
    public static final int MAX_CHANNELS = 256;

    /** How each block halves the map: a stride-2 convolution, or a stride-1 convolution then 2×2 pooling. */
    public enum Downsampling { STRIDE2, MAX_POOL, AVG_POOL }

    /** How the last map becomes ten class scores. */
    public enum Head { FLATTEN, GLOBAL_AVERAGE_POOL }

    /** One layer as planned: its output shape, its parameters and the input pixels one of its outputs sees. */
    public record Layer(String name, int height, int width, int channels, long parameters, int receptiveField) {}

    public static Architecture lesson() {
        return new Architecture(Downsampling.STRIDE2, 3, List.of(4, 8, 16, 16), false, Head.FLATTEN);
    }

    /** Every layer with its shape, parameters and theoretical receptive field; fails naming what does not fit. */
    public List<Layer> plan() {
        if (kernelSize != 3 && kernelSize != 5) {
            throw new Unbuildable(Unbuildable.Reason.KERNEL_SIZE, "kernel size must be 3 or 5");
        }
        if (channels == null || channels.isEmpty() || channels.size() > MAX_LAYERS - 1) {
            throw new Unbuildable(Unbuildable.Reason.LAYER_COUNT, "channels must list 1 to " + (MAX_LAYERS - 1) + " hidden widths", MAX_LAYERS - 1);
        }
        if (channels.stream().anyMatch(c -> c == null || c < 1 || c > MAX_CHANNELS)) {
            throw new Unbuildable(Unbuildable.Reason.WIDTH, "every width must be from 1 to " + MAX_CHANNELS, MAX_CHANNELS);
        }
        List<Integer> widths = new ArrayList<>(channels);
        widths.add(CLASSES);
        List<Layer> layers = new ArrayList<>();
        int side = INPUT_SIDE;
        int inChannels = 1;
        int field = 1;
        int jump = 1;
        for (int i = 0; i < widths.size(); i++) {
            if (side == 1) {
                throw new Unbuildable(Unbuildable.Reason.BELOW_ONE_PIXEL,
                        "layer " + (i + 1) + " gets a 1×1 map and would halve it below one pixel: use fewer layers", i + 1);
            }
            int out = widths.get(i);
            boolean strided = downsampling == Downsampling.STRIDE2;
            int padding = kernelSize / 2;
            side = (side + 2 * padding - kernelSize) / (strided ? 2 : 1) + 1;
            field += (kernelSize - 1) * jump;
            jump *= strided ? 2 : 1;
            long parameters = (long) kernelSize * kernelSize * inChannels * out + out + (batchNorm && i < widths.size() - 1 ? 2L * out : 0);
            layers.add(new Layer("conv" + (i + 1) + " " + kernelSize + "×" + kernelSize + (strided ? " stride 2" : ""), side, side, out, parameters, field));
            if (!strided) {
                side = (side + 1) / 2;
                field += jump;
                jump *= 2;
                layers.add(new Layer((downsampling == Downsampling.MAX_POOL ? "max-pool" : "avg-pool") + " 2×2", side, side, out, 0, field));
            }
            inChannels = out;
        }
        if (head == Head.FLATTEN && side != 1) {
            boolean more = widths.size() < 5;
            throw new Unbuildable(more ? Unbuildable.Reason.FLATTEN_NEEDS_MORE_LAYERS : Unbuildable.Reason.FLATTEN_NEEDS_FEWER_LAYERS,
                    "a flatten head needs a 1×1 last map, not " + side + "×" + side + ": use " + (more ? "more layers" : "fewer layers")
                            + " or global average pooling", side);
        }
        layers.add(new Layer(head == Head.FLATTEN ? "flatten" : "global average pool", 1, 1, CLASSES, 0, field));
        return layers;
    }

    public long parameters() {
        return plan().stream().mapToLong(Layer::parameters).sum();
    }

    /**
     * A network that cannot be built: the message in English (logs, tests), and why with the numbers it names, so that
     * the web layer can say it in the reader's language.
     */
    public static class Unbuildable extends IllegalArgumentException {

        public enum Reason { KERNEL_SIZE, LAYER_COUNT, WIDTH, BELOW_ONE_PIXEL, FLATTEN_NEEDS_MORE_LAYERS, FLATTEN_NEEDS_FEWER_LAYERS }

        private final Reason reason;
        private final int number;

        Unbuildable(Reason reason, String message) {
            this(reason, message, 0);
        }

        Unbuildable(Reason reason, String message, int number) {
            super(message);
            this.reason = reason;
            this.number = number;
        }

        public Reason reason() {
            return reason;
        }

        /** The number the message names: the most layers or channels, the layer, or the last map's side. */
        public int number() {
            return number;
        }
    }
}
