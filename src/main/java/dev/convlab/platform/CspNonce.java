package dev.convlab.platform;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * This answer's style nonce for the page ({@code <meta name="csp-nonce">}), from which the lesson editor gives
 * CodeMirror's style element the nonce the Content-Security-Policy allows.
 */
@RequestScoped
@Named("csp")
public class CspNonce {

    @Inject
    RoutingContext routing;

    public String nonce() {
        return routing.get(SecurityHeaders.NONCE);
    }
}
