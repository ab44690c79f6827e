package dev.convlab.kernellab;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A kernel a learner kept under a name: weights per channel, rows top to bottom. */
@Entity
@Table(name = "saved_kernel")
public class SavedKernel extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id")
    public long accountId;

    public String name;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<List<List<Double>>> weights;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static List<SavedKernel> listFor(long accountId) {
        return list("accountId = ?1 order by name", accountId);
    }

    public static Optional<SavedKernel> findByName(long accountId, String name) {
        return find("accountId = ?1 and name = ?2", accountId, name).firstResultOptional();
    }

    public static long countFor(long accountId) {
        return count("accountId", accountId);
    }
}
