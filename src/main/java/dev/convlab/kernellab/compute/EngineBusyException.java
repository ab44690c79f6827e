package dev.convlab.kernellab.compute;

/** Every compute slot stayed taken for the whole wait: the caller should try again shortly. */
public class EngineBusyException extends RuntimeException {

    public EngineBusyException(String message) {
        super(message);
    }
}
