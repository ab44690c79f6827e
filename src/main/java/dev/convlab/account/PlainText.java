package dev.convlab.account;

/** What names and e-mails may not contain: control characters, zero-width and bidi marks (format characters), line separators, lone surrogates. */
public final class PlainText {

    public static final String PATTERN = "[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cs}]*";
    public static final String MESSAGE = "must not contain control characters or invisible marks (zero-width, bidi)";

    private PlainText() {}
}
