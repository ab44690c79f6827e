package dev.convlab.platform;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** What the platform's problem answers say: the titles every feature shares and the mappers' own messages. */
@MessageBundle("platformErrors")
public interface PlatformErrors {

    @Message("Invalid request")
    String invalidRequest();

    @Message("Not found")
    String notFound();

    @Message("Conflict")
    String conflict();

    @Message("Forbidden")
    String forbidden();

    @Message("Too many requests")
    String tooManyRequests();

    @Message("Not logged in")
    String notLoggedIn();

    @Message("Log in to do this")
    String logInToDoThis();

    @Message("Your account may not do this")
    String accountMayNotDoThis();

    @Message("Malformed request body")
    String malformedBody();

    @Message("The request body is not valid JSON of the expected shape (at {field})")
    String malformedBodyAt(String field);

    @Message("malformed or of the wrong type")
    String malformedField();

    @Message("Busy")
    String busy();

    @Message("This node is busy: {reason}; try again in a moment")
    String busyDetail(String reason);

    @Message("There is nothing at {path}")
    String nothingAt(String path);

    @Message("Method not allowed")
    String methodNotAllowed();

    @Message("{method} is not allowed on {path}")
    String methodNotAllowedOn(String method, String path);

    @Message("{detail}; allowed: {allowed}")
    String methodsAllowed(String detail, String allowed);

    @Message("Unsupported media type")
    String unsupportedMediaType();

    @Message("A body of type {type} is not accepted by {path}")
    String typeNotAccepted(String type, String path);

    @Message("not accepted here")
    String notAcceptedHere();

    @Message("Not acceptable")
    String notAcceptable();

    @Message("{path} cannot answer in any type the Accept header asks for ({accept})")
    String noAcceptableType(String path, String accept);

    @Message("no type offered here")
    String noTypeOffered();

    @Message("Internal error")
    String internalError();

    @Message("Something went wrong on the server (reference {reference})")
    String somethingWentWrong(String reference);

    @Message("Length required")
    String lengthRequired();

    @Message("Send the body with a Content-Length (at most {maximum} bytes), not in chunks")
    String sendContentLength(long maximum);

    @Message("required")
    String required();

    @Message("Request body too large")
    String bodyTooLarge();

    @Message("The body of {length} bytes is over the limit of {maximum} bytes")
    String bodyOverLimit(String length, long maximum);

    @Message("over {maximum} bytes")
    String overBytes(long maximum);

    @Message("must not contain control characters (such as %00)")
    String noControlCharacters();

    @Message("must be a whole number")
    String wholeNumber();

    @Message("is required")
    String isRequired();

    @Message("must be true or false")
    String trueOrFalse();

    @Message("must be en or ja")
    String languageTag();

    @Message("every compute slot stayed busy for {millis} ms")
    String busyComputeSlots(long millis);

    @Message("another timing race kept the race slot for {millis} ms")
    String busyRaceSlot(long millis);

    @Message("the wait for a free slot was interrupted")
    String busyInterrupted();

    @Message("answers being built on this node hold {held} of the {limit} MB it allows; this one needs {needed} MB")
    String busyAnswerBytes(long held, long limit, long needed);
}
