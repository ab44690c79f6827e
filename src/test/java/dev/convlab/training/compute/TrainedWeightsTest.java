package dev.convlab.training.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainedWeightsTest {

    private static final TrainedWeights WEIGHTS = new TrainedWeights(List.of(
            new TrainedWeights.Tensor("conv1/kernel", new long[] {1, 2, 1, 3}, new float[] {1, -2.5f, 3, 0, Float.MIN_VALUE, -0f}),
            new TrainedWeights.Tensor("conv1/bias", new long[] {3}, new float[] {0.25f, 0.5f, 0.75f})));

    @Test
    void bytesReadBackToTheSameNamesShapesAndValues() {
        TrainedWeights read = TrainedWeights.fromBytes(WEIGHTS.toBytes());
        assertEquals(List.of("conv1/kernel", "conv1/bias"), read.tensors().stream().map(TrainedWeights.Tensor::name).toList());
        assertArrayEquals(new long[] {1, 2, 1, 3}, read.tensor("conv1/kernel").shape());
        assertArrayEquals(new float[] {1, -2.5f, 3, 0, Float.MIN_VALUE, -0f}, read.tensor("conv1/kernel").values());
        assertArrayEquals(new float[] {0.25f, 0.5f, 0.75f}, read.tensor("conv1/bias").values());
    }

    @Test
    void malformedBytesAreRefusedSayingWhy() {
        byte[] bytes = WEIGHTS.toBytes();
        assertTrue(refusal(new byte[0]).contains("end early"));
        assertTrue(refusal("not weights at all".getBytes()).contains("not ConvLab weights"));
        assertTrue(refusal(Arrays.copyOf(bytes, bytes.length - 1)).contains("more values than the bytes hold"));
        assertTrue(refusal(Arrays.copyOf(bytes, bytes.length + 4)).contains("4 bytes follow the last tensor"));
        byte[] future = bytes.clone();
        future[7] = 9;
        assertTrue(refusal(future).contains("version 9"));
        byte[] huge = bytes.clone();
        huge[8] = 0x7f;
        assertTrue(refusal(huge).contains("tensors"));
    }

    @Test
    void aTensorWhoseValuesDoNotFillItsShapeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TrainedWeights.Tensor("bias", new long[] {4}, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> WEIGHTS.tensor("conv9/kernel"));
    }

    private static String refusal(byte[] bytes) {
        return assertThrows(IllegalArgumentException.class, () -> TrainedWeights.fromBytes(bytes)).getMessage();
    }
}
