package dev.convlab.account;

import dev.convlab.i18n.Language;
import dev.convlab.i18n.Messages;
import dev.convlab.platform.ProblemException;
import dev.convlab.platform.TooManyRequestsException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.TreeMap;

/** Why a sign-up form was refused, as its page shows it: the status, the fields at fault and one message. */
public record SignUpRefusal(int status, Map<String, String> errors, String message, long retryAfterSeconds) {

    /** Whether this failure is one the form explains (bad fields, a conflict, too many sign-ups). */
    public static boolean explains(Throwable failure) {
        return failure instanceof ConstraintViolationException || failure instanceof ProblemException
                || failure instanceof TooManyRequestsException;
    }

    /** The refusal in the reader's language, read on the request's thread (the failure may arrive on another). */
    public static SignUpRefusal of(Throwable failure, Language language) {
        Map<String, String> errors = new TreeMap<>();
        String correctFields = Messages.bundle(AccountErrors.class, language).correctFields();
        if (failure instanceof ConstraintViolationException invalid) {
            invalid.getConstraintViolations().forEach(v -> errors.put(v.getPropertyPath().toString(), v.getMessage()));
            return new SignUpRefusal(400, errors, correctFields, 0);
        }
        if (failure instanceof TooManyRequestsException tooMany) {
            return new SignUpRefusal(429, errors, tooMany.detail(language), tooMany.retryAfterSeconds());
        }
        ProblemException problem = (ProblemException) failure;
        problem.errors(language).forEach(f -> errors.put(f.field(), f.message()));
        return new SignUpRefusal(problem.status(), errors, errors.isEmpty() ? problem.detail(language) : correctFields, 0);
    }

    /** The page's answer: its status, HTML, and Retry-After when the client must wait. */
    public Response.ResponseBuilder answer(Object page) {
        Response.ResponseBuilder answer = Response.status(status).type("text/html").entity(page);
        return status == 429 ? answer.header("Retry-After", retryAfterSeconds) : answer;
    }
}
