package dev.convlab.lesson;

import dev.convlab.account.Account;
import dev.convlab.i18n.Language;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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

/**
 * One version of a step's text and exercises in one language; every version is kept. Revision numbers count up per
 * step across both languages, so a number names one revision.
 */
@Entity
@Table(name = "step_revision")
public class StepRevision extends PanacheEntity {

    public static final String FROM_FILE = "file";
    public static final String FROM_EDITOR = "editor";
    public static final String FROM_IMPORT = "import";

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "step_id")
    public Step step;

    public int number;

    @Convert(converter = LanguageColumn.class)
    public Language language;

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

    /** The whole step file, front matter and body, as it was imported or saved. */
    public String source;

    /** Where this revision came from: {@code file} (content/ at start-up), {@code editor} or {@code import} (a zip). */
    public String origin;

    /** For an editor save, the revision the author started from. */
    @Column(name = "base_number")
    public Integer baseNumber;

    /** For a published Japanese revision, the English revision that was live when it was published. */
    @Column(name = "english_number")
    public Integer englishNumber;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id")
    public Account author;

    /** A new, unpublished revision of a step in a language from a checked source, numbered after the step's latest. */
    public static StepRevision draft(Step step, Language language, StepSource source, String origin, Account author) {
        StepRevision revision = new StepRevision();
        revision.step = step;
        revision.language = language;
        revision.number = findLatest(step).map(r -> r.number + 1).orElse(1);
        revision.title = source.title();
        revision.position = source.order();
        revision.markdown = source.markdown();
        revision.exercises = source.exercises();
        revision.sourceSha256 = source.sha256();
        revision.sourcePath = source.path();
        revision.source = source.text();
        revision.origin = origin;
        revision.author = author;
        revision.createdAt = Instant.now();
        revision.persist();
        return revision;
    }

    public Optional<Exercise> exercise(String key) {
        return exercises.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    /** The step's newest revision in any language. */
    public static Optional<StepRevision> findLatest(Step step) {
        return find("step = ?1 order by number desc", step).firstResultOptional();
    }

    public static Optional<StepRevision> findLatest(Step step, Language language) {
        return find("step = ?1 and language = ?2 order by number desc", step, language).firstResultOptional();
    }

    /** The newest revision in a language that came from the step's file in content/. */
    public static Optional<StepRevision> findLatestFromFile(Step step, Language language) {
        return find("step = ?1 and language = ?2 and origin = ?3 order by number desc", step, language, FROM_FILE).firstResultOptional();
    }

    public static Optional<StepRevision> findNumber(Step step, int number) {
        return find("step = ?1 and number = ?2", step, number).firstResultOptional();
    }

    public static List<StepRevision> listFor(Step step, Language language) {
        return list("step = ?1 and language = ?2 order by number desc", step, language);
    }
}
