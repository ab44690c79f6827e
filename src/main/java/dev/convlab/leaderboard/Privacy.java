package dev.convlab.leaderboard;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a board names learners to their classmates: by display name, by initials, or as "Learner 17". Declared from the
 * least to the most private: the site-wide board uses the strictest of a learner's classes (the highest ordinal).
 */
public enum Privacy {
    FULL, INITIALS, ANONYMOUS;

    /** The name as the API and the database spell it: full, initials, anonymous. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Privacy> of(String value) {
        return Arrays.stream(values()).filter(p -> p.value().equals(value)).findFirst();
    }

    /** The learner as this setting shows them; {@code number} is their place in the class, null off a class board. */
    public String label(String displayName, Integer number) {
        return switch (this) {
            case FULL -> displayName;
            case INITIALS -> initials(displayName);
            case ANONYMOUS -> number == null ? "Anonymous learner" : "Learner " + number;
        };
    }

    /** "Ada Lovelace" as "A. L.": the first letter or digit of each word, upper case. */
    static String initials(String displayName) {
        String initials = Arrays.stream(displayName.strip().split("\\s+"))
                .map(word -> word.codePoints().filter(Character::isLetterOrDigit).findFirst())
                .filter(first -> first.isPresent())
                .map(first -> new String(Character.toChars(Character.toUpperCase(first.getAsInt()))) + ".")
                .collect(Collectors.joining(" "));
        return initials.isEmpty() ? "Anonymous learner" : initials;
    }
}
