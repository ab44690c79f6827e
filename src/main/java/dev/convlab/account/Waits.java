package dev.convlab.account;

import java.time.Duration;

/** A wait in words for the forms: "1 second", "40 seconds", "3 minutes" (rounded up, as Retry-After is). */
public final class Waits {

    private Waits() {}

    public static String describe(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (seconds < 120) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        return (seconds + 59) / 60 + " minutes";
    }
}
