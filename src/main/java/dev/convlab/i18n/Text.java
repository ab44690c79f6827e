package dev.convlab.i18n;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A message for the reader, written only once the reader's language is known: an exception carries one from the code
 * that refuses (a service, a worker, a pool thread with no request) to the place that answers the request.
 */
@FunctionalInterface
public interface Text {

    String in(Language language);

    /** One method of a message bundle: {@code Text.of(AccountErrors.class, m -> m.loginFailed())}. */
    static <B> Text of(Class<B> bundle, Function<B, String> message) {
        return language -> message.apply(Messages.bundle(bundle, language));
    }

    /** A bundle method whose arguments are in words too: {@code (m, language) -> m.wait(Waits.describe(d, language))}. */
    static <B> Text composed(Class<B> bundle, BiFunction<B, Language, String> message) {
        return language -> message.apply(Messages.bundle(bundle, language), language);
    }

    /** Several messages as one, separated by semicolons: "exercise 'a' is missing; exercise 'b' differs…". */
    static Text joined(List<Text> parts) {
        return language -> parts.stream().map(part -> part.in(language)).collect(Collectors.joining("; "));
    }
}
