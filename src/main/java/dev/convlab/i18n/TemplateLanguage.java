package dev.convlab.i18n;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Gives every template rendered for a request the request's language, so message bundles speak the reader's language
 * chosen by {@link RequestLanguage} and not the raw {@code Accept-Language} Quarkus REST would pick.
 */
@ApplicationScoped
public class TemplateLanguage implements TemplateInstance.Initializer {

    @Inject
    RequestLanguage requestLanguage;

    @Override
    public void accept(TemplateInstance instance) {
        if (Arc.container().requestContext().isActive()) {
            instance.setLocale(requestLanguage.get().locale());
        }
    }
}
