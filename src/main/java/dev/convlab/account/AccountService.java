package dev.convlab.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.convlab.i18n.Language;
import dev.convlab.i18n.RequestLanguage;
import dev.convlab.i18n.Text;
import dev.convlab.platform.ProblemException;
import dev.convlab.platform.Sha256;
import dev.convlab.platform.TooManyRequestsException;
import io.quarkus.elytron.security.common.BcryptUtil;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.jboss.logging.Logger;

/** Signs learners up, checks their passwords, and keeps their sessions. */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int BCRYPT_MAX_BYTES = 72;
    /**
     * How long a looked-up session is reused without asking the database. A log-out on this node ends it at once; on
     * another instance sharing the database, within this time (as do an expiry and a change of role).
     */
    static final Duration SESSION_REUSE = Duration.ofSeconds(5);

    private final Cache<String, SessionUser> recentSessions = Caffeine.newBuilder()
            .expireAfterWrite(SESSION_REUSE)
            .maximumSize(100_000)
            .build();

    @Inject
    PasswordHashing passwords;

    /** Request worker threads, with the request's context: where a stage continues after its hash. */
    @Inject
    ManagedExecutor workers;

    @Inject
    AccountConfig config;

    @Inject
    Validator validator;

    @Inject
    LoginThrottle throttle;

    @Inject
    TrustedBrowsers browsers;

    @Inject
    SignUpLimit signUpLimit;

    @Inject
    RequestLanguage requestLanguage;

    /** Who is asking: the client's address as the server saw it, and the trusted-browser cookie it sent, if any. */
    public record Client(String address, String browserToken) {}

    /** A successful sign-up or login: the account, and the trusted-browser token its cookie should hold. */
    public record LoggedIn(Account account, String browserToken) {}

    /**
     * Creates a student account (at most so many per address, see {@link SignUpLimit}) that keeps the language of the
     * request it signed up in, and trusts this browser for it. The checks run here; the hash on
     * {@link PasswordHashing}'s threads; the stage completes on a request worker.
     */
    public CompletionStage<LoggedIn> signUp(SignUp request, Client client) {
        SignUp normalized = request == null ? null : request.normalized();
        validate(normalized);
        requireBcryptLength("password", normalized.password());
        signUpLimit.take(client.address());
        if (findByEmail(normalized.email()).isPresent()) {
            throw emailTaken();
        }
        Language language = requestLanguage.get();
        return passwords.hash(normalized.password()).thenApplyAsync(hash -> {
            Account account = create(normalized, hash, language);
            return new LoggedIn(account, browsers.trust(accountKey(account.email), Instant.now()));
        }, workers);
    }

    @Transactional
    Account create(SignUp request, String passwordHash, Language language) {
        if (Account.findByEmail(request.email()).isPresent()) {
            throw emailTaken();
        }
        Account account = new Account();
        account.email = request.email();
        account.displayName = request.displayName().strip();
        account.passwordHash = passwordHash;
        account.role = Account.STUDENT;
        account.createdAt = Instant.now();
        account.language = language.tag();
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

    /**
     * Checks e-mail and password; a wrong pair is a 401, logged without the password. Repeated failures make further
     * attempts wait (429): a browser that logged in to this account before counts only its own failures; any other
     * counts against the account and against its address. An unknown e-mail costs a hash too, so that the time of
     * the answer does not tell which e-mails have accounts.
     */
    public CompletionStage<LoggedIn> logIn(LogIn request, Client client) {
        LogIn normalized = request == null ? null : request.normalized();
        validate(normalized);
        String email = normalized.email();
        String accountKey = accountKey(email);
        Instant now = Instant.now();
        boolean trusted = browsers.trusts(client.browserToken(), accountKey, now);
        LoginThrottle.Key own = trusted
                ? new LoginThrottle.Key("browser:" + TrustedBrowsers.hash(client.browserToken()), config.login().accountFailures())
                : new LoginThrottle.Key("account:" + accountKey, config.login().accountFailures());
        List<LoginThrottle.Key> shared = trusted
                ? List.of()
                : List.of(new LoginThrottle.Key("address:" + ClientAddress.key(client.address()), config.login().addressFailures()));
        Optional<Duration> wait = throttle.waitFor(shared, now).or(() -> throttle.reserve(own, now));
        if (wait.isPresent()) {
            LOG.warnf("Failed login for %s from %s: refused, %s to wait after repeated failures", email, ClientAddress.printable(client.address()), Waits.describe(wait.get(), Language.EN));
            Duration refused = wait.get();
            throw new TooManyRequestsException(
                    Text.composed(AccountErrors.class, (m, language) -> m.tooManyLogins(Waits.describe(refused, language))), refused);
        }
        Optional<Account> found = findByEmail(email);
        return passwords.matches(normalized.password(), found.map(account -> account.passwordHash).orElse(null)).thenApplyAsync(matches -> {
            if (!matches) {
                throttle.recordFailure(shared, now);
                LOG.warnf("Failed login for %s from %s: %s", email, ClientAddress.printable(client.address()), found.isPresent() ? "wrong password" : "no such account");
                throw loginFailed();
            }
            throttle.forget(own);
            return new LoggedIn(found.get(), trusted ? client.browserToken() : browsers.trust(accountKey, now));
        }, workers);
    }

    @Transactional
    Optional<Account> findByEmail(String email) {
        return Account.findByEmail(email);
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
        String tokenHash = sha256(token);
        LoginSession.deleteByTokenHash(tokenHash);
        recentSessions.invalidate(tokenHash);
    }

    /**
     * The session's user, from PostgreSQL or from the last {@link #SESSION_REUSE}. Every request with a cookie asks
     * (its scripts and styles too), and each answer from the database cost a worker thread and a query.
     */
    @Transactional
    public Optional<SessionUser> findSessionUser(String token) {
        String tokenHash = sha256(token);
        Optional<SessionUser> user = LoginSession.findLive(tokenHash, Instant.now()).map(session -> SessionUser.of(session.account));
        user.ifPresent(found -> recentSessions.put(tokenHash, found));
        return user;
    }

    /** A session user this node looked up within the last {@link #SESSION_REUSE}; no database, no blocking. */
    public Optional<SessionUser> recentSessionUser(String token) {
        return Optional.ofNullable(recentSessions.getIfPresent(sha256(token)));
    }

    /**
     * Keeps the learner's choice of language with their account. This node's cached sessions of the account are
     * forgotten, so that the next page speaks it at once; other instances see it within {@link #SESSION_REUSE}.
     */
    public void chooseLanguage(long accountId, Language language) {
        storeLanguage(accountId, language);
        recentSessions.asMap().values().removeIf(user -> user.accountId() == accountId);
    }

    @Transactional
    void storeLanguage(long accountId, Language language) {
        Account.update("language = ?1 where id = ?2", language.tag(), accountId);
    }

    /** Creates the configured instructor, or makes an existing account with that e-mail an instructor. */
    @Transactional
    public Account ensureInstructor(String email, String password) {
        requireBcryptLength("password", password);
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
            throw ProblemException.required("body");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    /** bcrypt reads only a password's first 72 bytes: a longer one is refused, so that the whole password counts. */
    static void requireBcryptLength(String field, String password) {
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > BCRYPT_MAX_BYTES) {
            throw ProblemException.badField(field, Text.of(AccountErrors.class, m -> m.passwordTooLong(bytes, BCRYPT_MAX_BYTES)));
        }
    }

    /** The stable reference of an e-mail in the login counters and trusted browsers: its SHA-256, not the address. */
    static String accountKey(String normalizedEmail) {
        return Sha256.hex(normalizedEmail.getBytes(StandardCharsets.UTF_8));
    }

    private static ProblemException loginFailed() {
        return new ProblemException(401, Text.of(AccountErrors.class, AccountErrors::loginFailedTitle),
                Text.of(AccountErrors.class, AccountErrors::loginFailed));
    }

    private static ProblemException emailTaken() {
        return ProblemException.conflict(Text.of(AccountErrors.class, AccountErrors::emailTaken));
    }

    private static String sha256(String token) {
        return Sha256.hex(token.getBytes(StandardCharsets.UTF_8));
    }
}
