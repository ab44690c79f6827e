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

    /** Imports every {@code *.md} file directly in a folder, not in its subfolders; safe to run from several app instances at once. */
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
                    case REVISED, DRAFTED -> revised++;
                    case UNCHANGED -> unchanged++;
                }
            } catch (ContentException | IOException e) {
                LOG.errorf("Lesson file rejected, its step keeps its last good revision: %s", e.getMessage());
                rejected.add(e.getMessage());
            }
        }
        return new Report(created, revised, unchanged, rejected);
    }

    private enum Outcome { CREATED, REVISED, UNCHANGED, DRAFTED }

    /**
     * A file unchanged since its last import changes nothing, even when instructors edited the step since. A changed
     * file is published, unless instructors edited the step since its last import: then it waits as a draft.
     */
    private Outcome apply(StepSource source) {
        Step step = Step.findBySlug(source.slug()).orElse(null);
        if (step == null) {
            step = Step.create(source);
            step.publish(StepRevision.draft(step, source, StepRevision.FROM_FILE, null));
            return Outcome.CREATED;
        }
        StepRevision lastImport = StepRevision.findLatestFromFile(step).orElse(null);
        if (lastImport != null && lastImport.sourceSha256.equals(source.sha256())) {
            if (lastImport.source == null) {
                lastImport.source = source.text();
            }
            return Outcome.UNCHANGED;
        }
        boolean editedSince = StepRevision.findLatest(step).map(r -> !StepRevision.FROM_FILE.equals(r.origin)).orElse(false);
        StepRevision revision = StepRevision.draft(step, source, StepRevision.FROM_FILE, null);
        if (editedSince) {
            LOG.warnf("%s changed, but instructors edited step '%s' since its last import: kept as draft %d",
                    source.path(), step.slug, revision.number);
            return Outcome.DRAFTED;
        }
        step.position = source.order();
        step.retired = false;
        step.publish(revision);
        return Outcome.REVISED;
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
