package dev.convlab.platform;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Caps Quarkus's request worker threads at eight per core in the dev and prod profiles. Quarkus allows at least 200;
 * convolutions are CPU work, and on 2 cores that many threads only switch between each other (bench/run: 16 threads
 * served 27% more requests at 64 connections, with a lower p99). Its ordinal is below every config file's, so a value
 * an operator sets anywhere (a config file, the environment, a system property) wins.
 */
public class WorkerThreadsDefault implements ConfigSource {

    static final String MAX_WORKER_THREADS = "quarkus.thread-pool.max-threads";
    private static final int ORDINAL = 50;

    private final Map<String, String> values;

    public WorkerThreadsDefault() {
        String eightPerCore = String.valueOf(8 * Runtime.getRuntime().availableProcessors());
        values = Map.of("%prod." + MAX_WORKER_THREADS, eightPerCore, "%dev." + MAX_WORKER_THREADS, eightPerCore);
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "ConvLab worker-thread default";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
