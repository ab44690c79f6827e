package dev.convlab.kernellab;

import dev.convlab.datasets.DatasetCatalog;
import dev.convlab.datasets.ImageSet;
import dev.convlab.i18n.Text;
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
            throw ProblemException.badField("kernels", Text.of(KernelLabErrors.class, m -> m.kernelDoesNotFit(kernels.height(), kernels.width(),
                    spec.dilationHeight(), spec.dilationWidth(), images.height(), images.width())));
        }
        long outputs = (long) images.count() * kernels.count() * height * width;
        if (outputs > outputBudget) {
            long learnerBudget = limits.learner().output();
            throw ProblemException.badField("output", Text.of(KernelLabErrors.class, m -> {
                String tooLarge = m.outputTooLarge(images.count(), kernels.count(), height, width, grouped(outputs), grouped(outputBudget));
                return outputBudget < learnerBudget ? m.orLogIn(tooLarge, grouped(learnerBudget)) : tooLarge;
            }));
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
                throw ProblemException.badField("input.indices", Text.of(KernelLabErrors.class, m -> m.indexOf(set.count() - 1, index)));
            }
            set.copyInto(index, values, i * size);
        }
        return new Images(values, request.indices().size(), set.height(), set.width(), set.channels());
    }

    private static Images fromPixels(ConvolutionRequest request) {
        NestedNumbers pixels = request.pixels();
        int channels = pixels.depth() == 4 ? pixels.dimension(3) : 1;
        if (pixels.dimension(0) > ConvolutionRequest.MAX_IMAGES) {
            throw pixels.bad(m -> m.tooManyImages(ConvolutionRequest.MAX_IMAGES));
        }
        if (pixels.dimension(1) > ConvolutionRequest.MAX_SIDE || pixels.dimension(2) > ConvolutionRequest.MAX_SIDE) {
            throw pixels.bad(m -> m.imageSide(ConvolutionRequest.MAX_SIDE));
        }
        if (channels > ConvolutionRequest.MAX_CHANNELS) {
            throw pixels.bad(m -> m.imageChannels(ConvolutionRequest.MAX_CHANNELS));
        }
        return new Images(pixels.values(), pixels.dimension(0), pixels.dimension(1), pixels.dimension(2), channels);
    }

    private static Kernels kernels(ConvolutionRequest request, int inputChannels) {
        NestedNumbers kernels = request.kernels();
        int channels = kernels.depth() == 4 ? kernels.dimension(3) : 1;
        if (kernels.dimension(0) > ConvolutionRequest.MAX_KERNELS) {
            throw kernels.bad(m -> m.tooManyKernels(ConvolutionRequest.MAX_KERNELS));
        }
        if (kernels.dimension(1) > ConvolutionRequest.MAX_KERNEL_SIDE || kernels.dimension(2) > ConvolutionRequest.MAX_KERNEL_SIDE) {
            throw kernels.bad(m -> m.kernelSide(ConvolutionRequest.MAX_KERNEL_SIDE));
        }
        if (channels != inputChannels) {
            throw kernels.bad(m -> m.kernelChannels(channels, inputChannels));
        }
        return new Kernels(kernels.values(), kernels.dimension(0), kernels.dimension(1), kernels.dimension(2), channels);
    }
    /** A count with thousands grouped, as the messages write it in both languages: 3,686,400. */
    private static String grouped(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
