package dev.convlab.platform;

import dev.convlab.account.AccountConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Security headers on every answer of the public port: pages, API, static files and errors alike. Scripts and styles
 * come only from ConvLab itself: the inline import map is allowed by its hash, and the one style element a library
 * writes (CodeMirror's) by a nonce fresh for each answer ({@link CspNonce}). Style attributes are allowed because the
 * widgets and ECharts size and colour elements with them, and an attribute cannot run code.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** Runs before the other filters, so that even their early answers carry the headers. */
    static final int ORDER = 1000;

    /** The routing-context key of this answer's style nonce. */
    static final String NONCE = "convlab.csp.nonce";

    private final SecureRandom random = new SecureRandom();

    void register(@Observes Filters filters, ImportMap importMap, AccountConfig account) {
        String importMapHash = importMap.scriptHash();
        boolean httpsOnly = account.secureCookie();
        filters.register(routing -> {
            byte[] bytes = new byte[18];
            random.nextBytes(bytes);
            String nonce = Base64.getEncoder().encodeToString(bytes);
            routing.put(NONCE, nonce);
            MultiMap response = routing.response().headers();
            headers(importMapHash, nonce, httpsOnly).forEach(response::set);
            routing.next();
        }, ORDER);
    }

    /** The headers, given the import map's hash source, the answer's style nonce, and whether ConvLab is HTTPS only. */
    static Map<String, String> headers(String importMapHash, String styleNonce, boolean httpsOnly) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", String.join("; ",
                "default-src 'self'",
                "script-src 'self' " + importMapHash,
                "style-src 'self' 'nonce-" + styleNonce + "'",
                "style-src-attr 'unsafe-inline'",
                "img-src 'self' data:",
                "object-src 'none'",
                "base-uri 'none'",
                "form-action 'self'",
                "frame-ancestors 'none'"));
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.put("X-Frame-Options", "DENY");
        if (httpsOnly) {
            headers.put("Strict-Transport-Security", "max-age=31536000");
        }
        return headers;
    }
}
