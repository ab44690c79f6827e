package dev.convlab.kernellab.compute;

import dev.convlab.platform.NativeRuntime;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.tensorflow.proto.ConfigProto;

/** Where TensorFlow computes. */
public enum Device {
    CPU,
    GPU;

    static {
        NativeRuntime.prepare();
    }

    /** What an operator may ask for: a GPU when there is one, or one device for sure. */
    public enum Choice { AUTO, CPU, GPU }

    /** Resolves a choice: AUTO falls back to the CPU; an explicit GPU without one is a configuration error. */
    public static Device select(Choice choice, BooleanSupplier gpuVisible) {
        return switch (choice) {
            case CPU -> CPU;
            case AUTO -> gpuVisible.getAsBoolean() ? GPU : CPU;
            case GPU -> {
                if (!gpuVisible.getAsBoolean()) {
                    throw new IllegalStateException("convlab.compute.device=gpu, but TensorFlow sees no GPU "
                            + "(needs the gpu build, CUDA 12 and cuDNN 9 on the host); use auto or cpu");
                }
                yield GPU;
            }
        };
    }

    /** Session settings: ops run on the calling thread, and on the CPU no GPU is even opened. */
    ConfigProto sessionConfig() {
        ConfigProto.Builder config = ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(1)
                .setInterOpParallelismThreads(-1)
                .setAllowSoftPlacement(true);
        if (this == CPU) {
            config.putDeviceCount("GPU", 0);
        }
        return config.build();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
