package dev.convlab.account;

import dev.convlab.platform.ProblemException;
import dev.convlab.platform.Sha256;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;

/** Signs learners up, checks their passwords through security-jpa, and keeps their sessions. */
@ApplicationScoped
public class AccountService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    IdentityProviderManager identityProviders;

    @Inject
    AccountConfig config;

    @Inject
    Validator validator;

    @Transactional
    public Account signUp(SignUp request) {
        validate(request);
        String email = Account.normalizeEmail(request.email());
        if (Account.findByEmail(email).isPresent()) {
            throw emailTaken();
        }
        Account account = new Account();
        account.email = email;
        account.displayName = request.displayName().strip();
        account.passwordHash = BcryptUtil.bcryptHash(request.password());
        account.role = Account.STUDENT;
        account.createdAt = Instant.now();
        try {
            account.persistAndFlush();
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            if (e.getKind() == ConstraintKind.UNIQUE) {
                throw emailTaken();
            }
            throw e;
        }
        return account;
    }

    /** Checks e-mail and password with security-jpa's identity provider; a wrong pair is a 401. */
    public Account authenticate(LogIn request) {
        validate(request);
        String email = Account.normalizeEmail(request.email());
        try {
            identityProviders.authenticateBlocking(new UsernamePasswordAuthenticationRequest(
                    email, new PasswordCredential(request.password().toCharArray())));
        } catch (AuthenticationFailedException e) {
            throw new ProblemException(401, "Login failed", "The e-mail or the password is wrong");
        }
        return findAccount(email);
    }

    @Transactional
    Account findAccount(String email) {
        return Account.findByEmail(email)
                .orElseThrow(() -> new ProblemException(401, "Login failed", "The e-mail or the password is wrong"));
    }

    /** Starts a session and returns the token for the cookie; only its hash is stored. */
    @Transactional
    public String startSession(Account account) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        LoginSession session = new LoginSession();
        session.tokenHash = sha256(token);
        session.account = Account.findById(account.id);
        session.createdAt = Instant.now();
        session.expiresAt = session.createdAt.plus(config.sessionLifetime());
        session.persist();
        LoginSession.deleteExpired(session.createdAt);
        return token;
    }

    @Transactional
    public void endSession(String token) {
        LoginSession.deleteByTokenHash(sha256(token));
    }

    @Transactional
    public Optional<SessionUser> findSessionUser(String token) {
        return LoginSession.findLive(sha256(token), Instant.now()).map(session -> SessionUser.of(session.account));
    }

    /** Creates the configured instructor, or makes an existing account with that e-mail an instructor. */
    @Transactional
    public Account ensureInstructor(String email, String password) {
        Account account = Account.findByEmail(email).orElseGet(Account::new);
        if (account.id == null) {
            account.email = Account.normalizeEmail(email);
            account.displayName = "Instructor";
            account.createdAt = Instant.now();
        }
        account.passwordHash = BcryptUtil.bcryptHash(password);
        account.role = Account.INSTRUCTOR;
        account.persist();
        return account;
    }

    public Duration sessionLifetime() {
        return config.sessionLifetime();
    }

    public boolean secureCookie() {
        return config.secureCookie();
    }

    private <T> void validate(T request) {
        if (request == null) {
            throw ProblemException.badField("body", "is required");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    private static ProblemException emailTaken() {
        return ProblemException.conflict("An account with this e-mail already exists");
    }

    private static String sha256(String token) {
        return Sha256.hex(token.getBytes(StandardCharsets.UTF_8));
    }
}
