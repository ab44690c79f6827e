package dev.convlab.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convlab.i18n.Messages;
import dev.convlab.i18n.RequestLanguage;
import dev.convlab.platform.Problem.FieldError;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses, in the language the browser asks for, a request whose Content-Length is over {@code quarkus.http.limits.max-body-size} with a 413 problem, before
 * any of the body is read, and closes the connection (the unread body would otherwise follow on it). A body sent in
 * chunks, without a length, is refused with 411: Quarkus would cut it off at the limit with an empty 413 and an error
 * in the log, and browsers, forms and ConvLab's scripts always send a length.
 */
@ApplicationScoped
public class BodyLimit {

    void register(@Observes Filters filters, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
            ObjectMapper json) {
        long maximum = limit.asLongValue();
        filters.register(routing -> {
            HttpServerRequest request = routing.request();
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            Problem problem;
            if (length == null && request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
                PlatformErrors messages = Messages.bundle(PlatformErrors.class, RequestLanguage.ofBrowser(request));
                problem = Problem.of(411, messages.lengthRequired(), messages.sendContentLength(maximum), routing.normalizedPath())
                        .withErrors(List.of(new FieldError("Content-Length", messages.required())));
            } else if (length != null && tooLong(length, maximum)) {
                PlatformErrors messages = Messages.bundle(PlatformErrors.class, RequestLanguage.ofBrowser(request));
                problem = Problem.of(413, messages.bodyTooLarge(), messages.bodyOverLimit(length, maximum), routing.normalizedPath())
                        .withErrors(List.of(new FieldError("body", messages.overBytes(maximum))));
            } else {
                routing.next();
                return;
            }
            routing.response().setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
                    .end(write(json, problem))
                    .onComplete(done -> request.connection().close());
        }, SecurityHeaders.ORDER - 1);
    }

    private static boolean tooLong(String contentLength, long maximum) {
        try {
            return Long.parseLong(contentLength.strip()) > maximum;
        } catch (NumberFormatException e) {
            return false; // a malformed length is Vert.x's to refuse
        }
    }

    private static String write(ObjectMapper json, Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem always serializes", e);
        }
    }
}
