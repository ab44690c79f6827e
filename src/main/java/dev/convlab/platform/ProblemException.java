package dev.convlab.platform;

import dev.convlab.i18n.Language;
import dev.convlab.i18n.Text;
import dev.convlab.platform.Problem.FieldError;
import java.util.List;
import java.util.function.Function;

/**
 * Thrown by services to answer with a specific problem: a status, a short title and what went wrong, written in the
 * reader's language only when the answer is made, so that it may be thrown on any thread.
 */
public class ProblemException extends RuntimeException {

    /** One invalid field: its name as the client sent it (an API name, never translated) and what is wrong with it. */
    public record FieldText(String field, Text message) {

        public FieldError in(Language language) {
            return new FieldError(field, message.in(language));
        }
    }

    private final int status;
    private final Text title;
    private final Text detail;
    private final List<FieldText> errors;

    public ProblemException(int status, Text title, Text detail) {
        this(status, title, detail, List.of());
    }

    public ProblemException(int status, Text title, Text detail, List<FieldText> errors) {
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException badField(String field, Text message) {
        return new ProblemException(400, platform(PlatformErrors::invalidRequest),
                language -> field + ": " + message.in(language), List.of(new FieldText(field, message)));
    }

    /** A field the request must have and lacks: "body: is required". */
    public static ProblemException required(String field) {
        return badField(field, platform(PlatformErrors::isRequired));
    }

    public static ProblemException notFound(Text detail) {
        return new ProblemException(404, platform(PlatformErrors::notFound), detail);
    }

    public static ProblemException conflict(Text detail) {
        return new ProblemException(409, platform(PlatformErrors::conflict), detail);
    }

    public static ProblemException forbidden(Text detail) {
        return new ProblemException(403, platform(PlatformErrors::forbidden), detail);
    }

    /** A 400 for a language tag ConvLab does not speak. */
    public static ProblemException badLanguage(String field) {
        return badField(field, platform(PlatformErrors::languageTag));
    }

    static Text platform(Function<PlatformErrors, String> message) {
        return Text.of(PlatformErrors.class, message);
    }

    public int status() {
        return status;
    }

    public String title(Language language) {
        return title.in(language);
    }

    public String detail(Language language) {
        return detail.in(language);
    }

    public List<FieldError> errors(Language language) {
        return errors.stream().map(error -> error.in(language)).toList();
    }

    /** The detail in English, for logs. */
    @Override
    public String getMessage() {
        return detail(Language.EN);
    }
}
