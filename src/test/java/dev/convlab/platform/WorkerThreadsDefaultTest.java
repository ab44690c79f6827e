package dev.convlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerThreadsDefaultTest {

    private static final String KEY = WorkerThreadsDefault.MAX_WORKER_THREADS;
    private static final int EIGHT_PER_CORE = 8 * Runtime.getRuntime().availableProcessors();

    @Test
    void productionGetsEightWorkerThreadsPerCore() {
        assertEquals(EIGHT_PER_CORE, config("prod").getValue(KEY, Integer.class));
        assertEquals(EIGHT_PER_CORE, config("dev").getValue(KEY, Integer.class));
    }

    @Test
    void testsKeepQuarkusDefault() {
        assertTrue(config("test").getOptionalValue(KEY, Integer.class).isEmpty());
    }

    @Test
    void aNumberInAConfigFileWins() {
        PropertiesConfigSource configFile = new PropertiesConfigSource(Map.of(KEY, "40"), "config/application.properties", 260);
        assertEquals(40, config("prod", configFile).getValue(KEY, Integer.class));
    }

    @Test
    void aNumberInTheEnvironmentWins() {
        PropertiesConfigSource environment = new PropertiesConfigSource(Map.of(KEY, "3"), "environment", 300);
        assertEquals(3, config("prod", environment).getValue(KEY, Integer.class));
    }

    private static SmallRyeConfig config(String profile, PropertiesConfigSource... operatorSettings) {
        return new SmallRyeConfigBuilder().withProfile(profile).withSources(new WorkerThreadsDefault())
                .withSources(operatorSettings).build();
    }
}
