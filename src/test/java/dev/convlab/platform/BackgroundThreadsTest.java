package dev.convlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class BackgroundThreadsTest {

    private static final int SCHED_OTHER = 0;
    private static final int SCHED_IDLE = 5;

    @Test
    void backgroundThreadsRunTenNiceLevelsBelowTheRequestThreads() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        int ownNice = niceOfCurrentThread();
        ExecutorService pool = Executors.newSingleThreadExecutor(BackgroundThreads.named("test-background"));
        try {
            String name = pool.submit(() -> Thread.currentThread().getName()).get();
            int backgroundNice = pool.submit(BackgroundThreadsTest::niceOfCurrentThread).get();
            assertEquals("test-background-1", name);
            assertEquals(Math.min(19, ownNice + BackgroundThreads.NICENESS), backgroundNice);
            assertEquals(ownNice, niceOfCurrentThread(), "the caller's own priority is untouched");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void trainingThreadsRunInLinuxsIdleClassAndTheCallerStaysNormal() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        ExecutorService pool = Executors.newSingleThreadExecutor(BackgroundThreads.idle("test-idle"));
        try {
            assertEquals(SCHED_IDLE, pool.submit(() -> statField(41)).get());
            assertEquals(SCHED_OTHER, statField(41));
        } finally {
            pool.shutdownNow();
        }
    }

    static int niceOfCurrentThread() throws Exception {
        return statField(19);
    }

    /** Field {@code number} (from 1, as proc(5) counts) of /proc/thread-self/stat, read after the command name. */
    private static int statField(int number) throws Exception {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[number - 3]);
    }
}
