package dev.convlab.account;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The request's CSRF token for templates: {@code {inject:csrf.token}} in a meta tag and in each form's hidden field. */
@RequestScoped
@Named("csrf")
public class CsrfToken {

    @Inject
    RoutingContext routing;

    public String token() {
        return routing.get(CsrfFilter.TOKEN);
    }

    public String parameterName() {
        return CsrfTokens.FIELD;
    }
}
