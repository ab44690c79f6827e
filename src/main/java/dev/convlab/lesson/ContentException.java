package dev.convlab.lesson;

/** A lesson file that cannot be used, with the reason; the app logs it and keeps the last good revision. */
public class ContentException extends Exception {

    public ContentException(String path, String reason) {
        super(path + ": " + reason);
    }
}
