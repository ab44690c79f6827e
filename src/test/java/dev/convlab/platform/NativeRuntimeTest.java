package dev.convlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
        assertEquals(operatorChoice == null ? "1" : operatorChoice, NativeRuntime.nativeEnvironment(NativeRuntime.ONEDNN_OPTS));
    }
}
