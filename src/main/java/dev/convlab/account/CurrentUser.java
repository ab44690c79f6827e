package dev.convlab.account;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The learner behind the current request, if logged in. */
@RequestScoped
@Named("currentUser")
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    public boolean isLoggedIn() {
        return !identity.isAnonymous();
    }

    public Optional<Long> accountId() {
        return isLoggedIn() ? Optional.ofNullable(identity.getAttribute(SessionIdentityProvider.ACCOUNT_ID)) : Optional.empty();
    }

    /** The account id, or a 401 problem for anonymous requests. */
    public long requireAccountId() {
        return accountId().orElseThrow(UnauthorizedException::new);
    }

    public String displayName() {
        return isLoggedIn() ? identity.getAttribute(SessionIdentityProvider.DISPLAY_NAME) : null;
    }

    public boolean isInstructor() {
        return identity.hasRole(Account.INSTRUCTOR);
    }

    /**
     * An instructor page: the page itself for instructors, the login form (coming back here) for anonymous visitors,
     * and a 403 page for students.
     */
    public Response instructorPage(TemplateInstance page, TemplateInstance forbidden, String path) {
        if (!isLoggedIn()) {
            return Response.seeOther(URI.create("/login?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8))).build();
        }
        if (!isInstructor()) {
            return Response.status(403).type(MediaType.TEXT_HTML_TYPE).entity(forbidden).build();
        }
        return Response.ok(page).type(MediaType.TEXT_HTML_TYPE).build();
    }
}
