package dev.convlab.lesson;

import dev.convlab.i18n.Language;
import dev.convlab.i18n.Text;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Imports {@code content/} into PostgreSQL at start-up: the folder holds the English steps, its {@code ja/} subfolder
 * their Japanese under the same file names. A file makes a new published revision in its language only when its bytes
 * changed; a broken file is logged with its reason and its step keeps the last good revision in that language.
 */
@ApplicationScoped
public class LessonImporter {

    private static final Logger LOG = Logger.getLogger(LessonImporter.class);
    private static final long IMPORT_LOCK = 0x436f6e764c6162L;

    /** What one import did, counted by file: a step or a translation new to the database is created. */
    public record Report(int created, int revised, int unchanged, List<String> rejected) {}

    @Inject
    LessonConfig config;

    @Inject
    StepSourceParser parser;

    @Inject
    EntityManager entityManager;

    void onStart(@Observes StartupEvent event) {
        Report report = importFolder(config.contentDir());
        LOG.infof("Lesson import from %s: %d new steps or translations, %d revised, %d unchanged, %d rejected",
                config.contentDir(), report.created(), report.revised(), report.unchanged(), report.rejected().size());
    }

    /**
     * Imports every {@code *.md} file directly in a folder (English) and in its {@code ja/} subfolder (Japanese), the
     * English first; safe to run from several app instances at once. A Japanese file must be the English file of the
     * same name in other words: the same slug and the same exercises (keys, kinds, answers).
     */
    @Transactional
    public Report importFolder(Path folder) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(" + IMPORT_LOCK + ")").getSingleResult();
        if (!Files.isDirectory(folder)) {
            LOG.warnf("Lesson folder %s does not exist: the lesson stays as the database has it", folder.toAbsolutePath());
            return new Report(0, 0, 0, List.of());
        }
        Tally tally = new Tally();
        Map<String, StepSource> english = new HashMap<>();
        Set<String> slugs = new HashSet<>();
        for (Path file : markdownFiles(folder)) {
            try {
                StepSource source = parse(file, slugs);
                english.put(file.getFileName().toString(), source);
                tally.count(apply(source, Language.EN));
            } catch (ContentException | IOException e) {
                tally.reject(e.getMessage());
            }
        }
        slugs.clear();
        Path japaneseFolder = folder.resolve(Language.JA.tag());
        for (Path file : Files.isDirectory(japaneseFolder) ? markdownFiles(japaneseFolder) : List.<Path>of()) {
            try {
                StepSource source = parse(file, slugs);
                checkTranslation(source, english.get(file.getFileName().toString()), folder.resolve(file.getFileName()));
                tally.count(apply(source, Language.JA));
            } catch (ContentException | IOException e) {
                tally.reject(e.getMessage());
            }
        }
        return new Report(tally.created, tally.revised, tally.unchanged, tally.rejected);
    }

    private StepSource parse(Path file, Set<String> slugs) throws ContentException, IOException {
        StepSource source = parser.parse(file.toString(), Files.readAllBytes(file));
        if (!slugs.add(source.slug())) {
            throw new ContentException(file.toString(), StepSourceParser.text(m -> m.slugUsedTwice(source.slug())));
        }
        return source;
    }

    /** A Japanese file is refused unless its English file was imported and has the same slug and exercises. */
    private static void checkTranslation(StepSource japanese, StepSource english, Path englishFile) throws ContentException {
        if (english == null) {
            throw new ContentException(japanese.path(), StepSourceParser.text(m -> m.noEnglishFile(englishFile.toString())));
        }
        if (!english.slug().equals(japanese.slug())) {
            throw new ContentException(japanese.path(), Text.of(LessonErrors.class, m -> m.translationSlug(japanese.slug(), english.slug())));
        }
        List<Text> differences = Exercise.differences(english.exercises(), japanese.exercises());
        if (!differences.isEmpty()) {
            throw new ContentException(japanese.path(), Text.joined(differences));
        }
    }

    private enum Outcome { CREATED, REVISED, UNCHANGED, DRAFTED }

    /** Counts what the files did. */
    private static class Tally {
        int created;
        int revised;
        int unchanged;
        final List<String> rejected = new ArrayList<>();

        void count(Outcome outcome) {
            switch (outcome) {
                case CREATED -> created++;
                case REVISED, DRAFTED -> revised++;
                case UNCHANGED -> unchanged++;
            }
        }

        void reject(String reason) {
            LOG.errorf("Lesson file rejected, its step keeps its last good revision: %s", reason);
            rejected.add(reason);
        }
    }

    /**
     * A file unchanged since its last import changes nothing, even when instructors edited the step since. A changed
     * file is published, unless instructors edited the step in that language since its last import: then it waits as
     * a draft.
     */
    private Outcome apply(StepSource source, Language language) {
        Step step = Step.findBySlug(source.slug()).orElseGet(() -> Step.create(source));
        if (StepRevision.findLatest(step, language).isEmpty()) {
            publish(step, StepRevision.draft(step, language, source, StepRevision.FROM_FILE, null));
            return Outcome.CREATED;
        }
        StepRevision lastImport = StepRevision.findLatestFromFile(step, language).orElse(null);
        if (lastImport != null && lastImport.sourceSha256.equals(source.sha256())) {
            if (lastImport.source == null) {
                lastImport.source = source.text();
            }
            return Outcome.UNCHANGED;
        }
        boolean editedSince = StepRevision.findLatest(step, language).map(r -> !StepRevision.FROM_FILE.equals(r.origin)).orElse(false);
        StepRevision revision = StepRevision.draft(step, language, source, StepRevision.FROM_FILE, null);
        if (editedSince) {
            LOG.warnf("%s changed, but instructors edited step '%s' since its last import: kept as draft %d",
                    source.path(), step.slug, revision.number);
            return Outcome.DRAFTED;
        }
        publish(step, revision);
        return Outcome.REVISED;
    }

    /** Publishes a revision from a file; an English file also sets the step's place and brings it back if retired. */
    private static void publish(Step step, StepRevision revision) {
        if (revision.language == Language.EN) {
            step.position = revision.position;
            step.retired = false;
        }
        step.publish(revision);
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
