package dev.convlab.platform;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.jboss.logging.Logger;

/**
 * Settings for TensorFlow's native runtime, applied once before it loads: {@code Device} (the kernel lab) and
 * {@code Trainer} (training and the receptive-field probe), through which all of ConvLab's TensorFlow work passes, call
 * {@link #prepare()} in their static initializers.
 */
public final class NativeRuntime {

    private static final Logger LOG = Logger.getLogger(NativeRuntime.class);
    private static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";
    static final String ONEDNN_OPTS = "TF_ENABLE_ONEDNN_OPTS";
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int M_ARENA_MAX = -8;
    private static final int PRIO_PROCESS = 0;
    /** The highest nice value, the lowest priority Linux gives a thread. */
    private static final int LOWEST_PRIORITY = 19;
    private static final int SCHED_IDLE = 5;
    /** glibc's largest mmap threshold on 64-bit: buffers up to 32 MB come from the heap and are reused. */
    private static final int MMAP_THRESHOLD_BYTES = 32 * 1024 * 1024;
    /** Free memory an arena keeps before it hands the rest back to the kernel: more than a training step frees. */
    private static final int TRIM_THRESHOLD_BYTES = 128 * 1024 * 1024;

    private static boolean prepared;
    private static boolean allocatorTuned;
    private static CLibrary c;

    private NativeRuntime() {}

    /** Idempotent; safe to call from any thread. */
    public static synchronized void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        // JavaCPP otherwise reads /proc/self/statm on every native allocation, to call System.gc() when the process
        // grows past a limit: that was 40% of a small convolution's time. Every tensor here is closed explicitly.
        if (System.getProperty(MAX_PHYSICAL_BYTES) == null) {
            System.setProperty(MAX_PHYSICAL_BYTES, "0");
        }
        if (!Platform.isLinux()) {
            return;
        }
        try {
            c = Native.load("c", CLibrary.class);
        } catch (LinkageError e) {
            LOG.warnf("the C library is not reachable (%s): TensorFlow keeps its own defaults", e.getMessage());
            return;
        }
        allocatorTuned = tuneAllocator();
        enableOneDnn();
    }

    /** Whether glibc took the allocator settings (false off Linux, or when the operator set GLIBC_TUNABLES). */
    public static synchronized boolean allocatorTuned() {
        prepare();
        return allocatorTuned;
    }

    /**
     * TensorFlow allocates and frees its intermediate tensors on every step. Left to glibc's defaults, buffers above
     * its mmap threshold, and the heap's free top, go back to the kernel and fault in again, page by page, on the
     * next step: a training step at batch 256 spent most of its time so (bench/train: 16,444 against 29,499 images/s).
     * Each arena now keeps up to the trim threshold of freed memory, so the arenas are capped at two per core (glibc
     * allows eight): TensorFlow runs in at most that many threads at once, as the compute slots and training runs bound.
     */
    private static boolean tuneAllocator() {
        if (System.getenv("GLIBC_TUNABLES") != null) {
            return false;
        }
        boolean mmap = c.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) == 1;
        boolean trim = c.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES) == 1;
        boolean arenas = c.mallopt(M_ARENA_MAX, 2 * Runtime.getRuntime().availableProcessors()) == 1;
        return mmap && trim && arenas;
    }

    /**
     * TensorFlow turns its oneDNN kernels on by itself only on CPUs with AVX-512 VNNI or newer; elsewhere Conv2D runs
     * on Eigen. On an AVX2 CPU oneDNN made the 1,000-image convolution 3× faster and training 15–30% faster
     * (bench/README.md). An operator's own TF_ENABLE_ONEDNN_OPTS wins. Set in the C library's environment, which
     * TensorFlow reads, before TensorFlow's threads exist.
     */
    private static void enableOneDnn() {
        if (c.setenv(ONEDNN_OPTS, "1", 0) != 0) {
            LOG.warnf("could not set %s: TensorFlow keeps its default kernels", ONEDNN_OPTS);
        }
    }

    /**
     * Lowers the calling thread's CPU priority (raises its nice value; Linux keeps one per thread, and threads it
     * starts inherit it), so that background work (password hashing, training) yields the cores to requests when both
     * want them and still uses every idle cycle. The nice value rises by {@code niceness} from the thread's own, up to
     * Linux's 19, so a process started with {@code nice} never has threads above its own priority. False where that is
     * not possible; the thread then runs as it was.
     */
    public static boolean lowerCurrentThreadPriority(int niceness) {
        prepare();
        if (c == null) {
            return false;
        }
        try {
            int thread = c.gettid();
            return c.setpriority(PRIO_PROCESS, thread, Math.min(LOWEST_PRIORITY, c.getpriority(PRIO_PROCESS, thread) + niceness)) == 0;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }

    /**
     * Puts the calling thread in Linux's idle class ({@code SCHED_IDLE}): it runs only on cycles that no thread of
     * normal priority wants, where nice 10 still took a tenth of a contended core from requests. Threads it starts
     * inherit it. False where that is not possible; the thread then runs as it was.
     */
    public static boolean idleCurrentThread() {
        prepare();
        if (c == null) {
            return false;
        }
        try {
            return c.sched_setscheduler(c.gettid(), SCHED_IDLE, new int[] {0}) == 0;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }

    /** The C library functions this class needs. */
    private interface CLibrary extends Library {
        int mallopt(int parameter, int value);

        int setenv(String name, String value, int overwrite);

        int gettid();

        int getpriority(int which, int who);

        int setpriority(int which, int who, int priority);

        /** {@code param} is a {@code struct sched_param}: one int, the static priority, 0 outside real-time classes. */
        int sched_setscheduler(int pid, int policy, int[] param);
    }
}
