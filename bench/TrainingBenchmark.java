import dev.convlab.datasets.ImageSet;
import dev.convlab.kernellab.compute.GpuProbe;
import dev.convlab.training.TrainingDatasets;
import dev.convlab.training.compute.Architecture;
import dev.convlab.training.compute.Architecture.Downsampling;
import dev.convlab.training.compute.Architecture.Head;
import dev.convlab.training.compute.Trainer;
import dev.convlab.training.compute.TrainingData;
import dev.convlab.training.compute.TrainingSettings;
import dev.convlab.training.compute.TrainingSettings.Optimizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;

/**
 * Trainer on Fashion-MNIST, timed the way bench/torch_train.py times PyTorch. Prints tab-separated lines: engine, case,
 * value. Run by bench/train.
 *   speed stride-2|max-pool BATCH   images/s over one epoch of the 60,000 training images, SGD at 0.4
 *   accuracy stride-2|batch-norm SEED  t10k accuracy after 5 epochs, SGD at 0.4, batch 256, of the lesson net
 *                                      or the lesson net with batch norm
 *   queue                           the queue's case: lesson net at batch 64, two runs at once on 1 thread each, in a
 *                                   process whose first session is the app's GPU probe, as on a worker node
 * Each timed case also prints its CPU time per image (all the process's threads over the timed part), which a busy
 * machine changes far less than it changes images per second.
 */
public class TrainingBenchmark {

    private static final Path DATA = Path.of(System.getProperty("fashion", "/usr/share/datasets/fashion-mnist"));
    private static final TrainingData NOTHING = new TrainingData(new float[0], new int[0]);
    private static final int WARM_UP = 1024;

    public static void main(String[] args) throws Exception {
        TrainingData train = read("train");
        switch (args[0]) {
            case "speed" -> {
                int batch = Integer.parseInt(args[2]);
                print("speed " + args[1] + " b" + batch, imagesPerSecond(new Trainer(settings(args[1], batch, 1, 1), false), train));
            }
            case "accuracy" -> {
                long seed = Long.parseLong(args[2]);
                TrainingSettings settings = settings(args[1], 256, 5, seed);
                try (Trainer trainer = new Trainer(settings, false)) {
                    trainer.train(train, NOTHING, quiet(), () -> false);
                    System.out.printf("tf\taccuracy %s seed %d\t%.4f%n", args[1], seed, trainer.evaluate(read("t10k")).accuracy());
                }
            }
            case "queue" -> {
                // The app's first TensorFlow session, which sizes the process's thread pools for every later one.
                GpuProbe.gpuVisible();
                print("queue: two runs at once, 1 thread each", twoRuns(train));
            }
            default -> throw new IllegalArgumentException("speed, accuracy or queue, not " + args[0]);
        }
    }

    private static TrainingSettings settings(String network, int batch, int epochs, long seed) {
        Downsampling downsampling = switch (network) {
            case "stride-2", "batch-norm" -> Downsampling.STRIDE2;
            case "max-pool" -> Downsampling.MAX_POOL;
            default -> throw new IllegalArgumentException("stride-2, batch-norm or max-pool, not " + network);
        };
        boolean batchNorm = network.equals("batch-norm");
        Architecture architecture = new Architecture(downsampling, 3, List.of(4, 8, 16, 16), batchNorm, Head.FLATTEN);
        return new TrainingSettings(architecture, Optimizer.SGD, 0.4f, batch, epochs, seed);
    }

    /** Images per second and CPU time per image over a timed part that trained {@code images}. */
    private record Timed(long images, long nanos, long cpuNanos) {}

    private static void print(String name, Timed timed) {
        System.out.printf("tf\t%s\t%.0f%n", name, timed.images() / (timed.nanos() / 1e9));
        System.out.printf("tf\tcpu µs per image: %s\t%.1f%n", name, timed.cpuNanos() / 1e3 / timed.images());
    }

    /** The CPU time of every thread of this process so far. */
    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
    }

    /** One timed epoch after a short warm-up on the same trainer (graph optimization and kernel set-up). */
    private static Timed imagesPerSecond(Trainer trainer, TrainingData train) {
        try (trainer) {
            trainer.train(warmUp(train), NOTHING, quiet(), () -> false);
            long cpu = cpuNanos();
            long start = System.nanoTime();
            trainer.train(train, NOTHING, quiet(), () -> false);
            return new Timed(train.count(), System.nanoTime() - start, cpuNanos() - cpu);
        }
    }

    /**
     * Two runs built as a training worker builds them ({@code RunWorker}: one {@code Trainer} per worker thread, on one
     * intra-op thread) warm up, start together, and the total counts every image over the time until both finish.
     */
    private static Timed twoRuns(TrainingData train) throws Exception {
        CyclicBarrier start = new CyclicBarrier(3);
        List<Thread> runs = IntStream.range(0, 2).mapToObj(i -> new Thread(() -> {
            try (Trainer trainer = new Trainer(settings("stride-2", 64, 1, i + 1), false)) {
                trainer.train(warmUp(train), NOTHING, quiet(), () -> false);
                start.await();
                trainer.train(train, NOTHING, quiet(), () -> false);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).toList();
        runs.forEach(Thread::start);
        start.await();
        long cpu = cpuNanos();
        long began = System.nanoTime();
        for (Thread run : runs) {
            run.join();
        }
        return new Timed(2L * train.count(), System.nanoTime() - began, cpuNanos() - cpu);
    }

    private static TrainingData warmUp(TrainingData train) {
        return new TrainingData(Arrays.copyOf(train.images(), WARM_UP * TrainingData.PIXELS), Arrays.copyOf(train.labels(), WARM_UP));
    }

    private static Trainer.Listener quiet() {
        return new Trainer.Listener() {
            @Override
            public void epoch(Trainer.Epoch epoch) {}

            @Override
            public void batches(Trainer.Batches progress) {}
        };
    }

    private static TrainingData read(String split) {
        try (InputStream images = Files.newInputStream(DATA.resolve(split + "-images-idx3-ubyte.gz"));
                InputStream labels = Files.newInputStream(DATA.resolve(split + "-labels-idx1-ubyte.gz"))) {
            ImageSet set = ImageSet.fromIdx(images, labels, IntStream.range(0, 10).mapToObj(String::valueOf).toList());
            return TrainingDatasets.slice(set, 0, set.count());
        } catch (IOException e) {
            throw new IllegalStateException("Fashion-MNIST is not readable in " + DATA + " (apt-get install dataset-fashion-mnist)", e);
        }
    }
}
