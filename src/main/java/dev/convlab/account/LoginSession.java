package dev.convlab.account;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A logged-in browser: the cookie holds a random token, the database only its SHA-256. */
@Entity
@Table(name = "login_session")
public class LoginSession extends PanacheEntity {

    @Column(name = "token_hash")
    public String tokenHash;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "account_id")
    public Account account;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    public static Optional<LoginSession> findLive(String tokenHash, Instant now) {
        return find("tokenHash = ?1 and expiresAt > ?2", tokenHash, now).firstResultOptional();
    }

    public static long deleteByTokenHash(String tokenHash) {
        return delete("tokenHash", tokenHash);
    }

    public static long deleteExpired(Instant now) {
        return delete("expiresAt <= ?1", now);
    }
}
