package dev.convlab.lesson;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.convlab.platform.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
            throw new ContentException(path, "file is larger than " + MAX_FILE_BYTES + " bytes");
        }
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
        refuseControlCharacters(path, text);
        if (!text.startsWith("---\n")) {
            throw new ContentException(path, "line 1: front matter must start with a line '---'");
        }
        int end = text.indexOf("\n---\n", 3);
        if (end < 0) {
            throw new ContentException(path, "front matter is not closed by a line '---'");
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
                long line = text.substring(0, i).chars().filter(ch -> ch == '\n').count() + 1;
                throw new ContentException(path, String.format("line %d: control character U+%04X is not allowed", line, (int) c));
            }
        }
    }

    private FrontMatter readFrontMatter(String path, String frontMatter) throws ContentException {
        try {
            FrontMatter front = yaml.readValue(frontMatter, FrontMatter.class);
            if (front == null) {
                throw new ContentException(path, "front matter is empty");
            }
            return front;
        } catch (UnrecognizedPropertyException e) {
            throw new ContentException(path, "line " + lineOf(frontMatter, e.getPropertyName()) + ": unknown field '" + e.getPropertyName() + "'");
        } catch (JsonMappingException e) {
            String line = e.getLocation() == null ? "" : "line " + (e.getLocation().getLineNr() + 1) + ": ";
            throw new ContentException(path, line + "front matter does not fit the expected fields (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new ContentException(path, "front matter is not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
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
        List<String> problems = new ArrayList<>();
        if (front.slug() == null || !SLUG.matcher(front.slug()).matches()) {
            problems.add("slug must be lowercase letters, digits and hyphens");
        }
        if (front.title() == null || front.title().isBlank() || front.title().length() > 200) {
            problems.add("title is required (at most 200 characters)");
        }
        if (front.order() == null || front.order() < 1 || front.order() > 1000) {
            problems.add("order must be a whole number from 1 to 1000");
        }
        Set<String> keys = new HashSet<>();
        for (Exercise exercise : exercises) {
            String key = exercise.key();
            if (key == null || !KEY.matcher(key).matches()) {
                problems.add("exercise key '" + key + "' must be lowercase letters, digits and hyphens");
            } else if (!keys.add(key)) {
                problems.add("exercise key '" + key + "' is used twice");
            }
            if (exercise.kind() == null || exercise.prompt() == null || exercise.prompt().isBlank()) {
                problems.add("exercise '" + key + "' needs a kind (number or shape) and a prompt");
            } else if (exercise.answer() == null || exercise.answer().isEmpty() || exercise.answer().stream().anyMatch(v -> v == null || !Double.isFinite(v))) {
                problems.add("exercise '" + key + "' needs an answer");
            } else if (exercise.kind() == Exercise.Kind.NUMBER && exercise.answer().size() != 1) {
                problems.add("exercise '" + key + "' of kind number needs exactly one answer value");
            } else if (exercise.kind() == Exercise.Kind.SHAPE && exercise.answer().stream().anyMatch(v -> v < 0 || v != Math.rint(v))) {
                problems.add("exercise '" + key + "' of kind shape needs whole, non-negative numbers");
            } else if (exercise.kind() == Exercise.Kind.KERNEL && !isSquareKernel(exercise)) {
                problems.add("exercise '" + key + "' of kind kernel needs a square kernel (row by row, at most 15×15) and a tolerance between 0 and 1");
            }
            if (exercise.tolerance() != null && (exercise.tolerance() < 0 || !Double.isFinite(exercise.tolerance()))) {
                problems.add("exercise '" + key + "' has a negative or infinite tolerance");
            }
        }
        problems.addAll(markdown.malformedDirectiveLines(body, bodyFirstLine));
        for (WidgetDirective directive : markdown.widgets(body)) {
            if (Widget.byDirectiveName(directive.name()).isEmpty()) {
                problems.add("unknown widget '" + directive.name() + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new ContentException(path, String.join("; ", problems));
        }
    }

    private static boolean isSquareKernel(Exercise exercise) {
        int side = (int) Math.round(Math.sqrt(exercise.answer().size()));
        return side * side == exercise.answer().size() && side <= 15
                && exercise.tolerance() != null && exercise.tolerance() > 0 && exercise.tolerance() <= 1;
    }
}
