package dev.convlab.lesson;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of a step's text and exercises; every version is kept. */
@Entity
@Table(name = "step_revision")
public class StepRevision extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "step_id")
    public Step step;

    public int number;

    public String title;

    public int position;

    public String markdown;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Exercise> exercises;

    @Column(name = "source_sha256")
    public String sourceSha256;

    @Column(name = "source_path")
    public String sourcePath;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    public Optional<Exercise> exercise(String key) {
        return exercises.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    public static Optional<StepRevision> findLatest(Step step) {
        return find("step = ?1 order by number desc", step).firstResultOptional();
    }
}
