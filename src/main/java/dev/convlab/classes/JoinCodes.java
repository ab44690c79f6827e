package dev.convlab.classes;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Join codes: 10 characters of Crockford's base32 (no I, L, O or U), 50 bits from a SecureRandom, shown as two groups
 * of five. Typed codes are read forgivingly: any case, spaces and dashes ignored, O read as 0, I and L as 1.
 */
final class JoinCodes {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 10;

    private static final SecureRandom RANDOM = new SecureRandom();

    private JoinCodes() {}

    static String generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The stored form of a typed code, or empty when it cannot be one. */
    static Optional<String> normalize(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        String code = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('O', '0').replace('I', '1').replace('L', '1');
        return code.length() == LENGTH && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0) ? Optional.of(code) : Optional.empty();
    }

    /** "ABCDE-FGHJK": easier to read out and type. */
    static String display(String code) {
        return code.substring(0, 5) + "-" + code.substring(5);
    }
}
