package dev.convlab.kernellab.compute;

import dev.convlab.i18n.Language;
import dev.convlab.i18n.Text;
import dev.convlab.platform.PlatformErrors;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/** The node has no room for this computation now (every slot taken, or too many bytes in flight): try again shortly. */
public class EngineBusyException extends RuntimeException {

    private final transient Text reason;

    public EngineBusyException(Text reason) {
        this.reason = reason;
    }

    /** Why, in the reader's language once it is known. */
    public Text reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        return reason.in(Language.EN);
    }

    /**
     * Takes a permit of {@code slots}, waiting at most {@code maxWait}; otherwise refuses with the reason
     * {@code busyFor} gives for the milliseconds waited, or because the wait was interrupted.
     */
    public static void acquire(Semaphore slots, Duration maxWait, LongFunction<Text> busyFor) {
        try {
            if (!slots.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new EngineBusyException(busyFor.apply(maxWait.toMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineBusyException(Text.of(PlatformErrors.class, PlatformErrors::busyInterrupted));
        }
    }
}
