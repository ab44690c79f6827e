package dev.convlab.kernellab.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeviceTest {

    @Test
    void autoUsesTheGpuWhenTensorFlowSeesOne() {
        assertEquals(Device.GPU, Device.select(Device.Choice.AUTO, () -> true));
    }

    @Test
    void autoFallsBackToTheCpu() {
        assertEquals(Device.CPU, Device.select(Device.Choice.AUTO, () -> false));
    }

    @Test
    void cpuNeverAsksForTheGpu() {
        assertEquals(Device.CPU, Device.select(Device.Choice.CPU, () -> {
            throw new AssertionError("the GPU probe must not run when the CPU is chosen");
        }));
    }

    @Test
    void explicitGpuWithoutOneIsAClearConfigurationError() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> Device.select(Device.Choice.GPU, () -> false));
        assertTrue(error.getMessage().contains("sees no GPU"), error.getMessage());
    }

    @Test
    void cpuSessionsHideTheGpu() {
        assertEquals(0, Device.CPU.sessionConfig().getDeviceCountOrThrow("GPU"));
        assertFalse(Device.GPU.sessionConfig().containsDeviceCount("GPU"));
        assertEquals(1, Device.CPU.sessionConfig().getIntraOpParallelismThreads());
    }

    @Test
    void theCpuBuildOfTensorFlowSeesNoGpu() {
        boolean gpuBuild = System.getProperty("convlab.tensorflow.classifier", "").endsWith("-gpu");
        if (!gpuBuild) {
            assertFalse(GpuProbe.gpuVisible());
        }
        assertEquals(gpuBuild && GpuProbe.gpuVisible() ? Device.GPU : Device.CPU,
                Device.select(Device.Choice.AUTO, GpuProbe::gpuVisible));
    }

    @Test
    void theGpuProbeRunsOpsOnTheCallingThreadLikeEveryOtherSession() {
        assertFalse(GpuProbe.config().getAllowSoftPlacement());
        assertFalse(GpuProbe.config().getDeviceCountMap().containsKey("GPU"));
        assertEquals(Device.CPU.sessionConfig().getIntraOpParallelismThreads(), GpuProbe.config().getIntraOpParallelismThreads());
        assertEquals(Device.CPU.sessionConfig().getInterOpParallelismThreads(), GpuProbe.config().getInterOpParallelismThreads());
    }
}
