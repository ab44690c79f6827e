package dev.convlab.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convlab.kernellab.compute.ConvolutionEngine;
import dev.convlab.kernellab.compute.Device;
import dev.convlab.platform.BackgroundThreads;
import dev.convlab.training.compute.Trainer;
import dev.convlab.training.compute.TrainingSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;
import org.tensorflow.TensorFlow;

/**
 * Trains queued runs on this node: each worker thread claims a run, renews its lease while training, records every
 * epoch, and finishes the run only while it still holds it. A run whose lease was lost or that was canceled stops
 * between two batches.
 */
@ApplicationScoped
public class RunWorker {

    private static final Logger LOG = Logger.getLogger(RunWorker.class);

    @Inject
    RunQueue queue;

    @Inject
    TrainingDatasets datasets;

    @Inject
    TrainingConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    ConvolutionEngine engine;

    /** How long shutdown waits for the workers: under Kubernetes' default grace period of 30 s. */
    private static final Duration DRAIN = Duration.ofSeconds(20);

    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
    private final AtomicBoolean running = new AtomicBoolean();
    /** Set once this node shuts down; tests drive {@link #runOnce} by hand with the loop never running. */
    private final AtomicBoolean stopping = new AtomicBoolean();
    private ExecutorService workers;

    void start(@Observes StartupEvent event) {
        if (!config.worker()) {
            LOG.info("Training worker off on this instance (convlab.training.worker=false)");
            return;
        }
        running.set(true);
        int runsAtOnce = config.concurrency().orElse(Runtime.getRuntime().availableProcessors());
        LOG.infof("Training worker on: %d run(s) at once on this node", runsAtOnce);
        workers = Executors.newFixedThreadPool(runsAtOnce, BackgroundThreads.idle("training"));
        for (int i = 0; i < runsAtOnce; i++) {
            String worker = node + "#" + i;
            workers.submit(() -> loop(worker));
        }
    }

    /**
     * Drains the workers before Quarkus closes the datasource: they take no new run, a run in training stops after its
     * current batch and is handed back to the queue, and only then does shutdown go on. A worker still busy after
     * {@link #DRAIN} (a test evaluation, say) is left; its lease expires and another node takes the run over.
     */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping.set(true);
        running.set(false);
        if (workers != null) {
            workers.shutdown();
            if (!workers.awaitTermination(DRAIN.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warnf("Training workers still busy after %d s; their runs will be taken over when the lease expires", DRAIN.toSeconds());
            }
        }
        heartbeats.shutdownNow();
    }

    private void loop(String worker) {
        while (running.get()) {
            try {
                if (!runOnce(worker)) {
                    Thread.sleep(config.poll().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "Training worker %s failed outside a run", worker);
            }
        }
    }

    /** Claims and trains one run; false when nothing was queued. */
    public boolean runOnce(String worker) {
        return queue.claim(worker, config.lease()).map(run -> {
            execute(run.id, run.settings, worker);
            return true;
        }).orElse(false);
    }

    private void execute(long runId, RunSettings settings, String worker) {
        AtomicBoolean lost = new AtomicBoolean();
        // Renewing every second at most also makes a cancel stop the run within about a second.
        long period = Math.max(100, Math.min(1000, config.lease().toMillis() / 3));
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> {
            try {
                if (!queue.heartbeat(runId, worker, config.lease())) {
                    lost.set(true);
                }
            } catch (RuntimeException e) {
                // The database is away (restarting, say): keep training and keep trying; finishing checks the lease.
                LOG.warnf("Run %d: heartbeat failed (%s)", runId, e.getMessage());
            }
        }, period, period, TimeUnit.MILLISECONDS);
        try {
            TrainingSettings trainer = settings.check();
            TrainingDatasets.Splits data = datasets.get(settings.dataset());
            long start = System.nanoTime();
            try (Trainer training = new Trainer(trainer, engine.device() == Device.GPU)) {
                Trainer.Outcome outcome = training.train(data.train(), data.validation(), new Trainer.Listener() {
                    @Override
                    public void epoch(Trainer.Epoch epoch) {
                        if (!retrying(() -> queue.recordEpoch(runId, worker, epoch.epoch(), json(Map.of("kind", "epoch", "epoch", epoch.epoch(),
                                "trainLoss", finite(epoch.trainLoss()), "validationLoss", finite(epoch.validationLoss()),
                                "validationAccuracy", epoch.validationAccuracy()))))) {
                            lost.set(true);
                        }
                    }

                    @Override
                    public void batches(Trainer.Batches progress) {
                        if (!retrying(() -> queue.recordEvent(runId, worker, json(Map.of("kind", "batches", "epoch", progress.epoch(),
                                "batch", progress.batch(), "batchesPerEpoch", progress.batchesPerEpoch(), "meanLoss", finite(progress.meanLoss())))))) {
                            lost.set(true);
                        }
                    }
                }, () -> lost.get() || stopping.get());
                if (outcome.stopped() && stopping.get() && !lost.get()) {
                    retrying(() -> queue.release(runId, worker));
                    LOG.infof("Run %d handed back to the queue: this node is shutting down", runId);
                    return;
                }
                boolean tested = !outcome.stopped() && !outcome.diverged();
                Trainer.Evaluation test = tested ? training.evaluate(data.validation()) : null;
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("testAccuracy", tested ? test.accuracy() : Double.NaN);
                result.put("testLoss", tested ? test.loss() : Double.NaN);
                result.put("parameters", trainer.architecture().parameters());
                result.put("trainingSeconds", (System.nanoTime() - start) / 1e9);
                result.put("imagesPerSecond", outcome.imagesPerSecond());
                result.put("device", engine.device().label());
                result.put("tensorflow", TensorFlow.version());
                result.put("firstLayerKernels", outcome.firstLayerKernels());
                if (tested) {
                    result.put("confusion", test.confusion());
                }
                byte[] weights = tested ? training.weights().toBytes() : null;
                String state = outcome.stopped() ? TrainingRun.CANCELED : outcome.diverged() ? TrainingRun.DIVERGED : TrainingRun.SUCCEEDED;
                retrying(() -> queue.finish(runId, worker, state, result, outcome.diverged() ? "the loss turned NaN or passed 1e4" : null, weights));
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Run %d failed", runId);
            retrying(() -> queue.finish(runId, worker, TrainingRun.FAILED, null, e.getMessage(), null));
        } finally {
            heartbeat.cancel(false);
        }
    }

    /**
     * Runs a queue update, trying again every second while the database is unreachable, for up to twice the lease: a
     * database restart pauses the run instead of losing its result. Past that the run is left to be taken over.
     */
    private boolean retrying(BooleanSupplier update) {
        long deadline = System.nanoTime() + 2 * config.lease().toNanos();
        while (true) {
            try {
                return update.getAsBoolean();
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.warnf("Database update failed, trying again in a second (%s)", e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private String json(Map<String, Object> event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Numbers always serialize", e);
        }
    }

    private static Object finite(double value) {
        return Double.isFinite(value) ? value : "NaN";
    }
}
