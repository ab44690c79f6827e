package dev.convlab.kernellab.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Small requests computed together in one TensorFlow call get exactly the bits each gets alone. */
class ConvolutionTogetherTest {

    private static final int MAX_TOGETHER = 16;
    private static ConvolutionEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = new ConvolutionEngine(Device.CPU, 2, Duration.ofSeconds(5), 512, MAX_TOGETHER);
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    private static Images digit(Random random, int height, int width) {
        float[] pixels = new float[height * width];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(3) == 0 ? 0 : random.nextInt(1001) / 1000f;
        }
        return new Images(pixels, 1, height, width, 1);
    }

    private static Kernels kernels(Random random, int count, int height, int width) {
        float[] weights = new float[count * height * width];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = random.nextBoolean() ? random.nextInt(5) - 2 : random.nextFloat() * 2 - 1;
        }
        return new Kernels(weights, count, height, width, 1);
    }

    private static Padding padding(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Padding.valid();
            case 1 -> Padding.same();
            case 2 -> {
                int all = random.nextInt(3);
                yield Padding.explicit(all, all, all, all);
            }
            default -> Padding.explicit(random.nextInt(4), random.nextInt(4), random.nextInt(4), random.nextInt(4));
        };
    }

    @Test
    void everyRequestOfACallGetsTheBitsItGetsAloneOverRandomShapesAndSettings() {
        Random random = new Random(16);
        int together = 0;
        for (int shape = 0; shape < 120; shape++) {
            int height = random.nextBoolean() ? 28 : 5 + random.nextInt(30);
            int width = random.nextBoolean() ? height : 5 + random.nextInt(30);
            int side = List.of(1, 2, 3, 3, 5, 5, 7).get(random.nextInt(7));
            int count = 1 + random.nextInt(random.nextBoolean() ? 3 : 16);
            int stride = 1 + random.nextInt(3);
            int dilation = random.nextInt(4) == 0 ? 2 : 1;
            ConvolutionSpec spec = new ConvolutionSpec(stride, random.nextBoolean() ? stride : 1, dilation, dilation, padding(random));
            Images first = digit(random, height, width);
            Kernels firstKernels = kernels(random, count, side, side);
            if (spec.outputHeight(height, side) == 0 || spec.outputWidth(width, side) == 0
                    || !ConvolutionEngine.isSmall(first, firstKernels, spec)) {
                continue;
            }
            engine.convolve(first, firstKernels, spec).close();
            int most = engine.maxTogether(first, firstKernels, spec);
            if (most < 2) {
                continue;
            }
            together++;
            int requests = 2 + random.nextInt(most - 1);
            List<Images> images = new ArrayList<>(List.of(first));
            List<Kernels> kernels = new ArrayList<>(List.of(firstKernels));
            while (images.size() < requests) {
                images.add(digit(random, height, width));
                kernels.add(kernels(random, count, side, side));
            }
            List<FeatureMaps> computed = engine.convolveTogether(images, kernels, spec).orElseThrow();
            for (int r = 0; r < requests; r++) {
                try (FeatureMaps alone = engine.convolveQuick(images.get(r), kernels.get(r), spec).orElseThrow()) {
                    FeatureMaps shared = computed.get(r);
                    String context = "%d×%d, %d kernels %d×%d, %s, request %d of %d".formatted(height, width, count, side, side, spec, r, requests);
                    assertEquals(List.of(alone.count(), alone.kernels(), alone.height(), alone.width()),
                            List.of(shared.count(), shared.kernels(), shared.height(), shared.width()), context);
                    assertArrayEquals(alone.toArray(), shared.toArray(), context);
                    assertTrue(java.util.Arrays.deepEquals(alone.nested(), shared.nested()), context);
                }
            }
        }
        assertTrue(together >= 40, "only " + together + " shapes were computed together");
    }

    @Test
    void aLabPagesDigitWithItsKernelsIsComputedTogether() {
        Random random = new Random(3);
        for (int side : new int[] {3, 5}) {
            for (Padding padding : List.of(Padding.valid(), Padding.same())) {
                Images digit = digit(random, 28, 28);
                Kernels kernels = kernels(random, 1 + random.nextInt(3), side, side);
                ConvolutionSpec spec = ConvolutionSpec.of(1 + random.nextInt(2), 1, padding);
                engine.convolve(digit, kernels, spec).close();
                assertEquals(MAX_TOGETHER, engine.maxTogether(digit, kernels, spec), side + "×" + side + " " + padding);
            }
        }
    }

    @Test
    void requestsOfDifferentShapesAreNeverComputedTogether() {
        Random random = new Random(4);
        Images digit = digit(random, 28, 28);
        ConvolutionSpec spec = ConvolutionSpec.of(1, 1, Padding.valid());
        engine.convolve(digit, kernels(random, 1, 3, 3), spec).close();
        assertThrows(IllegalArgumentException.class, () -> engine.convolveTogether(List.of(digit, digit),
                List.of(kernels(random, 1, 3, 3), kernels(random, 2, 3, 3)), spec));
    }

    @Test
    void colourImagesAndSeveralImagesAreComputedAlone() {
        Random random = new Random(5);
        ConvolutionSpec spec = ConvolutionSpec.of(1, 1, Padding.valid());
        Images two = new Images(new float[2 * 28 * 28], 2, 28, 28, 1);
        Kernels grey = kernels(random, 1, 3, 3);
        engine.convolve(two, grey, spec).close();
        assertEquals(0, engine.maxTogether(two, grey, spec));
        Images colour = new Images(new float[28 * 28 * 3], 1, 28, 28, 3);
        Kernels rgb = new Kernels(new float[27], 1, 3, 3, 3);
        engine.convolve(colour, rgb, spec).close();
        assertEquals(0, engine.maxTogether(colour, rgb, spec));
    }
}
