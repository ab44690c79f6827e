package dev.convlab.account;

/** What names and e-mails may not contain: control characters, zero-width and bidi marks (format characters), line separators, lone surrogates. */
public final class PlainText {

    public static final String PATTERN = "[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cs}]*";
    /** The violation's message: a key of {@code ValidationMessages}, in the reader's language. */
    public static final String MESSAGE = "{convlab.plainText}";

    private PlainText() {}
}
