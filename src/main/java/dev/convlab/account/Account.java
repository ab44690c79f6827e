package dev.convlab.account;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** A learner or instructor; security-jpa checks passwords against the bcrypt hash kept here. */
@Entity
@UserDefinition
public class Account extends PanacheEntity {

    public static final String STUDENT = "student";
    public static final String INSTRUCTOR = "instructor";

    @Username
    public String email;

    @Column(name = "display_name")
    public String displayName;

    @Password
    @Column(name = "password_hash")
    public String passwordHash;

    @Roles
    public String role;

    @Column(name = "created_at")
    public Instant createdAt;

    public boolean isInstructor() {
        return INSTRUCTOR.equals(role);
    }

    public static Optional<Account> findByEmail(String email) {
        return find("email", normalizeEmail(email)).firstResultOptional();
    }

    /**
     * E-mail addresses are compared in Unicode's compatibility form (NFKC: a fullwidth "ａ" is an "a") and
     * case-insensitively, so they are stored that way.
     */
    public static String normalizeEmail(String email) {
        return email == null ? null : Normalizer.normalize(email, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }
}
