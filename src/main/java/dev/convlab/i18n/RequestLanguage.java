package dev.convlab.i18n;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The language of the current request: the one a logged-in learner's account keeps, else the reader's choice on this
 * browser (the {@value #COOKIE} cookie the header's switch sets), else the browser's {@code Accept-Language}.
 * Templates read it as {@code inject:language}.
 */
@RequestScoped
@Named("language")
public class RequestLanguage {

    /** The cookie that keeps a reader's choice of language on this browser. */
    public static final String COOKIE = "convlab_lang";

    /** The security identity's attribute that carries the account's {@link Language}, when it keeps one. */
    public static final String ACCOUNT_ATTRIBUTE = "language";

    @Inject
    RoutingContext routing;

    @Inject
    SecurityIdentity identity;

    private Language language;

    public Language get() {
        if (language == null) {
            language = resolve();
        }
        return language;
    }

    /** The {@code lang} attribute of the page: {@code en} or {@code ja}. */
    public String getTag() {
        return get().tag();
    }

    /** A message bundle's words in this request's language, for text written in Java rather than in a template. */
    public <T> T messages(Class<T> bundle) {
        return get() == Language.EN ? MessageBundles.get(bundle) : MessageBundles.get(bundle, Localized.Literal.of(getTag()));
    }

    /** This page's path, where the header's switch brings the reader back after changing the language. */
    public String getPagePath() {
        return routing.request().path();
    }

    private Language resolve() {
        Language kept = identity.getAttribute(ACCOUNT_ATTRIBUTE);
        if (kept != null) {
            return kept;
        }
        return ofBrowser(routing.request());
    }

    /** What the browser asks for: its cookie, else its Accept-Language; for code that runs before a request scope. */
    public static Language ofBrowser(HttpServerRequest request) {
        Cookie chosen = request.getCookie(COOKIE);
        if (chosen != null) {
            var stored = Language.ofTag(chosen.getValue());
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        return Language.fromAcceptLanguage(request.getHeader("Accept-Language"));
    }
}
