package dev.convlab.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The PostgreSQL server an app killed with {@code kill -9} leaves running on its data directory. Its
 * {@code postmaster.pid} names it; it is signalled only when that process really is a {@code postgres} whose working
 * directory is this data directory (PostgreSQL changes into its data directory), so no one else's process is touched.
 */
final class OrphanedServer {

    private static final Logger LOG = Logger.getLogger(OrphanedServer.class);
    private static final long SHUTDOWN_SECONDS = 60;

    private OrphanedServer() {
    }

    /** Stops the server named by the data directory's lock file with a fast shutdown, if it is ours and running. */
    static void stopIfAny(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve("postmaster.pid");
        List<String> lines = lockFileLines(dataDirectory);
        if (lines.size() < 2) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).trim());
        Optional<ProcessHandle> named = ProcessHandle.of(pid);
        Optional<ProcessHandle> server = named.filter(process -> isServerOf(process, dataDirectory));
        if (server.isEmpty()) {
            if (named.isPresent() && Files.isDirectory(Path.of("/proc", "self"))
                    && ProcessHandle.allProcesses().noneMatch(process -> isServerOf(process, dataDirectory))) {
                // After a reboot the pid may now be someone else's: PostgreSQL would refuse to start, yet no
                // postgres process works in this directory, so the lock file is stale.
                LOG.warnf("Removing the stale %s: process %d is not a PostgreSQL of this data directory", lockFile, pid);
                Files.delete(lockFile);
            }
            return; // otherwise a stale lock file of a dead process: PostgreSQL itself replaces it
        }
        LOG.warnf("PostgreSQL %d is still running on %s, left by an app that did not stop; shutting it down", pid, dataDirectory);
        signal("INT", pid); // PostgreSQL's fast shutdown: roll back open transactions, checkpoint, exit
        try {
            server.get().onExit().get(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IOException("PostgreSQL " + pid + " on " + dataDirectory + " did not stop in " + SHUTDOWN_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while PostgreSQL " + pid + " was stopping", e);
        } catch (ExecutionException e) {
            throw new IOException(e);
        }
        LOG.infof("The orphaned PostgreSQL %d has stopped", pid);
    }

    /** The lines of the data directory's {@code postmaster.pid} (the pid first, the port fourth); none when it names no pid. */
    static List<String> lockFileLines(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(lockFile)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(lockFile);
        return lines.isEmpty() || !lines.get(0).trim().matches("\\d+") ? List.of() : lines;
    }

    /** Whether {@code process} is a {@code postgres} executable working in {@code dataDirectory} (Linux only). */
    static boolean isServerOf(ProcessHandle process, Path dataDirectory) {
        Path workingDirectory = Path.of("/proc", Long.toString(process.pid()), "cwd");
        boolean postgres = process.info().command().map(command -> Path.of(command).getFileName().toString().equals("postgres")).orElse(false);
        try {
            return postgres && Files.isSameFile(workingDirectory, dataDirectory);
        } catch (IOException e) {
            return false; // no /proc, or not ours to inspect: not provably our server, so leave it alone
        }
    }

    private static void signal(String signal, long pid) throws IOException {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IOException("kill -" + signal + " " + pid + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
