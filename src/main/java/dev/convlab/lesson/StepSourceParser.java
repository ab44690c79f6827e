package dev.convlab.lesson;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.convlab.i18n.Text;
import dev.convlab.platform.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Splits a step file into YAML front matter and Markdown body, and checks both. */
@ApplicationScoped
public class StepSourceParser {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final int MAX_FILE_BYTES = 256 * 1024;

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    @Inject
    MarkdownRenderer markdown;

    /** The front matter's fields. */
    record FrontMatter(String slug, String title, Integer order, List<Exercise> exercises) {}

    public StepSource parse(String path, byte[] bytes) throws ContentException {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new ContentException(path, text(m -> m.fileTooLarge(MAX_FILE_BYTES)));
        }
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
        refuseControlCharacters(path, text);
        if (!text.startsWith("---\n")) {
            throw new ContentException(path, atLine(1, ContentErrors::frontMatterStart));
        }
        int end = text.indexOf("\n---\n", 3);
        if (end < 0) {
            throw new ContentException(path, text(ContentErrors::frontMatterNotClosed));
        }
        FrontMatter front = readFrontMatter(path, text.substring(4, end + 1));
        String body = text.substring(end + 5);
        List<Exercise> exercises = front.exercises() == null ? List.of() : front.exercises();
        int bodyFirstLine = (int) text.substring(0, end + 5).chars().filter(c -> c == '\n').count() + 1;
        check(path, front, exercises, body, bodyFirstLine);
        return new StepSource(front.slug(), front.title().strip(), front.order(), exercises, body, Sha256.hex(bytes), path, text);
    }

    /** A NUL (which PostgreSQL cannot store) or any other control character but tab and line breaks has no place in a step. */
    private static void refuseControlCharacters(String path, String text) throws ContentException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                int line = (int) text.substring(0, i).chars().filter(ch -> ch == '\n').count() + 1;
                String code = String.format("U+%04X", (int) c);
                throw new ContentException(path, atLine(line, m -> m.controlCharacter(code)));
            }
        }
    }

    private FrontMatter readFrontMatter(String path, String frontMatter) throws ContentException {
        try {
            FrontMatter front = yaml.readValue(frontMatter, FrontMatter.class);
            if (front == null) {
                throw new ContentException(path, text(ContentErrors::frontMatterEmpty));
            }
            return front;
        } catch (UnrecognizedPropertyException e) {
            String field = e.getPropertyName();
            throw new ContentException(path, atLine(lineOf(frontMatter, field), m -> m.unknownField(field)));
        } catch (JsonMappingException e) {
            String reason = e.getOriginalMessage();
            Function<ContentErrors, String> mismatch = m -> m.frontMatterMismatch(reason);
            throw new ContentException(path, e.getLocation() == null ? text(mismatch) : atLine(e.getLocation().getLineNr() + 1, mismatch));
        } catch (IOException e) {
            String reason = e.getMessage().lines().findFirst().orElse("");
            throw new ContentException(path, text(m -> m.notYaml(reason)));
        }
    }

    /** The file line of a top-level front-matter field (the front matter starts on line 2). */
    private static int lineOf(String frontMatter, String field) {
        String[] lines = frontMatter.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(field + ":")) {
                return i + 2;
            }
        }
        return 2;
    }

    private void check(String path, FrontMatter front, List<Exercise> exercises, String body, int bodyFirstLine) throws ContentException {
        List<Text> problems = new ArrayList<>();
        if (front.slug() == null || !SLUG.matcher(front.slug()).matches()) {
            problems.add(text(ContentErrors::slugForm));
        }
        if (front.title() == null || front.title().isBlank() || front.title().length() > 200) {
            problems.add(text(ContentErrors::titleRequired));
        }
        if (front.order() == null || front.order() < 1 || front.order() > 1000) {
            problems.add(text(ContentErrors::orderRange));
        }
        Set<String> keys = new HashSet<>();
        for (Exercise exercise : exercises) {
            String key = exercise.key();
            if (key == null || !KEY.matcher(key).matches()) {
                problems.add(text(m -> m.keyForm(key)));
            } else if (!keys.add(key)) {
                problems.add(text(m -> m.keyTwice(key)));
            }
            if (exercise.kind() == null || exercise.prompt() == null || exercise.prompt().isBlank()) {
                problems.add(text(m -> m.kindAndPrompt(key)));
            } else if (exercise.answer() == null || exercise.answer().isEmpty() || exercise.answer().stream().anyMatch(v -> v == null || !Double.isFinite(v))) {
                problems.add(text(m -> m.answerRequired(key)));
            } else if (exercise.kind() == Exercise.Kind.NUMBER && exercise.answer().size() != 1) {
                problems.add(text(m -> m.oneNumber(key)));
            } else if (exercise.kind() == Exercise.Kind.SHAPE && exercise.answer().stream().anyMatch(v -> v < 0 || v != Math.rint(v))) {
                problems.add(text(m -> m.wholeShape(key)));
            } else if (exercise.kind() == Exercise.Kind.KERNEL && !isSquareKernel(exercise)) {
                problems.add(text(m -> m.squareKernel(key)));
            }
            if (exercise.tolerance() != null && (exercise.tolerance() < 0 || !Double.isFinite(exercise.tolerance()))) {
                problems.add(text(m -> m.badTolerance(key)));
            }
        }
        problems.addAll(markdown.malformedDirectiveLines(body, bodyFirstLine));
        for (WidgetDirective directive : markdown.widgets(body)) {
            if (Widget.byDirectiveName(directive.name()).isEmpty()) {
                problems.add(text(m -> m.unknownWidget(directive.name())));
            }
        }
        if (!problems.isEmpty()) {
            throw new ContentException(path, Text.joined(problems));
        }
    }

    private static boolean isSquareKernel(Exercise exercise) {
        int side = (int) Math.round(Math.sqrt(exercise.answer().size()));
        return side * side == exercise.answer().size() && side <= 15
                && exercise.tolerance() != null && exercise.tolerance() > 0 && exercise.tolerance() <= 1;
    }

    static Text text(Function<ContentErrors, String> message) {
        return Text.of(ContentErrors.class, message);
    }

    /** A problem on one line of the file: "line 5: unknown field 'widget'". */
    static Text atLine(int line, Function<ContentErrors, String> problem) {
        return Text.of(ContentErrors.class, m -> m.atLine(line, problem.apply(m)));
    }
}
