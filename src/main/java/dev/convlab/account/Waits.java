package dev.convlab.account;

import dev.convlab.i18n.Language;
import dev.convlab.i18n.Messages;
import java.time.Duration;

/** A wait in words for the forms: "1 second", "40 seconds", "3 minutes" (rounded up, as Retry-After is). */
public final class Waits {

    private Waits() {}

    public static String describe(Duration wait, Language language) {
        AccountErrors messages = Messages.bundle(AccountErrors.class, language);
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (seconds < 120) {
            return seconds == 1 ? messages.oneSecond() : messages.seconds(seconds);
        }
        return messages.minutes((seconds + 59) / 60);
    }
}
