package dev.convlab.lesson;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Imports {@code content/} into PostgreSQL at start-up. A file makes a new published revision only when its bytes
 * changed; a broken file is logged with its reason and its step keeps the last good revision.
 */
@ApplicationScoped
public class LessonImporter {

    private static final Logger LOG = Logger.getLogger(LessonImporter.class);
    private static final long IMPORT_LOCK = 0x436f6e764c6162L;

    /** What one import did. */
    public record Report(int created, int revised, int unchanged, List<String> rejected) {}

    @Inject
    LessonConfig config;

    @Inject
    StepSourceParser parser;

    @Inject
    EntityManager entityManager;

    void onStart(@Observes StartupEvent event) {
        Report report = importFolder(config.contentDir());
        LOG.infof("Lesson import from %s: %d new steps, %d revised, %d unchanged, %d rejected",
                config.contentDir(), report.created(), report.revised(), report.unchanged(), report.rejected().size());
    }

    /** Imports every {@code *.md} file of a folder; safe to run from several app instances at once. */
    @Transactional
    public Report importFolder(Path folder) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(" + IMPORT_LOCK + ")").getSingleResult();
        if (!Files.isDirectory(folder)) {
            LOG.warnf("Lesson folder %s does not exist: the lesson stays as the database has it", folder.toAbsolutePath());
            return new Report(0, 0, 0, List.of());
        }
        int created = 0;
        int revised = 0;
        int unchanged = 0;
        List<String> rejected = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        for (Path file : markdownFiles(folder)) {
            try {
                StepSource source = parser.parse(file.toString(), Files.readAllBytes(file));
                if (!slugs.add(source.slug())) {
                    throw new ContentException(file.toString(), "slug '" + source.slug() + "' is already used by another file");
                }
                switch (apply(source)) {
                    case CREATED -> created++;
                    case REVISED -> revised++;
                    case UNCHANGED -> unchanged++;
                }
            } catch (ContentException | IOException e) {
                LOG.errorf("Lesson file rejected, its step keeps its last good revision: %s", e.getMessage());
                rejected.add(e.getMessage());
            }
        }
        return new Report(created, revised, unchanged, rejected);
    }

    private enum Outcome { CREATED, REVISED, UNCHANGED }

    private Outcome apply(StepSource source) {
        Step step = Step.findBySlug(source.slug()).orElse(null);
        Outcome outcome = step == null ? Outcome.CREATED : Outcome.REVISED;
        if (step == null) {
            step = new Step();
            step.slug = source.slug();
        } else {
            StepRevision latest = StepRevision.findLatest(step).orElse(null);
            if (latest != null && latest.sourceSha256.equals(source.sha256())) {
                return Outcome.UNCHANGED;
            }
        }
        step.title = source.title();
        step.position = source.order();
        step.retired = false;
        step.persist();

        StepRevision revision = new StepRevision();
        revision.step = step;
        revision.number = StepRevision.findLatest(step).map(r -> r.number + 1).orElse(1);
        revision.title = source.title();
        revision.position = source.order();
        revision.markdown = source.markdown();
        revision.exercises = source.exercises();
        revision.sourceSha256 = source.sha256();
        revision.sourcePath = source.path();
        revision.createdAt = Instant.now();
        revision.publishedAt = revision.createdAt;
        revision.persist();
        step.publishedRevision = revision;
        return outcome;
    }

    private static List<Path> markdownFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".md") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            LOG.errorf(e, "Cannot list lesson folder %s", folder);
            return List.of();
        }
    }
}
