package dev.convlab.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convlab.kernellab.compute.ConvolutionEngine;
import dev.convlab.training.compute.Architecture;
import dev.convlab.training.compute.Trainer;
import dev.convlab.training.compute.TrainingData;
import dev.convlab.training.compute.TrainingSettings;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * This node's training throughput in multiply-adds per second, for estimating runs before they start: the median of
 * the last finished runs (of the same kind of network when there are some: stride-2 networks train as im2col, pooled
 * ones on Conv2D), and before any run finished, a calibration made as the node starts, which trains the lesson network
 * on a few blank batches.
 */
@ApplicationScoped
public class TrainingSpeed {

    static final int RECENT_RUNS = 20;
    private static final int CALIBRATION_IMAGES = 512;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Inject
    TrainingDatasets datasets;

    @Inject
    ConvolutionEngine engine;

    private static final Executor CALIBRATOR = command -> {
        Thread thread = new Thread(command, "training-speed-calibration");
        thread.setDaemon(true);
        thread.start();
    };

    private volatile CompletableFuture<Double> calibration;

    /** A throughput read from the finished runs, with when it was read. */
    private record Measured(double multiplyAddsPerSecond, long readAtNanos) {}

    /** Per kind of network (stride-2 or not), the throughput last read, reused for {@link #RATE_REUSE}. */
    private final Map<Boolean, Measured> measured = new ConcurrentHashMap<>();

    /**
     * How long a throughput read is reused: it moves only as runs finish, while every open run page asks for its time
     * left twice a second, and a run list once per run.
     */
    static final Duration RATE_REUSE = Duration.ofSeconds(10);

    /** Seconds a whole run of {@code settings} takes on this node. */
    public double seconds(RunSettings settings) {
        return RunEstimate.seconds(work(settings), steps(settings), rate(settings.downsampling() == Architecture.Downsampling.STRIDE2));
    }

    private double rate(boolean stride2) {
        long now = System.nanoTime();
        Measured last = measured.get(stride2);
        if (last == null || now - last.readAtNanos() > RATE_REUSE.toNanos()) {
            last = new Measured(multiplyAddsPerSecond(stride2), now);
            measured.put(stride2, last);
        }
        return last.multiplyAddsPerSecond();
    }

    /** Multiply-adds per second of recent finished runs of this kind, or of any kind, or of the calibration. */
    double multiplyAddsPerSecond(boolean stride2) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select settings::text, (result ->> 'trainingSeconds')::float8 from training_run
                where state = 'succeeded' and (result ->> 'trainingSeconds')::float8 > 0
                order by finished_at desc limit ?1""").setParameter(1, 5 * RECENT_RUNS).getResultList();
        double[] same = rates(rows, stride2, true);
        double[] any = same.length > 0 ? same : rates(rows, stride2, false);
        return any.length > 0 ? median(any) : calibration();
    }

    private double[] rates(List<Object[]> rows, boolean stride2, boolean sameKind) {
        return rows.stream().map(row -> {
            RunSettings settings = read((String) row[0]);
            boolean kind = settings.downsampling() == Architecture.Downsampling.STRIDE2;
            return sameKind && kind != stride2 ? null : RunEstimate.rate(work(settings), steps(settings), ((Number) row[1]).doubleValue());
        }).filter(rate -> rate != null).limit(RECENT_RUNS).mapToDouble(Double::doubleValue).toArray();
    }

    private double work(RunSettings settings) {
        Architecture architecture = settings.check().architecture();
        long perImage = RunSettings.multiplyAdds(architecture.kernelSize(), architecture.plan());
        int[] sizes = datasets.sizes(settings.dataset());
        return RunEstimate.work(perImage, sizes[0], sizes[1], settings.epochs());
    }

    private long steps(RunSettings settings) {
        return RunSettings.steps(datasets.sizes(settings.dataset())[0], settings.batchSize(), settings.epochs());
    }

    /** Starts the calibration when the node starts, off the request path, so the first estimate need not wait for it. */
    void start(@Observes StartupEvent event) {
        calibration = CompletableFuture.supplyAsync(() -> engine.withSlot(TrainingSpeed::calibrate), CALIBRATOR);
    }

    private double calibration() {
        return calibration.join();
    }

    /** Trains the lesson network on blank images (a warm-up pass, then a timed one): multiply-adds per second. */
    static double calibrate() {
        TrainingData blank = new TrainingData(new float[CALIBRATION_IMAGES * TrainingData.PIXELS], new int[CALIBRATION_IMAGES]);
        TrainingData none = new TrainingData(new float[0], new int[0]);
        Trainer.Listener quiet = new Trainer.Listener() {
            @Override
            public void epoch(Trainer.Epoch epoch) {}

            @Override
            public void batches(Trainer.Batches progress) {}
        };
        TrainingSettings settings = new TrainingSettings(Architecture.lesson(), TrainingSettings.Optimizer.SGD, 0.01f, 64, 1, 1);
        try (Trainer trainer = new Trainer(settings, false)) {
            trainer.train(blank, none, quiet, () -> false);
            long start = System.nanoTime();
            trainer.train(blank, none, quiet, () -> false);
            double seconds = (System.nanoTime() - start) / 1e9;
            long perImage = RunSettings.multiplyAdds(3, Architecture.lesson().plan());
            return RunEstimate.rate(RunEstimate.work(perImage, CALIBRATION_IMAGES, 0, 1),
                    RunSettings.steps(CALIBRATION_IMAGES, settings.batchSize(), 1), seconds);
        }
    }

    private RunSettings read(String settings) {
        try {
            return json.readValue(settings, RunSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored run's settings do not read back", e);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
