package dev.convlab.platform;

import dev.convlab.i18n.Language;
import dev.convlab.i18n.Text;
import java.time.Duration;

/** A client asked more than its limit allows: answered 429 with {@code Retry-After} in whole seconds, at least 1. */
public class TooManyRequestsException extends RuntimeException {

    private final Text detail;
    private final Duration retryAfter;

    public TooManyRequestsException(Text detail, Duration retryAfter) {
        this.detail = detail;
        this.retryAfter = retryAfter;
    }

    public String detail(Language language) {
        return detail.in(language);
    }

    /** The detail in English, for logs. */
    @Override
    public String getMessage() {
        return detail(Language.EN);
    }

    /** Seconds to wait, rounded up, so that a client that waits exactly this long is let in. */
    public long retryAfterSeconds() {
        long millis = Math.max(0, retryAfter.toMillis());
        return Math.max(1, (millis + 999) / 1000);
    }
}
