package dev.convlab.account;

import dev.convlab.i18n.RequestLanguage;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Looks a session token up in PostgreSQL and builds the learner's identity from it. */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionTokenRequest> {

    static final String ACCOUNT_ID = "accountId";
    static final String DISPLAY_NAME = "displayName";

    @Inject
    AccountService accounts;

    @Override
    public Class<SessionTokenRequest> getRequestType() {
        return SessionTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionTokenRequest request, AuthenticationRequestContext context) {
        Optional<SessionUser> recent = accounts.recentSessionUser(request.token());
        if (recent.isPresent()) {
            return Uni.createFrom().item(identity(recent.get()));
        }
        return context.runBlocking(() -> accounts.findSessionUser(request.token())
                .map(SessionIdentityProvider::identity)
                .orElseThrow(AuthenticationFailedException::new));
    }

    private static SecurityIdentity identity(SessionUser user) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.email()))
                .addRole(user.role())
                .addAttribute(ACCOUNT_ID, user.accountId())
                .addAttribute(DISPLAY_NAME, user.displayName());
        if (user.language() != null) {
            identity.addAttribute(RequestLanguage.ACCOUNT_ATTRIBUTE, user.language());
        }
        return identity.build();
    }
}
