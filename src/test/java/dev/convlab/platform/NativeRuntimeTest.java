package dev.convlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.junit.jupiter.api.Test;

class NativeRuntimeTest {

    @Test
    void glibcKeepsTensorflowBuffersMappedOnLinux() {
        assumeTrue(Platform.isLinux() && System.getenv("GLIBC_TUNABLES") == null, "glibc's mallopt is Linux only");
        assertTrue(NativeRuntime.allocatorTuned());
    }

    @Test
    void javacppNoLongerChecksTheProcessSizeOnEveryAllocation() {
        NativeRuntime.prepare();
        assertEquals("0", System.getProperty("org.bytedeco.javacpp.maxPhysicalBytes"));
    }

    @Test
    void tensorflowUsesOneDnnKernelsUnlessTheOperatorChose() {
        assumeTrue(Platform.isLinux(), "set through the C library's environment");
        String operatorChoice = System.getenv(NativeRuntime.ONEDNN_OPTS);
        NativeRuntime.prepare();
        assertEquals(operatorChoice == null ? "1" : operatorChoice, Native.load("c", CEnvironment.class).getenv(NativeRuntime.ONEDNN_OPTS));
    }

    /** The environment TensorFlow reads: the C library's, which the JVM's System.getenv copied at start. */
    private interface CEnvironment extends Library {
        String getenv(String name);
    }
}
