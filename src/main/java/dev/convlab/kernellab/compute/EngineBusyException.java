package dev.convlab.kernellab.compute;

/** The node has no room for this computation now (every slot taken, or too many bytes in flight): try again shortly. */
public class EngineBusyException extends RuntimeException {

    public EngineBusyException(String message) {
        super(message);
    }
}
