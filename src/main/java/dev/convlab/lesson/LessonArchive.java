package dev.convlab.lesson;

import dev.convlab.account.Account;
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
 * The published lesson as the files {@code content/} holds, zipped, and back: an import checks every file first and
 * changes nothing unless all of them are valid.
 */
@ApplicationScoped
@Transactional
public class LessonArchive {

    static final int MAX_FILES = 200;
    static final int MAX_FILE_BYTES = 256 * 1024;
    static final long MAX_TOTAL_BYTES = 8L * 1024 * 1024;
    private static final Pattern ORDER_LINE = Pattern.compile("(?m)^order:.*$");

    /** What an import did. */
    public record ImportReport(int created, int revised, int unchanged) {}

    @Inject
    StepSourceParser parser;

    /** Published, not retired steps as {@code NN-slug.md}, each with its current position as its order. */
    public byte[] export() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            int index = 0;
            for (Step step : Step.listPublished()) {
                String source = step.publishedRevision.source;
                if (source == null) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry("%02d-%s.md".formatted(++index, step.slug)));
                zip.write(ORDER_LINE.matcher(source).replaceFirst("order: " + step.position).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a zip to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    public ImportReport importZip(InputStream body, long authorId) {
        List<StepSource> sources = readAll(body);
        Account author = Account.findById(authorId);
        int created = 0;
        int revised = 0;
        int unchanged = 0;
        for (StepSource source : sources) {
            Step step = Step.findBySlug(source.slug()).orElse(null);
            if (step == null) {
                step = Step.create(source);
                created++;
            } else if (step.publishedRevision != null && source.sha256().equals(step.publishedRevision.sourceSha256)) {
                unchanged++;
                continue;
            } else {
                revised++;
            }
            step.position = source.order();
            step.retired = false;
            step.publish(StepRevision.draft(step, source, StepRevision.FROM_IMPORT, author));
        }
        return new ImportReport(created, revised, unchanged);
    }

    /** Reads and checks every entry; any problem anywhere rejects the whole zip, naming each file and line. */
    private List<StepSource> readAll(InputStream body) {
        List<StepSource> sources = new ArrayList<>();
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
                try {
                    StepSource source = parser.parse(name, bytes);
                    if (!slugs.add(source.slug())) {
                        problems.add(new FieldText(name, Text.of(LessonErrors.class, m -> m.duplicateSlug(source.slug()))));
                    }
                    sources.add(source);
                } catch (ContentException e) {
                    problems.add(new FieldText(name, language -> e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw ProblemException.badField("zip", Text.of(LessonErrors.class, LessonErrors::unreadableZip));
        }
        if (files == 0) {
            problems.add(new FieldText("zip", Text.of(LessonErrors.class, LessonErrors::noStepFiles)));
        }
        if (!problems.isEmpty()) {
            int count = problems.size();
            throw new ProblemException(400, Text.of(LessonErrors.class, LessonErrors::notImportedTitle),
                    Text.of(LessonErrors.class, m -> m.notImported(count)), problems);
        }
        return sources;
    }

}
