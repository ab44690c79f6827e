package dev.convlab.platform;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Threads for work that no one waits on page by page (password hashing, training), at a lower CPU priority: when
 * requests want the cores too, a request thread gets about nine tenths of a contended core; otherwise the background
 * work takes every idle cycle.
 */
public final class BackgroundThreads {

    private static final Logger LOG = Logger.getLogger(BackgroundThreads.class);
    /** Linux nice value; CFS weighs nice 0 against nice 10 as 1024 to 110. */
    static final int NICENESS = 10;

    private BackgroundThreads() {}

    /** Daemon threads named {@code name-1}, {@code name-2}, …, each lowering its own priority as it starts. */
    public static ThreadFactory named(String name) {
        return named(name, () -> NativeRuntime.lowerCurrentThreadPriority(NICENESS));
    }

    /**
     * Daemon threads for work that may wait as long as requests want the cores (training): in Linux's idle class, or
     * at the lower priority where that is not possible. In bench/class at N = 300 the two training threads at nice 10
     * still took 40-65% of a core while the kernel lab's p99 was 0.6-0.9 s.
     */
    public static ThreadFactory idle(String name) {
        return named(name, () -> NativeRuntime.idleCurrentThread() || NativeRuntime.lowerCurrentThreadPriority(NICENESS));
    }

    private static ThreadFactory named(String name, BooleanSupplier lowerPriority) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(() -> {
                if (!lowerPriority.getAsBoolean()) {
                    LOG.debugf("%s runs at normal CPU priority on this system", Thread.currentThread().getName());
                }
                task.run();
            }, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
