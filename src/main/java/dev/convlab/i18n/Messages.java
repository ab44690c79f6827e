package dev.convlab.i18n;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/** Message bundles in a given language, for Java code that writes what a reader sees. */
public final class Messages {

    private Messages() {}

    /** The bundle's messages in this language; English is the bundle's default, the others its localized files. */
    public static <B> B bundle(Class<B> bundle, Language language) {
        return language == Language.EN ? MessageBundles.get(bundle) : MessageBundles.get(bundle, Localized.Literal.of(language.tag()));
    }

    /**
     * The language of the request this thread serves, or English where no request is being served (start-up, workers,
     * a pool thread): code that leaves the request thread resolves the language before it leaves.
     */
    public static Language current() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()
                || container.instance(CurrentVertxRequest.class).get().getCurrent() == null) {
            return Language.EN;
        }
        return container.instance(RequestLanguage.class).get().get();
    }
}
