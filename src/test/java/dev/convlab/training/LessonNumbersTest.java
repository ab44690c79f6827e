package dev.convlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.training.LessonNumbers.Quoted;
import dev.convlab.training.LessonNumbers.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every accuracy the lesson quotes is in {@link LessonNumbers} and is labelled, in its paragraph or under its heading,
 * as ConvLab's ("ConvLab") or the course's ("course", "notebook"). A paragraph, table or code block speaks of accuracy
 * when it or its heading says "accura", "reach" or "≈"; in it, every 0.50–0.999 and every percentage of 50 or more is
 * an accuracy.
 */
class LessonNumbersTest {

    private static final Path CONTENT = Path.of("content/convolutions");
    private static final Pattern DECIMAL = Pattern.compile("(?<![\\d.])0\\.[5-9]\\d{0,2}(?![\\d])");
    private static final Pattern PERCENT = Pattern.compile("(?<![\\d.])(\\d{2}(?:\\.\\d+)?)\\s?%");

    /** One quoted accuracy: where, as written, and the text that labels it. */
    record Found(String file, String text, double value, String context) {}

    @Test
    void everyQuotedAccuracyIsConvLabsOrTheCoursesAndSaysWhose() throws IOException {
        List<Found> found = quotedAccuracies();
        assertTrue(found.size() >= 8, "the lesson quotes accuracies in steps 8 and 11: " + found);
        List<String> problems = new ArrayList<>();
        for (Found f : found) {
            List<Quoted> candidates = LessonNumbers.ALL.stream().filter(q -> Math.abs(q.value() - f.value()) < 5e-4).toList();
            String context = f.context().toLowerCase(Locale.ROOT);
            boolean labelled = candidates.stream().anyMatch(q -> q.source() == Source.CONVLAB
                    ? context.contains("convlab")
                    : context.contains("course") || context.contains("notebook"));
            if (candidates.isEmpty()) {
                problems.add(f.file() + ": " + f.text() + " is in no list of ConvLab's or the course's numbers");
            } else if (!labelled) {
                problems.add(f.file() + ": " + f.text() + " does not say whose it is (" + candidates.get(0).source() + ")");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theDefaultRunsFigureIsQuotedAsConvLabsInStepEight() throws IOException {
        String step = Files.readString(CONTENT.resolve("08-training-it.md"));
        assertTrue(step.contains("**" + LessonNumbers.DEFAULT_RUN_MNIST.text() + "**"), "step 8 quotes the default run's accuracy");
        assertTrue(step.contains("ConvLab measured"), "and says it is ConvLab's measurement");
    }

    /** Every accuracy quoted in the lesson's Markdown, with its block and heading as context. */
    static List<Found> quotedAccuracies() throws IOException {
        List<Found> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(CONTENT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                String heading = "";
                for (String block : blocks(Files.readString(file))) {
                    if (block.startsWith("#")) {
                        heading = block;
                        continue;
                    }
                    for (String part : tableRows(block)) {
                        find(file.getFileName().toString(), heading + "\n" + part, part, found);
                    }
                }
            }
        }
        return found;
    }

    /** A table's rows one by one, each with the table's header; any other block whole. */
    private static List<String> tableRows(String block) {
        if (!block.startsWith("|")) {
            return List.of(block);
        }
        String[] lines = block.split("\n");
        List<String> rows = new ArrayList<>();
        for (int i = 2; i < lines.length; i++) {
            rows.add(lines[0] + "\n" + lines[i]);
        }
        return rows;
    }

    private static void find(String file, String context, String block, List<Found> found) {
        String lower = context.toLowerCase(Locale.ROOT);
        if (!lower.contains("accura") && !lower.contains("reach") && !lower.contains("≈")) {
            return;
        }
        Matcher decimal = DECIMAL.matcher(block);
        while (decimal.find()) {
            found.add(new Found(file, decimal.group(), Double.parseDouble(decimal.group()), context));
        }
        Matcher percent = PERCENT.matcher(block);
        while (percent.find()) {
            double value = Double.parseDouble(percent.group(1)) / 100;
            if (value >= 0.5) {
                found.add(new Found(file, percent.group(), value, context));
            }
        }
    }

    /** Paragraphs, tables, list items and whole fenced code blocks; a heading is a block of its own. */
    static List<String> blocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean fenced = false;
        for (String line : markdown.split("\n")) {
            boolean fence = line.startsWith("```");
            boolean ends = !fenced && (line.isBlank() || line.startsWith("#") || line.startsWith("- ") || line.matches("\\d+\\. .*"));
            if (ends && !current.isEmpty()) {
                blocks.add(current.toString());
                current.setLength(0);
            }
            if (!fenced && (line.startsWith("#") || line.isBlank())) {
                if (!line.isBlank()) {
                    blocks.add(line);
                }
                continue;
            }
            current.append(line).append('\n');
            fenced = fence != fenced;
        }
        if (!current.isEmpty()) {
            blocks.add(current.toString());
        }
        return blocks;
    }
}
