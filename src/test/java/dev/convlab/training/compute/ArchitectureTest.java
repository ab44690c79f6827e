package dev.convlab.training.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.training.compute.Architecture.Downsampling;
import dev.convlab.training.compute.Architecture.Head;
import dev.convlab.training.compute.Architecture.Layer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void theLessonNetworkHalvesTwentyEightDownToOneWithAbout5300Parameters() {
        List<Layer> layers = Architecture.lesson().plan();
        assertEquals(List.of(14, 7, 4, 2, 1, 1), layers.stream().map(Layer::height).toList());
        assertEquals(List.of(4, 8, 16, 16, 10, 10), layers.stream().map(Layer::channels).toList());
        assertEquals(List.of(40L, 296L, 1168L, 2320L, 1450L, 0L), layers.stream().map(Layer::parameters).toList());
        assertEquals(5274, Architecture.lesson().parameters());
    }

    @Test
    void stackedStrideTwoConvolutionsDoubleTheReceptiveField() {
        assertEquals(List.of(3, 7, 15, 31, 63), Architecture.lesson().plan().stream().limit(5).map(Layer::receptiveField).toList());
    }

    @Test
    void poolingVariantsReachTheSameSizesWithConvolutionsThenPools() {
        for (Downsampling pooling : List.of(Downsampling.MAX_POOL, Downsampling.AVG_POOL)) {
            List<Layer> layers = new Architecture(pooling, 3, List.of(4, 8, 16, 16), false, Head.FLATTEN).plan();
            assertEquals(11, layers.size());
            assertEquals(List.of(28, 14, 14, 7, 7, 4, 4, 2, 2, 1, 1), layers.stream().map(Layer::height).toList());
            assertEquals(5274, new Architecture(pooling, 3, List.of(4, 8, 16, 16), false, Head.FLATTEN).parameters());
            assertTrue(layers.get(1).name().endsWith("pool 2×2"), layers.get(1).name());
        }
    }

    @Test
    void widerFiveByFiveNetsWithBatchNormCountEveryWeight() {
        Architecture wide = new Architecture(Downsampling.STRIDE2, 5, List.of(8, 16, 32, 64), true, Head.FLATTEN);
        long expected = (25 * 1 * 8 + 8 + 16) + (25 * 8 * 16 + 16 + 32) + (25 * 16 * 32 + 32 + 64) + (25 * 32 * 64 + 64 + 128) + (25 * 64 * 10 + 10);
        assertEquals(expected, wide.parameters());
        assertEquals(List.of(5, 13, 29, 61, 125), wide.plan().stream().limit(5).map(Layer::receptiveField).toList());
    }

    @Test
    void globalAveragePoolingAcceptsAnyDepthThatKeepsTheMap() {
        List<Layer> layers = new Architecture(Downsampling.STRIDE2, 3, List.of(8, 16), false, Head.GLOBAL_AVERAGE_POOL).plan();
        assertEquals(4, layers.get(2).height());
        assertEquals("global average pool", layers.get(3).name());
    }

    @Test
    void impossibleNetworksAreRefusedSayingWhy() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new Architecture(Downsampling.STRIDE2, 3, List.of(8, 16), false, Head.FLATTEN).plan())
                .getMessage().contains("flatten head needs a 1×1 last map"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new Architecture(Downsampling.STRIDE2, 3, List.of(4, 4, 4, 4, 4, 4, 4), false, Head.GLOBAL_AVERAGE_POOL).plan())
                .getMessage().contains("below one pixel"));
        assertThrows(IllegalArgumentException.class, () -> new Architecture(Downsampling.STRIDE2, 4, List.of(4), false, Head.FLATTEN).plan());
        assertThrows(IllegalArgumentException.class, () -> new Architecture(Downsampling.STRIDE2, 3, List.of(), false, Head.FLATTEN).plan());
        assertThrows(IllegalArgumentException.class, () -> new Architecture(Downsampling.STRIDE2, 3, List.of(0, 4), false, Head.FLATTEN).plan());
        assertThrows(IllegalArgumentException.class, () -> new Architecture(Downsampling.STRIDE2, 3, List.of(1000), false, Head.FLATTEN).plan());
    }
}
