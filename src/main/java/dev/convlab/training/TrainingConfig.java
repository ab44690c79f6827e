package dev.convlab.training;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** This node's part in training. */
@ConfigMapping(prefix = "convlab.training")
public interface TrainingConfig {

    /** Whether this instance trains queued runs (the worker role); web-only instances set it false. */
    @WithDefault("true")
    boolean worker();

    /**
     * Runs trained at once on this node; unset, one per core. Each run trains on one thread, and two runs on one thread
     * each trained 1.25–1.34× the images of one run on two threads here (bench/train, bench/queue).
     */
    Optional<Integer> concurrency();

    /** How long a claimed run stays this worker's without a heartbeat; a dead worker's run is requeued after it. */
    @WithDefault("30s")
    Duration lease();

    /** How often an idle worker looks for queued runs. */
    @WithDefault("1s")
    Duration poll();
}
