package dev.convlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class BackgroundThreadsTest {

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

    /** Field 19 of /proc/thread-self/stat, counted after the command name's closing parenthesis. */
    static int niceOfCurrentThread() throws Exception {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }
}
