package dev.convlab.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A lock file naming someone else's process never gets that process signalled. */
class OrphanedServerTest {

    @Test
    void aLockFileNamingAnotherProgramLeavesThatProgramRunningAndIsRemovedAsStale() throws Exception {
        Path data = Files.createTempDirectory("convlab-orphan");
        Process stranger = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(data.resolve("postmaster.pid"), stranger.pid() + "\n" + data + "\n1700000000\n5432\n");
            OrphanedServer.stopIfAny(data);
            assertTrue(stranger.isAlive(), "a process that is not a postgres of this data directory is never signalled");
            assertFalse(Files.exists(data.resolve("postmaster.pid")), "the lock file named no server of ours, so it was stale");
        } finally {
            stranger.destroy();
        }
    }

    @Test
    void aProcessIsOurServerOnlyIfItIsPostgresWorkingInTheDataDirectory() throws Exception {
        Path data = Files.createTempDirectory("convlab-orphan");
        assertFalse(OrphanedServer.isServerOf(ProcessHandle.current(), data));
        assertFalse(OrphanedServer.isServerOf(ProcessHandle.current(), Path.of("").toAbsolutePath()), "working here, but not postgres");
    }
}
