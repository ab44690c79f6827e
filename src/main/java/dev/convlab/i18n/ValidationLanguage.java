package dev.convlab.i18n;

import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import java.util.Locale;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolver;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolverContext;

/**
 * Bean-validation messages in the request's language ({@link RequestLanguage}: the reader's choice, then
 * Accept-Language). Quarkus asks its locale resolvers in order of priority; this one comes before its own, which
 * reads only Accept-Language. Off a request (start-up, workers) messages are in English.
 */
@Singleton
@Priority(10)
public class ValidationLanguage implements LocaleResolver {

    @Override
    public Locale resolve(LocaleResolverContext context) {
        return Messages.current().locale();
    }
}
