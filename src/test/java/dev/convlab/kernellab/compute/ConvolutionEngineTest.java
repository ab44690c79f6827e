package dev.convlab.kernellab.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConvolutionEngineTest {

    private static ConvolutionEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = new ConvolutionEngine(Device.CPU, 2, Duration.ofSeconds(5), 8);
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    private static Images randomImages(Random random, int count, int height, int width, int channels) {
        float[] values = new float[count * height * width * channels];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        return new Images(values, count, height, width, channels);
    }

    private static Kernels randomKernels(Random random, int count, int height, int width, int channels) {
        float[] values = new float[count * height * width * channels];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat() * 2 - 1;
        }
        return new Kernels(values, count, height, width, channels);
    }

    private static void assertClose(FeatureMaps expected, FeatureMaps actual, String context) {
        assertEquals(expected.count(), actual.count(), context);
        assertEquals(expected.kernels(), actual.kernels(), context);
        assertEquals(expected.height(), actual.height(), context + " height");
        assertEquals(expected.width(), actual.width(), context + " width");
        float[] expectedValues = expected.toArray();
        float[] actualValues = actual.toArray();
        assertEquals(expectedValues.length, actualValues.length, context);
        for (int i = 0; i < expectedValues.length; i++) {
            float e = expectedValues[i];
            float a = actualValues[i];
            assertTrue(Math.abs(e - a) <= 1e-5 * Math.max(1, Math.abs(e)), context + " at " + i + ": " + e + " vs " + a);
        }
    }

    @Test
    void topEdgeKernelOnATinyImageGivesTheHandComputedMap() {
        Images image = new Images(new float[] {
            0, 0, 0, 0,
            0, 0, 0, 0,
            1, 1, 1, 1,
            1, 1, 1, 1}, 1, 4, 4, 1);
        Kernels topEdge = new Kernels(new float[] {-1, -1, -1, 0, 0, 0, 1, 1, 1}, 1, 3, 3, 1);
        try (FeatureMaps maps = engine.convolve(image, topEdge, ConvolutionSpec.of(1, 1, Padding.valid()))) {
            assertEquals(2, maps.height());
            assertArrayEquals(new float[] {3, 3, 3, 3}, maps.toArray());
        }
    }

    @Test
    void mapsAreReadByImageKernelRowAndColumnOnBothGraphs() {
        Images grey = new Images(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 2, 1);
        Kernels scales = new Kernels(new float[] {1, 10}, 2, 1, 1, 1);
        Images rgb = new Images(new float[] {1, 0, -1, 2, 0, -2, 3, 0, -3, 4, 0, -4, 5, 0, -5, 6, 0, -6, 7, 0, -7, 8, 0, -8},
                2, 2, 2, 3);
        Kernels redAndBlue = new Kernels(new float[] {1, 0, 0, 0, 0, -10}, 2, 1, 1, 3);
        ConvolutionSpec plain = ConvolutionSpec.of(1, 1, Padding.valid());
        try (FeatureMaps fromGrey = engine.convolve(grey, scales, plain); FeatureMaps fromRgb = engine.convolve(rgb, redAndBlue, plain)) {
            for (FeatureMaps maps : List.of(fromGrey, fromRgb, ReferenceConvolution.convolve(grey, scales, plain))) {
                assertEquals(1, maps.at(0, 0, 0, 0));
                assertEquals(20, maps.at(0, 1, 0, 1));
                assertEquals(7, maps.at(1, 0, 1, 0));
                assertEquals(80, maps.at(1, 1, 1, 1));
            }
        }
    }

    @Test
    void matchesTheReferenceLoopOverTheWholeParameterGrid() {
        Random random = new Random(42);
        Padding[] paddings = {Padding.valid(), Padding.same(), Padding.explicit(1, 1, 1, 1), Padding.explicit(0, 2, 3, 1)};
        int cases = 0;
        for (int size : new int[] {5, 8, 13}) {
            for (int kernel : new int[] {1, 2, 3, 5}) {
                for (int stride : new int[] {1, 2, 3}) {
                    for (int dilation : new int[] {1, 2}) {
                        for (Padding padding : paddings) {
                            ConvolutionSpec spec = new ConvolutionSpec(stride, stride == 3 ? 2 : stride, dilation, dilation, padding);
                            int channels = cases % 3 == 0 ? 3 : 1;
                            Images images = randomImages(random, 1 + cases % 3, size, size + 2, channels);
                            Kernels kernels = randomKernels(random, 1 + cases % 4, kernel, kernel, channels);
                            if (spec.outputHeight(size, kernel) == 0 || spec.outputWidth(size + 2, kernel) == 0) {
                                continue;
                            }
                            String context = "size %d kernel %d stride %d dilation %d %s".formatted(size, kernel, stride, dilation, padding);
                            try (FeatureMaps actual = engine.convolve(images, kernels, spec)) {
                                assertClose(ReferenceConvolution.convolve(images, kernels, spec), actual, context);
                            }
                            cases++;
                        }
                    }
                }
            }
        }
        assertTrue(cases > 200, "cases run: " + cases);
    }

    @Test
    void samePaddingOnEvenSizesPadsMoreAtTheBottomRight() {
        ConvolutionSpec spec = ConvolutionSpec.of(2, 1, Padding.same());
        assertArrayEquals(new int[] {0, 1}, spec.paddingRows(28, 3));
        assertEquals(14, spec.outputHeight(28, 3));
        assertArrayEquals(new int[] {1, 1}, ConvolutionSpec.of(1, 1, Padding.same()).paddingRows(28, 3));
    }

    @Test
    void lessonSizesComeOutAsTheNotebookSays() {
        Random random = new Random(7);
        try (FeatureMaps maps = engine.convolve(randomImages(random, 1, 28, 28, 1), randomKernels(random, 4, 3, 3, 1),
                ConvolutionSpec.of(1, 1, Padding.valid()))) {
            assertEquals(26, maps.height());
            assertEquals(26, maps.width());
        }
        assertEquals(14, ConvolutionSpec.of(2, 1, Padding.explicit(1, 1, 1, 1)).outputHeight(28, 3));
    }

    @Test
    void channelMismatchIsRefused() {
        Random random = new Random(1);
        assertThrows(IllegalArgumentException.class, () -> engine.convolve(randomImages(random, 1, 8, 8, 3),
                randomKernels(random, 1, 3, 3, 1), ConvolutionSpec.of(1, 1, Padding.valid())));
    }

    @Test
    void graphsAreReusedPerSignatureAndTheCacheIsBounded() {
        try (ConvolutionEngine small = new ConvolutionEngine(Device.CPU, 1, Duration.ofSeconds(5), 2)) {
            Random random = new Random(3);
            Kernels kernels = randomKernels(random, 1, 3, 3, 1);
            for (int size = 5; size < 10; size++) {
                small.convolve(randomImages(random, 1, size, size, 1), kernels, ConvolutionSpec.of(1, 1, Padding.valid())).close();
                small.convolve(randomImages(random, 1, size, size, 1), kernels, ConvolutionSpec.of(1, 1, Padding.valid())).close();
            }
            assertEquals(2, small.cachedGraphs());
        }
    }

    @Test
    void aFullEngineTurnsAwayInsteadOfQueueingForever() throws Exception {
        try (ConvolutionEngine single = new ConvolutionEngine(Device.CPU, 1, Duration.ofMillis(20), 4)) {
            Random random = new Random(9);
            Images big = randomImages(random, 16, 256, 256, 1);
            Kernels wide = randomKernels(random, 16, 15, 15, 1);
            Thread heavy = new Thread(() -> single.convolve(big, wide, ConvolutionSpec.of(1, 1, Padding.same())).close());
            heavy.start();
            while (single.availableSlots() > 0 && heavy.isAlive()) {
                Thread.onSpinWait();
            }
            assertTrue(heavy.isAlive(), "the heavy convolution finished before the test could see its slot taken");
            assertThrows(EngineBusyException.class, () -> single.convolve(randomImages(random, 1, 5, 5, 1),
                    randomKernels(random, 1, 3, 3, 1), ConvolutionSpec.of(1, 1, Padding.valid())));
            heavy.join();
            assertEquals(1, single.availableSlots());
        }
    }

    @Test
    void aLabPagesConvolutionIsSmallAndABatchIsNot() {
        Random random = new Random(4);
        ConvolutionSpec plain = ConvolutionSpec.of(1, 1, Padding.valid());
        assertTrue(ConvolutionEngine.isSmall(randomImages(random, 1, 28, 28, 1), randomKernels(random, 16, 5, 5, 1), plain));
        assertFalse(ConvolutionEngine.isSmall(randomImages(random, 2, 28, 28, 1), randomKernels(random, 16, 3, 3, 1), plain));
        assertFalse(ConvolutionEngine.isSmall(randomImages(random, 1, 28, 28, 1), randomKernels(random, 16, 15, 15, 1),
                ConvolutionSpec.of(1, 1, Padding.same())));
        assertFalse(ConvolutionEngine.isSmall(randomImages(random, 1, 256, 256, 3), randomKernels(random, 1, 3, 3, 3), plain));
    }

    @Test
    void aSmallConvolutionWithItsGraphBuiltComputesWhileEverySlotIsTaken() {
        try (ConvolutionEngine single = new ConvolutionEngine(Device.CPU, 1, Duration.ofMillis(20), 4)) {
            Random random = new Random(6);
            Images digit = randomImages(random, 1, 28, 28, 1);
            Kernels kernels = randomKernels(random, 4, 3, 3, 1);
            ConvolutionSpec spec = ConvolutionSpec.of(2, 1, Padding.same());
            assertTrue(single.convolveQuick(digit, kernels, spec).isEmpty(), "no graph built yet");
            single.convolve(digit, kernels, spec).close();
            single.withSlot(() -> {
                assertEquals(0, single.availableSlots());
                try (FeatureMaps maps = single.convolveQuick(digit, kernels, spec).orElseThrow()) {
                    assertClose(ReferenceConvolution.convolve(digit, kernels, spec), maps, "small, every slot taken");
                }
                Images batch = randomImages(random, 32, 28, 28, 1);
                assertTrue(single.convolveQuick(batch, kernels, spec).isEmpty(), "32 digits are not small");
                assertThrows(EngineBusyException.class, () -> single.convolve(batch, kernels, spec));
                return null;
            });
        }
    }

    @Test
    void threadsBuildingGraphsAtOnceAllGetRightMapsAndTheCacheStaysBounded() throws Exception {
        try (ConvolutionEngine crowded = new ConvolutionEngine(Device.CPU, 4, Duration.ofSeconds(30), 3)) {
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int task = 0; task < 24; task++) {
                    int size = 6 + task % 6;
                    long seed = task;
                    done.add(threads.submit(() -> {
                        Random random = new Random(seed);
                        Images images = randomImages(random, 2, size, size, 1);
                        Kernels kernels = randomKernels(random, 2, 3, 3, 1);
                        ConvolutionSpec spec = ConvolutionSpec.of(1, 1, Padding.same());
                        try (FeatureMaps maps = crowded.convolve(images, kernels, spec)) {
                            assertClose(ReferenceConvolution.convolve(images, kernels, spec), maps, "size " + size);
                        }
                    }));
                }
                for (Future<?> task : done) {
                    task.get(60, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdown();
            }
            assertEquals(3, crowded.cachedGraphs());
        }
    }
}
