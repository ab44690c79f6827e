package dev.convlab.platform;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.convlab.i18n.Language;
import dev.convlab.i18n.Messages;
import dev.convlab.i18n.RequestLanguage;
import dev.convlab.kernellab.compute.EngineBusyException;
import dev.convlab.platform.Problem.FieldError;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where exceptions become RFC 9457 problem answers, in the language of the request. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    AllowedMethods allowedMethods;

    @Inject
    RequestLanguage requestLanguage;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Language language = requestLanguage.get();
        return respond(new Problem("about:blank", e.title(language), e.status(), e.detail(language), path(uri), e.errors(language)));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(Problem.of(400, messages().invalidRequest(), detail, path(uri)).withErrors(errors));
    }

    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class})
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? m.getPath().stream()
                        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."))
                : "body";
        PlatformErrors messages = messages();
        return respond(Problem.of(400, messages.malformedBody(), messages.malformedBodyAt(field), path(uri))
                .withErrors(List.of(new FieldError(field, messages.malformedField()))));
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return notLoggedIn(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return notLoggedIn(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        PlatformErrors messages = messages();
        return respond(Problem.of(403, messages.forbidden(), messages.accountMayNotDoThis(), path(uri)));
    }

    @ServerExceptionMapper
    public Response busy(EngineBusyException e, UriInfo uri) {
        PlatformErrors messages = messages();
        Problem problem = Problem.of(503, messages.busy(), messages.busyDetail(e.reason().in(requestLanguage.get())), path(uri));
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "1").entity(problem).build();
    }

    @ServerExceptionMapper
    public Response tooMany(TooManyRequestsException e, UriInfo uri) {
        Problem problem = Problem.of(429, messages().tooManyRequests(), e.detail(requestLanguage.get()), path(uri));
        return Response.status(429).type(Problem.MEDIA_TYPE)
                .header("Retry-After", Long.toString(e.retryAfterSeconds())).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response invalidParameter(ParameterConverters.InvalidParameterException e, UriInfo uri) {
        String message = e.message(requestLanguage.get());
        return respond(Problem.of(400, messages().invalidRequest(), e.parameter() + ": " + message, path(uri))
                .withErrors(List.of(new FieldError(e.parameter(), message))));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        PlatformErrors messages = messages();
        return respond(Problem.of(404, messages.notFound(), messages.nothingAt(path(uri)), path(uri)));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri, Request request) {
        PlatformErrors messages = messages();
        Set<String> allowed = allowedMethods.at(path(uri));
        String detail = messages.methodNotAllowedOn(request.getMethod(), path(uri));
        Problem problem = Problem.of(405, messages.methodNotAllowed(),
                allowed.isEmpty() ? detail : messages.methodsAllowed(detail, String.join(", ", allowed)), path(uri));
        return Response.status(405).type(Problem.MEDIA_TYPE).allow(allowed).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, UriInfo uri, HttpHeaders headers) {
        PlatformErrors messages = messages();
        return respond(Problem.of(415, messages.unsupportedMediaType(),
                messages.typeNotAccepted(String.valueOf(headers.getMediaType()), path(uri)), path(uri))
                .withErrors(List.of(new FieldError("Content-Type", messages.notAcceptedHere()))));
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri, HttpHeaders headers) {
        PlatformErrors messages = messages();
        return respond(Problem.of(406, messages.notAcceptable(),
                messages.noAcceptableType(path(uri), String.valueOf(headers.getHeaderString("Accept"))), path(uri))
                .withErrors(List.of(new FieldError("Accept", messages.noTypeOffered()))));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return unexpected(e, uri);
        }
        Language language = requestLanguage.get();
        String title = StatusTitles.of(status, language);
        // JAX-RS writes its own messages in English only: other languages get the status in words.
        String detail = language == Language.EN ? e.getMessage() : title;
        return respond(Problem.of(status.getStatusCode(), title, detail, path(uri)));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", reference, path(uri));
        PlatformErrors messages = messages();
        return respond(Problem.of(500, messages.internalError(), messages.somethingWentWrong(reference), path(uri)));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private Response notLoggedIn(UriInfo uri) {
        PlatformErrors messages = messages();
        return respond(Problem.of(401, messages.notLoggedIn(), messages.logInToDoThis(), path(uri)));
    }

    private PlatformErrors messages() {
        return Messages.bundle(PlatformErrors.class, requestLanguage.get());
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int lastDot = path.lastIndexOf('.');
        return lastDot < 0 ? path : path.substring(lastDot + 1);
    }
}
