package dev.convlab.platform;

import dev.convlab.i18n.Language;
import dev.convlab.i18n.Text;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;

/**
 * Whole-number parameters that fail to convert answer 400 naming the parameter ({@code ?from=abc}: "from: must be a
 * whole number"), where Quarkus REST would answer a bare "HTTP 400 Bad Request" (or 404 for a path parameter).
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    /** A parameter that could not be converted; a {@link BadRequestException}, so Quarkus REST passes it on as is. */
    public static class InvalidParameterException extends BadRequestException {

        private final String parameter;
        private final Text message;

        InvalidParameterException(String parameter, Text message) {
            this.parameter = parameter;
            this.message = message;
        }

        public String parameter() {
            return parameter;
        }

        public String message(Language language) {
            return message.in(language);
        }

        /** The message in English, for logs. */
        @Override
        public String getMessage() {
            return message(Language.EN);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == int.class || rawType == Integer.class) {
            return (ParamConverter<T>) wholeNumber(name(annotations), Integer::valueOf);
        }
        if (rawType == long.class || rawType == Long.class) {
            return (ParamConverter<T>) wholeNumber(name(annotations), Long::valueOf);
        }
        return null;
    }

    private static <N extends Number> ParamConverter<N> wholeNumber(String name, Function<String, N> parse) {
        return new ParamConverter<>() {
            @Override
            public N fromString(String value) {
                try {
                    return parse.apply(value.strip());
                } catch (NumberFormatException e) {
                    throw new InvalidParameterException(name, Text.of(PlatformErrors.class, PlatformErrors::wholeNumber));
                }
            }

            @Override
            public String toString(N value) {
                return value.toString();
            }
        };
    }

    private static String name(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam q) {
                return q.value();
            } else if (annotation instanceof PathParam p) {
                return p.value();
            } else if (annotation instanceof HeaderParam h) {
                return h.value();
            } else if (annotation instanceof FormParam f) {
                return f.value();
            } else if (annotation instanceof CookieParam c) {
                return c.value();
            }
        }
        return "parameter";
    }
}
