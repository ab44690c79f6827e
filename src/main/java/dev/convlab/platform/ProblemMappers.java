package dev.convlab.platform;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
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

/** The one place where exceptions become RFC 9457 problem answers. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    AllowedMethods allowedMethods;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(new Problem("about:blank", e.title(), e.status(), e.getMessage(), path(uri), e.errors()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(Problem.of(400, "Invalid request", detail, path(uri)).withErrors(errors));
    }

    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class})
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? m.getPath().stream()
                        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."))
                : "body";
        String detail = "The request body is not valid JSON of the expected shape (at " + field + ")";
        return respond(Problem.of(400, "Malformed request body", detail, path(uri))
                .withErrors(List.of(new FieldError(field, "malformed or of the wrong type"))));
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return respond(Problem.of(401, "Not logged in", "Log in to do this", path(uri)));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return respond(Problem.of(401, "Not logged in", "Log in to do this", path(uri)));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "Forbidden", "Your account may not do this", path(uri)));
    }

    @ServerExceptionMapper
    public Response busy(EngineBusyException e, UriInfo uri) {
        Problem problem = Problem.of(503, "Busy", "This node is busy: " + e.getMessage() + "; try again in a moment", path(uri));
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "1").entity(problem).build();
    }

    @ServerExceptionMapper
    public Response tooMany(TooManyRequestsException e, UriInfo uri) {
        Problem problem = Problem.of(429, "Too many requests", e.getMessage(), path(uri));
        return Response.status(429).type(Problem.MEDIA_TYPE)
                .header("Retry-After", Long.toString(e.retryAfterSeconds())).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response invalidParameter(ParameterConverters.InvalidParameterException e, UriInfo uri) {
        return respond(Problem.of(400, "Invalid request", e.parameter() + ": " + e.getMessage(), path(uri))
                .withErrors(List.of(new FieldError(e.parameter(), e.getMessage()))));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(Problem.of(404, "Not found", "There is nothing at " + path(uri), path(uri)));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri, Request request) {
        Set<String> allowed = allowedMethods.at(path(uri));
        Problem problem = Problem.of(405, "Method not allowed", request.getMethod() + " is not allowed on " + path(uri)
                + (allowed.isEmpty() ? "" : "; allowed: " + String.join(", ", allowed)), path(uri));
        return Response.status(405).type(Problem.MEDIA_TYPE).allow(allowed).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, UriInfo uri, HttpHeaders headers) {
        return respond(Problem.of(415, "Unsupported media type",
                "A body of type " + headers.getMediaType() + " is not accepted by " + path(uri), path(uri))
                .withErrors(List.of(new FieldError("Content-Type", "not accepted here"))));
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri, HttpHeaders headers) {
        return respond(Problem.of(406, "Not acceptable",
                path(uri) + " cannot answer in any type the Accept header asks for (" + headers.getHeaderString("Accept") + ")", path(uri))
                .withErrors(List.of(new FieldError("Accept", "no type offered here"))));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return unexpected(e, uri);
        }
        return respond(Problem.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", reference, path(uri));
        return respond(Problem.of(500, "Internal error", "Something went wrong on the server (reference " + reference + ")", path(uri)));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
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
