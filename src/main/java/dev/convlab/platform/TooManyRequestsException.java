package dev.convlab.platform;

import java.time.Duration;

/** A client asked more than its limit allows: answered 429 with {@code Retry-After} in whole seconds, at least 1. */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(String detail, Duration retryAfter) {
        super(detail);
        this.retryAfter = retryAfter;
    }

    /** Seconds to wait, rounded up, so that a client that waits exactly this long is let in. */
    public long retryAfterSeconds() {
        long millis = Math.max(0, retryAfter.toMillis());
        return Math.max(1, (millis + 999) / 1000);
    }
}
