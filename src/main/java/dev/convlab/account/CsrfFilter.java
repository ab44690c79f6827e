package dev.convlab.account;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Checks the CSRF token of every unsafe request, and keeps one good token per session in the browser: a page gets a
 * new one only when the cookie's is missing or not this session's, and logging in or out replaces it, since the
 * session it was bound to changes.
 */
public class CsrfFilter {

    /** The routing-context key of the request's token, which pages render ({@link CsrfToken}). */
    static final String TOKEN = "convlab.csrf.token";
    private static final String ISSUED = "convlab.csrf.issued";

    @Inject
    CsrfTokens tokens;

    @Inject
    AccountConfig config;

    @ServerRequestFilter
    @WithFormRead
    public void check(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        String cookie = cookie(routing, CsrfTokens.COOKIE);
        String session = cookie(routing, SessionAuthenticationMechanism.COOKIE);
        switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS" -> {
                if (tokens.isValid(cookie, session)) {
                    routing.put(TOKEN, cookie);
                } else {
                    routing.put(TOKEN, tokens.issue(session));
                    routing.put(ISSUED, true);
                }
            }
            default -> {
                String submitted = request.getHeaderString(CsrfTokens.HEADER);
                if (submitted == null && isForm(request.getMediaType())) {
                    submitted = (String) ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                            .getFormParameter(CsrfTokens.FIELD, true, false);
                }
                tokens.verify(cookie, submitted, session);
                routing.put(TOKEN, cookie);
            }
        }
    }

    @ServerResponseFilter
    public void issue(ContainerResponseContext response, RoutingContext routing) {
        NewCookie session = response.getCookies().get(SessionAuthenticationMechanism.COOKIE);
        String token = session != null ? tokens.issue(session.getValue())
                : routing.get(ISSUED) != null ? routing.<String>get(TOKEN) : null;
        if (token != null) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, new NewCookie.Builder(CsrfTokens.COOKIE)
                    .value(token)
                    .path("/")
                    .maxAge((int) config.sessionLifetime().toSeconds())
                    .httpOnly(true)
                    .secure(config.secureCookie())
                    .sameSite(NewCookie.SameSite.LAX)
                    .build());
        }
    }

    private static String cookie(RoutingContext routing, String name) {
        Cookie cookie = routing.request().getCookie(name);
        return cookie == null ? null : cookie.getValue();
    }

    private static boolean isForm(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE) || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE))
                && !type.isWildcardType() && !type.isWildcardSubtype();
    }
}
