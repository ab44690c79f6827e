package dev.convlab.lesson;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One step of the lesson; what learners read is its published revision. */
@Entity
public class Step extends PanacheEntity {

    public String slug;

    public int position;

    public String title;

    public boolean retired;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "published_revision_id")
    public StepRevision publishedRevision;

    /** A new step for a checked source, saved, with no revision yet. */
    public static Step create(StepSource source) {
        Step step = new Step();
        step.slug = source.slug();
        step.title = source.title();
        step.position = source.order();
        step.persist();
        return step;
    }

    /** Makes a revision what learners see. */
    public void publish(StepRevision revision) {
        revision.publishedAt = Instant.now();
        publishedRevision = revision;
        title = revision.title;
    }

    public static Optional<Step> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The steps learners see, in lesson order, with their published text loaded. */
    public static List<Step> listPublished() {
        return find("select s from Step s join fetch s.publishedRevision where s.retired = false order by s.position, s.slug").list();
    }

    public static Optional<Step> findPublished(String slug) {
        return find("select s from Step s join fetch s.publishedRevision where s.slug = ?1 and s.retired = false", slug)
                .firstResultOptional();
    }
}
