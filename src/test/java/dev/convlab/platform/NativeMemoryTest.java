package dev.convlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;
import org.junit.jupiter.api.Test;

class NativeMemoryTest {

    @Test
    void glibcKeepsTensorflowBuffersMappedOnLinux() {
        assumeTrue(Platform.isLinux() && System.getenv("GLIBC_TUNABLES") == null, "glibc's mallopt is Linux only");
        assertTrue(NativeMemory.allocatorTuned());
    }

    @Test
    void javacppNoLongerChecksTheProcessSizeOnEveryAllocation() {
        NativeMemory.prepare();
        assertEquals("0", System.getProperty("org.bytedeco.javacpp.maxPhysicalBytes"));
    }
}
