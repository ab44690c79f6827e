package dev.convlab.i18n;

import io.quarkus.arc.Arc;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Gives every template rendered for a request the request's language, so message bundles speak the reader's language
 * chosen by {@link RequestLanguage} and not the raw {@code Accept-Language} Quarkus REST would pick. Quarkus does not
 * pick up initializer beans by itself: this one adds itself to the engine as it is built.
 */
@ApplicationScoped
public class TemplateLanguage implements TemplateInstance.Initializer {

    @Inject
    RequestLanguage requestLanguage;

    void register(@Observes EngineBuilder engine) {
        engine.addTemplateInstanceInitializer(this);
    }

    @Override
    public void accept(TemplateInstance instance) {
        if (Arc.container().requestContext().isActive()) {
            instance.setLocale(requestLanguage.get().locale());
        }
    }
}
