package dev.convlab.account;

/** What names and e-mails may not contain: control characters, zero-width and bidi marks (format characters), line separators, lone surrogates. */
final class PlainText {

    static final String PATTERN = "[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cs}]*";
    static final String MESSAGE = "must not contain control characters or invisible marks (zero-width, bidi)";

    private PlainText() {}
}
