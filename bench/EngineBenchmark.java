import dev.convlab.kernellab.compute.ConvolutionEngine;
import dev.convlab.kernellab.compute.ConvolutionSpec;
import dev.convlab.kernellab.compute.Device;
import dev.convlab.kernellab.compute.FeatureMaps;
import dev.convlab.kernellab.compute.Images;
import dev.convlab.kernellab.compute.Kernels;
import dev.convlab.kernellab.compute.MedianTimer;
import dev.convlab.kernellab.compute.Padding;
import dev.convlab.kernellab.compute.ReferenceConvolution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The convolution engine in process, timed the way a request uses it: tensor creation and run, up to the maps ready
 * to read where TensorFlow wrote them (as PyTorch's conv2d(...).numpy() in torch_conv.py), and the batch once more
 * with a copy of its 6 MB into a Java array; and one lab request's share of a call that computes 16 of them together
 * (the maps copied into Java, as the server's batcher reads them).
 * Prints one line per case: name, median microseconds, runs. Run by bench/run.
 */
public class EngineBenchmark {

    /** Lab requests computed in one call, as the server's batcher does under load. */
    private static final int TOGETHER = 16;

    public static void main(String[] args) {
        Random random = new Random(1);
        try (ConvolutionEngine engine = new ConvolutionEngine(Device.CPU, 2, Duration.ofSeconds(30), 8, TOGETHER)) {
            Images one = images(random, 1, 28, 28);
            Kernels topEdge = kernels(random, 1);
            ConvolutionSpec plain = ConvolutionSpec.of(1, 1, Padding.valid());
            report("tf one 28x28, one 3x3", 5000, MedianTimer.medianMicros(() -> engine.convolve(one, topEdge, plain).close(), 500, 5000));
            List<Images> digits = new ArrayList<>();
            List<Kernels> theirKernels = new ArrayList<>();
            for (int i = 0; i < TOGETHER; i++) {
                digits.add(images(random, 1, 28, 28));
                theirKernels.add(kernels(random, 1));
            }
            report("tf per request, " + TOGETHER + " requests in one call, one 28x28, one 3x3", 500, MedianTimer.medianMicros(
                    () -> engine.convolveTogether(digits, theirKernels, plain).orElseThrow(), 50, 500) / TOGETHER);
            report("java loop one 28x28, one 3x3", 5000, MedianTimer.medianMicros(() -> ReferenceConvolution.convolve(one, topEdge, plain), 500, 5000));

            Images thousand = images(random, 1000, 28, 28);
            Kernels eight = kernels(random, 8);
            ConvolutionSpec strided = ConvolutionSpec.of(2, 1, Padding.explicit(1, 1, 1, 1));
            report("tf 1000 28x28, 8 3x3, stride 2", 100, MedianTimer.medianMicros(() -> engine.convolve(thousand, eight, strided).close(), 100, 100));
            report("tf + copy to a float[] 1000 28x28, 8 3x3, stride 2", 100, MedianTimer.medianMicros(() -> {
                try (FeatureMaps maps = engine.convolve(thousand, eight, strided)) {
                    maps.toArray();
                }
            }, 100, 100));
        }
    }

    private static Images images(Random random, int count, int height, int width) {
        float[] values = new float[count * height * width];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        return new Images(values, count, height, width, 1);
    }

    private static Kernels kernels(Random random, int count) {
        float[] values = new float[count * 9];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat() * 2 - 1;
        }
        return new Kernels(values, count, 3, 3, 1);
    }

    private static void report(String name, int runs, double medianMicros) {
        System.out.printf("%s\t%.1f\t%d%n", name, medianMicros, runs);
    }
}
