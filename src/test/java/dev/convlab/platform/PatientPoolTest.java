package dev.convlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PatientPoolTest {

    private static final Duration PATIENCE = Duration.ofMillis(300);

    @Test
    void workRunsAtBackgroundPriorityWhileAThreadIsFree() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        int ownNice = BackgroundThreadsTest.niceOfCurrentThread();
        try (PatientPool pool = new PatientPool("test-patient", 1, PATIENCE)) {
            assertEquals(Math.min(19, ownNice + BackgroundThreads.NICENESS),
                    pool.submit(PatientPoolTest::nice).get(5, TimeUnit.SECONDS));
            assertEquals(0, pool.waiting());
        }
    }

    @Test
    void workThatWaitedLongerThanItsPatienceRunsAtNormalPriorityExactlyOnce() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        int ownNice = BackgroundThreadsTest.niceOfCurrentThread();
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        try (PatientPool pool = new PatientPool("test-patient", 1, PATIENCE)) {
            CompletableFuture<Boolean> blocker = pool.submit(() -> {
                busy.countDown();
                return await(release);
            });
            assertTrue(await(busy));
            long started = System.nanoTime();
            CompletableFuture<Integer> overdue = pool.submit(() -> {
                runs.incrementAndGet();
                return nice();
            });
            assertEquals(1, pool.waiting());
            int niceWhenOverdue = overdue.get(5, TimeUnit.SECONDS);
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            release.countDown();
            blocker.get(5, TimeUnit.SECONDS);
            pool.submit(() -> true).get(5, TimeUnit.SECONDS);

            assertEquals(ownNice, niceWhenOverdue, "the overdue thread keeps the caller's priority");
            assertTrue(waitedMillis >= PATIENCE.toMillis(), "it waited its patience first: " + waitedMillis + " ms");
            assertEquals(1, runs.get(), "the background thread skips work the overdue thread already did");
            assertEquals(0, pool.waiting());
        }
    }

    @Test
    void aBacklogDrainsThroughBothWhileTheBackgroundThreadsAreBusy() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (PatientPool pool = new PatientPool("test-patient", 1, PATIENCE)) {
            CompletableFuture<Boolean> blocker = pool.submit(() -> await(release));
            List<CompletableFuture<String>> backlog = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                backlog.add(pool.submit(() -> Thread.currentThread().getName()));
            }
            for (CompletableFuture<String> task : backlog) {
                assertEquals("test-patient-overdue", task.get(5, TimeUnit.SECONDS));
            }
            release.countDown();
            assertTrue(blocker.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void aFailureReachesTheCaller() {
        try (PatientPool pool = new PatientPool("test-patient", 1, PATIENCE)) {
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> pool.submit(() -> { throw new IllegalStateException("no"); }).get(5, TimeUnit.SECONDS));
            assertEquals("no", failure.getCause().getMessage());
        }
    }

    private static int nice() {
        try {
            return BackgroundThreadsTest.niceOfCurrentThread();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
