package dev.convlab.kernellab.compute;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** The node has no room for this computation now (every slot taken, or too many bytes in flight): try again shortly. */
public class EngineBusyException extends RuntimeException {

    public EngineBusyException(String message) {
        super(message);
    }

    /**
     * Takes a permit of {@code slots}, waiting at most {@code maxWait}; otherwise refuses, saying that {@code what}
     * stayed busy for that long (e.g. "every compute slot stayed busy"), or that the wait for {@code slotName} was interrupted.
     */
    public static void acquire(Semaphore slots, Duration maxWait, String what, String slotName) {
        try {
            if (!slots.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new EngineBusyException(what + " for " + maxWait.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineBusyException("interrupted while waiting for " + slotName);
        }
    }
}
