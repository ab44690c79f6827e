package dev.convlab.kernellab;

import dev.convlab.datasets.DatasetCatalog;
import dev.convlab.datasets.ImageSet;
import dev.convlab.kernellab.compute.ConvolutionEngine;
import dev.convlab.kernellab.compute.ConvolutionSpec;
import dev.convlab.kernellab.compute.FeatureMaps;
import dev.convlab.kernellab.compute.Images;
import dev.convlab.kernellab.compute.Kernels;
import dev.convlab.limits.LimitsConfig;
import dev.convlab.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns a checked request into images and kernels, runs it on the engine, and shapes the answer. */
@ApplicationScoped
public class KernelLabService {

    /** The answer: maps as N×K×H'×W' numbers, the padding actually applied, and who computed it how fast. */
    public record ConvolutionResult(List<Integer> shape, float[][][][] output, List<Integer> padding, String device,
            long computeMicros) {}

    @Inject
    ConvolutionEngine engine;

    @Inject
    DatasetCatalog datasets;

    @Inject
    LimitsConfig limits;

    /** A checked request, ready to compute. */
    record Convolution(Images images, Kernels kernels, ConvolutionSpec spec) {

        /** The numbers of the answer: images × kernels × rows × columns. */
        long outputs() {
            return (long) images.count() * kernels.count() * spec.outputHeight(images.height(), kernels.height())
                    * spec.outputWidth(images.width(), kernels.width());
        }
    }

    /** Whether {@link #prepare} can check this request without loading a dataset from disk first. */
    boolean readyToPrepare(ConvolutionRequest request) {
        return request.dataset() == null || datasets.isLoaded(request.dataset());
    }

    /**
     * Checks a request against its images and kernels, and its answer's size against {@code outputBudget} numbers
     * before anything is computed; every problem is a 400 naming the field.
     */
    Convolution prepare(ConvolutionRequest request, long outputBudget) {
        Images images = request.pixels() != null ? fromPixels(request) : fromDataset(request);
        Kernels kernels = kernels(request, images.channels());
        ConvolutionSpec spec = request.spec();
        int height = spec.outputHeight(images.height(), kernels.height());
        int width = spec.outputWidth(images.width(), kernels.width());
        if (height == 0 || width == 0) {
            throw ProblemException.badField("kernels", "a %d×%d kernel with dilation %d×%d does not fit in the padded %d×%d input"
                    .formatted(kernels.height(), kernels.width(), spec.dilationHeight(), spec.dilationWidth(),
                            images.height(), images.width()));
        }
        long outputs = (long) images.count() * kernels.count() * height * width;
        if (outputs > outputBudget) {
            throw ProblemException.badField("output", String.format(Locale.ROOT,
                    "%d image(s) × %d kernel(s) × %d × %d is %,d numbers, more than the %,d one answer may hold for you; "
                            + "use fewer images (input) or kernels, less padding, or a larger stride%s",
                    images.count(), kernels.count(), height, width, outputs, outputBudget,
                    outputBudget < limits.learner().output()
                            ? String.format(Locale.ROOT, ", or log in (%,d for learners)", limits.learner().output()) : ""));
        }
        return new Convolution(images, kernels, spec);
    }

    /** Computes in one of the engine's slots, waiting for one if all are busy. */
    ConvolutionResult convolve(Convolution convolution) {
        long start = System.nanoTime();
        return answer(convolution, engine.convolve(convolution.images(), convolution.kernels(), convolution.spec()), start);
    }

    /** Computes at once on this thread if small and its graph built ({@link ConvolutionEngine#convolveQuick}). */
    Optional<ConvolutionResult> convolveQuick(Convolution convolution) {
        long start = System.nanoTime();
        return engine.convolveQuick(convolution.images(), convolution.kernels(), convolution.spec())
                .map(maps -> answer(convolution, maps, start));
    }

    /** How many requests like this one {@link #convolveTogether} takes at once; under 2 when it is computed alone. */
    int maxTogether(Convolution convolution) {
        return engine.maxTogether(convolution.images(), convolution.kernels(), convolution.spec());
    }

    /**
     * Computes small requests of one signature in one TensorFlow call ({@link ConvolutionEngine#convolveTogether}), each
     * answered exactly as alone; empty when their graph is gone meanwhile.
     */
    Optional<List<ConvolutionResult>> convolveTogether(List<Convolution> convolutions) {
        long start = System.nanoTime();
        List<Images> images = convolutions.stream().map(Convolution::images).toList();
        List<Kernels> kernels = convolutions.stream().map(Convolution::kernels).toList();
        return engine.convolveTogether(images, kernels, convolutions.get(0).spec()).map(maps -> {
            List<ConvolutionResult> answers = new ArrayList<>(maps.size());
            for (int i = 0; i < maps.size(); i++) {
                answers.add(answer(convolutions.get(i), maps.get(i), start));
            }
            return answers;
        });
    }

    private ConvolutionResult answer(Convolution convolution, FeatureMaps computed, long start) {
        try (FeatureMaps maps = computed) {
            long micros = (System.nanoTime() - start) / 1000;
            ConvolutionSpec spec = convolution.spec();
            int[] rows = spec.paddingRows(convolution.images().height(), convolution.kernels().height());
            int[] columns = spec.paddingColumns(convolution.images().width(), convolution.kernels().width());
            return new ConvolutionResult(List.of(maps.count(), maps.kernels(), maps.height(), maps.width()), maps.nested(),
                    List.of(rows[0], rows[1], columns[0], columns[1]), engine.device().label(), micros);
        }
    }

    private Images fromDataset(ConvolutionRequest request) {
        ImageSet set = datasets.get(request.dataset());
        int size = set.height() * set.width() * set.channels();
        float[] values = new float[request.indices().size() * size];
        for (int i = 0; i < request.indices().size(); i++) {
            int index = request.indices().get(i);
            if (index < 0 || index >= set.count()) {
                throw ProblemException.badField("input.indices", "must be from 0 to " + (set.count() - 1) + ", not " + index);
            }
            set.copyInto(index, values, i * size);
        }
        return new Images(values, request.indices().size(), set.height(), set.width(), set.channels());
    }

    private static Images fromPixels(ConvolutionRequest request) {
        NestedNumbers pixels = request.pixels();
        int channels = pixels.depth() == 4 ? pixels.dimension(3) : 1;
        if (pixels.dimension(0) > ConvolutionRequest.MAX_IMAGES) {
            throw pixels.bad("holds more than " + ConvolutionRequest.MAX_IMAGES + " images");
        }
        if (pixels.dimension(1) > ConvolutionRequest.MAX_SIDE || pixels.dimension(2) > ConvolutionRequest.MAX_SIDE) {
            throw pixels.bad("images may be at most " + ConvolutionRequest.MAX_SIDE + "×" + ConvolutionRequest.MAX_SIDE);
        }
        if (channels > ConvolutionRequest.MAX_CHANNELS) {
            throw pixels.bad("images may have at most " + ConvolutionRequest.MAX_CHANNELS + " channels");
        }
        return new Images(pixels.values(), pixels.dimension(0), pixels.dimension(1), pixels.dimension(2), channels);
    }

    private static Kernels kernels(ConvolutionRequest request, int inputChannels) {
        NestedNumbers kernels = request.kernels();
        int channels = kernels.depth() == 4 ? kernels.dimension(3) : 1;
        if (kernels.dimension(0) > ConvolutionRequest.MAX_KERNELS) {
            throw kernels.bad("may hold at most " + ConvolutionRequest.MAX_KERNELS + " kernels");
        }
        if (kernels.dimension(1) > ConvolutionRequest.MAX_KERNEL_SIDE || kernels.dimension(2) > ConvolutionRequest.MAX_KERNEL_SIDE) {
            throw kernels.bad("sides must be from 1 to " + ConvolutionRequest.MAX_KERNEL_SIDE);
        }
        if (channels != inputChannels) {
            throw kernels.bad("have %d channel(s) but the input has %d: write kernels as K×kh×kw for grey images, K×kh×kw×C for C channels"
                    .formatted(channels, inputChannels));
        }
        return new Kernels(kernels.values(), kernels.dimension(0), kernels.dimension(1), kernels.dimension(2), channels);
    }
}
