package dev.convlab.account;

import dev.convlab.platform.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;

/**
 * Browsers that logged in to an account (OWASP's "device cookies"): such a browser's attempts count against its own
 * counter, so a stranger's failures from elsewhere never lock the owner out of a browser they used before.
 */
@ApplicationScoped
public class TrustedBrowsers {

    public static final String COOKIE = "convlab_browser";

    /** Trusted browsers kept per account, the newest. */
    private static final int PER_ACCOUNT = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager entityManager;

    @Inject
    AccountConfig config;

    /** Whether the cookie {@code token} was given to a browser when it logged in to this account, and is still valid. */
    @Transactional
    public boolean trusts(String token, String accountKey, Instant now) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return false;
        }
        Number count = (Number) entityManager.createNativeQuery(
                        "select count(*) from login_device where token_hash = :hash and account_key = :account and created_at > :oldest")
                .setParameter("hash", hash(token))
                .setParameter("account", accountKey)
                .setParameter("oldest", Timestamp.from(now.minus(config.login().trustedBrowserLifetime())))
                .getSingleResult();
        return count.longValue() > 0;
    }

    /** Trusts a new browser for the account and returns its cookie's token; drops expired ones and all but the newest few. */
    @Transactional
    public String trust(String accountKey, Instant now) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        entityManager.createNativeQuery("insert into login_device (token_hash, account_key, created_at) values (:hash, :account, :now)")
                .setParameter("hash", hash(token))
                .setParameter("account", accountKey)
                .setParameter("now", Timestamp.from(now))
                .executeUpdate();
        entityManager.createNativeQuery("""
                        delete from login_device where created_at < :oldest
                            or (account_key = :account and token_hash not in (
                                select token_hash from login_device where account_key = :account
                                order by created_at desc limit :keep))""")
                .setParameter("oldest", Timestamp.from(now.minus(config.login().trustedBrowserLifetime())))
                .setParameter("account", accountKey)
                .setParameter("keep", PER_ACCOUNT)
                .executeUpdate();
        return token;
    }

    static String hash(String token) {
        return Sha256.hex(token.getBytes(StandardCharsets.UTF_8));
    }
}
