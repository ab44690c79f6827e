package dev.convlab.account;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** A learner or instructor; {@link PasswordHashing} checks passwords against the bcrypt hash kept here. */
@Entity
public class Account extends PanacheEntity {

    public static final String STUDENT = "student";
    public static final String INSTRUCTOR = "instructor";

    public String email;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "password_hash")
    public String passwordHash;

    public String role;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The tag of the language the learner chose or signed up in ({@code en}, {@code ja}); null for accounts from before. */
    public String language;

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
