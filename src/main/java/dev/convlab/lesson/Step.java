package dev.convlab.lesson;

import dev.convlab.i18n.Language;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One step of the lesson, in English and Japanese; what learners read is its published revision in their language,
 * else the other language's. Its exercises, attempts and progress belong to the step, not to a language.
 */
@Entity
public class Step extends PanacheEntity {

    private static final String PUBLISHED = "select s from Step s left join fetch s.publishedRevision left join fetch s.publishedJaRevision"
            + " where s.retired = false and (s.publishedRevision is not null or s.publishedJaRevision is not null)";

    public String slug;

    public int position;

    /** The English title (the Japanese one when the step has no English), for instructors' lists. */
    public String title;

    public boolean retired;

    /** The published English revision. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "published_revision_id")
    public StepRevision publishedRevision;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "published_ja_revision_id")
    public StepRevision publishedJaRevision;

    /** A new step for a checked source, saved, with no revision yet. */
    public static Step create(StepSource source) {
        Step step = new Step();
        step.slug = source.slug();
        step.title = source.title();
        step.position = source.order();
        step.persist();
        return step;
    }

    /**
     * Makes a revision what readers of its language see. A Japanese revision remembers the English one live now, so
     * that a later English change shows the translation as behind.
     */
    public void publish(StepRevision revision) {
        revision.publishedAt = Instant.now();
        if (revision.language == Language.JA) {
            revision.englishNumber = publishedRevision == null ? null : publishedRevision.number;
            publishedJaRevision = revision;
        } else {
            publishedRevision = revision;
            title = revision.title;
        }
    }

    public Optional<StepRevision> published(Language language) {
        return Optional.ofNullable(language == Language.JA ? publishedJaRevision : publishedRevision);
    }

    /** What a reader of a language reads: the published revision in it, else the other language's. */
    public StepRevision readFor(Language language) {
        return published(language).orElseGet(() -> published(other(language)).orElseThrow());
    }

    /**
     * The exercises as a reader of a language sees them: keys, kinds and answers from the published English (the
     * one answer of each exercise), prompt, hint and explanation from the reader's language where it has them.
     */
    public List<Exercise> exercises(Language language) {
        StepRevision words = readFor(language);
        List<Exercise> answers = readFor(Language.EN).exercises;
        return answers.stream().map(exercise -> words.exercise(exercise.key()).map(exercise::withWordsOf).orElse(exercise)).toList();
    }

    public Optional<Exercise> exercise(String key, Language language) {
        return exercises(language).stream().filter(e -> e.key().equals(key)).findFirst();
    }

    static Language other(Language language) {
        return language == Language.JA ? Language.EN : Language.JA;
    }

    public static Optional<Step> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The steps learners see, in lesson order, with their published texts loaded. */
    public static List<Step> listPublished() {
        return find(PUBLISHED + " order by s.position, s.slug").list();
    }

    public static Optional<Step> findPublished(String slug) {
        return find(PUBLISHED + " and s.slug = ?1", slug).firstResultOptional();
    }
}
