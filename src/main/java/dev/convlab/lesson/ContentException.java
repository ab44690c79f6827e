package dev.convlab.lesson;

import dev.convlab.i18n.Language;
import dev.convlab.i18n.Text;

/**
 * A lesson file that cannot be used, with the reason in any language: the editor and a zip import tell the instructor
 * in theirs, the start-up import logs it in English for the operator and keeps the last good revision.
 */
public class ContentException extends Exception {

    private final String path;
    private final transient Text reason;

    public ContentException(String path, Text reason) {
        super(path);
        this.path = path;
        this.reason = reason;
    }

    /** What is wrong, without the file's name (the editor's field or the zip's entry names it already). */
    public Text reason() {
        return reason;
    }

    /** The file and what is wrong with it in English, for logs. */
    @Override
    public String getMessage() {
        return path + ": " + reason.in(Language.EN);
    }
}
