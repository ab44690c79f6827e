package dev.convlab.lesson;

import dev.convlab.account.Account;
import dev.convlab.i18n.Language;
import dev.convlab.i18n.Text;
import dev.convlab.platform.ProblemException;
import dev.convlab.platform.ProblemException.FieldText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The published lesson as the files {@code content/} holds, zipped, and back: English at the top, Japanese under
 * {@code ja/} with the same file names. An import checks every file first and changes nothing unless all of them are
 * valid and every Japanese file keeps its English exercises.
 */
@ApplicationScoped
@Transactional
public class LessonArchive {

    static final int MAX_FILES = 200;
    static final int MAX_FILE_BYTES = 256 * 1024;
    static final long MAX_TOTAL_BYTES = 8L * 1024 * 1024;
    private static final Pattern ORDER_LINE = Pattern.compile("(?m)^order:.*$");
    private static final String JAPANESE_FOLDER = Language.JA.tag() + "/";

    /** What an import did, counted by file: a step or a translation new to the database is created. */
    public record ImportReport(int created, int revised, int unchanged) {}

    /** One checked file of a zip: its name without the language folder, its language and its parsed source. */
    private record Entry(String name, Language language, StepSource source) {}

    @Inject
    StepSourceParser parser;

    /**
     * Published, not retired steps as {@code NN-slug.md} (English) and {@code ja/NN-slug.md} (Japanese), each with
     * its current position as its order.
     */
    public byte[] export() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            int index = 0;
            for (Step step : Step.listPublished()) {
                String name = "%02d-%s.md".formatted(++index, step.slug);
                for (Language language : Language.values()) {
                    String source = step.published(language).map(r -> r.source).orElse(null);
                    if (source != null) {
                        zip.putNextEntry(new ZipEntry((language == Language.JA ? JAPANESE_FOLDER : "") + name));
                        zip.write(ORDER_LINE.matcher(source).replaceFirst("order: " + step.position).getBytes(StandardCharsets.UTF_8));
                        zip.closeEntry();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a zip to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** Imports the English files first, so that each Japanese one is published against its new English. */
    public ImportReport importZip(InputStream body, long authorId) {
        List<Entry> entries = readAll(body);
        Account author = Account.findById(authorId);
        int created = 0;
        int revised = 0;
        int unchanged = 0;
        for (Language language : Language.values()) {
            for (Entry entry : entries.stream().filter(e -> e.language() == language).toList()) {
                StepSource source = entry.source();
                Step step = Step.findBySlug(source.slug()).orElseGet(() -> Step.create(source));
                StepRevision published = step.published(language).orElse(null);
                if (published != null && source.sha256().equals(published.sourceSha256)) {
                    unchanged++;
                    continue;
                }
                if (StepRevision.findLatest(step, language).isEmpty()) {
                    created++;
                } else {
                    revised++;
                }
                if (language == Language.EN) {
                    step.position = source.order();
                    step.retired = false;
                }
                step.publish(StepRevision.draft(step, language, source, StepRevision.FROM_IMPORT, author));
            }
        }
        return new ImportReport(created, revised, unchanged);
    }

    /** Reads and checks every entry; any problem anywhere rejects the whole zip, naming each file and line. */
    private List<Entry> readAll(InputStream body) {
        List<Entry> entries = new ArrayList<>();
        List<FieldText> problems = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        long total = 0;
        int files = 0;
        try (ZipInputStream zip = new ZipInputStream(body, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                if (++files > MAX_FILES) {
                    throw ProblemException.badField("zip", Text.of(LessonErrors.class, m -> m.tooManyFiles(MAX_FILES)));
                }
                byte[] bytes = zip.readNBytes(MAX_FILE_BYTES + 1);
                total += bytes.length;
                if (bytes.length > MAX_FILE_BYTES || total > MAX_TOTAL_BYTES) {
                    throw ProblemException.badField("zip", Text.of(LessonErrors.class, m -> m.tooLarge(name)));
                }
                if (!name.endsWith(".md")) {
                    problems.add(new FieldText(name, Text.of(LessonErrors.class, LessonErrors::notMarkdown)));
                    continue;
                }
                Language language = name.startsWith(JAPANESE_FOLDER) ? Language.JA : Language.EN;
                try {
                    StepSource source = parser.parse(name, bytes);
                    if (!slugs.add(language.tag() + " " + source.slug())) {
                        problems.add(new FieldText(name, Text.of(LessonErrors.class, m -> m.duplicateSlug(source.slug()))));
                    }
                    entries.add(new Entry(language == Language.JA ? name.substring(JAPANESE_FOLDER.length()) : name, language, source));
                } catch (ContentException e) {
                    problems.add(new FieldText(name, e.reason()));
                }
            }
        } catch (IOException e) {
            throw ProblemException.badField("zip", Text.of(LessonErrors.class, LessonErrors::unreadableZip));
        }
        if (files == 0) {
            problems.add(new FieldText("zip", Text.of(LessonErrors.class, LessonErrors::noStepFiles)));
        }
        entries.stream().filter(e -> e.language() == Language.JA).forEach(japanese -> checkTranslation(japanese, entries, problems));
        if (!problems.isEmpty()) {
            int count = problems.size();
            throw new ProblemException(400, Text.of(LessonErrors.class, LessonErrors::notImportedTitle),
                    Text.of(LessonErrors.class, m -> m.notImported(count)), problems);
        }
        return entries;
    }

    /**
     * A Japanese file translates the English file of the same name in the zip, else the step's published English: it
     * must have that slug and those exercises.
     */
    private static void checkTranslation(Entry japanese, List<Entry> entries, List<FieldText> problems) {
        String field = JAPANESE_FOLDER + japanese.name();
        StepSource source = japanese.source();
        StepSource english = entries.stream().filter(e -> e.language() == Language.EN && e.name().equals(japanese.name()))
                .map(Entry::source).findFirst().orElse(null);
        if (english != null && !english.slug().equals(source.slug())) {
            problems.add(new FieldText(field, Text.of(LessonErrors.class, m -> m.translationSlug(source.slug(), english.slug()))));
            return;
        }
        List<Exercise> englishExercises = english != null ? english.exercises()
                : Step.findBySlug(source.slug()).flatMap(step -> step.published(Language.EN)).map(r -> r.exercises).orElse(null);
        if (englishExercises == null) {
            problems.add(new FieldText(field, Text.of(LessonErrors.class, m -> m.noEnglishToTranslate(japanese.name()))));
            return;
        }
        Exercise.differences(englishExercises, source.exercises()).forEach(difference -> problems.add(new FieldText(field, difference)));
    }

}
