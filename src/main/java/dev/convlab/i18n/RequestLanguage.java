package dev.convlab.i18n;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The language of the current request: the reader's explicit choice (the {@value #COOKIE} cookie the header's switch
 * sets) first, then the browser's {@code Accept-Language}. Templates read it as {@code inject:language}.
 */
@RequestScoped
@Named("language")
public class RequestLanguage {

    /** The cookie that keeps a reader's choice of language on this browser. */
    public static final String COOKIE = "convlab_lang";

    @Inject
    RoutingContext routing;

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

    private Language resolve() {
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
