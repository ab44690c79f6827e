package dev.convlab.platform;

import dev.convlab.i18n.Language;
import dev.convlab.i18n.Messages;
import jakarta.ws.rs.core.Response;

/** The title of a problem answer that has only its status to go on, in the reader's language. */
final class StatusTitles {

    private StatusTitles() {}

    /** The shared title of this status, or its HTTP reason phrase (English) for a status ConvLab never titles itself. */
    static String of(Response.StatusType status, Language language) {
        PlatformErrors messages = Messages.bundle(PlatformErrors.class, language);
        return switch (status.getStatusCode()) {
            case 400 -> messages.invalidRequest();
            case 401 -> messages.notLoggedIn();
            case 403 -> messages.forbidden();
            case 404 -> messages.notFound();
            case 405 -> messages.methodNotAllowed();
            case 406 -> messages.notAcceptable();
            case 409 -> messages.conflict();
            case 411 -> messages.lengthRequired();
            case 413 -> messages.bodyTooLarge();
            case 415 -> messages.unsupportedMediaType();
            case 429 -> messages.tooManyRequests();
            default -> status.getReasonPhrase();
        };
    }
}
