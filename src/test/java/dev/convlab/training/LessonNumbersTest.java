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
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every accuracy the lesson quotes, in English and in Japanese, is in {@link LessonNumbers} and is labelled, in its
 * paragraph or under its heading, as ConvLab's ("ConvLab") or the course's ("course", "notebook"; 講座, ノートブック).
 * A paragraph, table or code block speaks of accuracy when it or its heading says "accura", "reach" or "≈" (正解率,
 * 精度, 到達, に達); in it, every 0.50–0.999 and every percentage of 50 or more is an accuracy.
 */
class LessonNumbersTest {

    private static final Path ENGLISH = Path.of("content/convolutions");
    private static final Path JAPANESE = ENGLISH.resolve("ja");
    private static final List<String> ACCURACY_WORDS = List.of("accura", "reach", "≈", "正解率", "精度", "到達", "に達");
    private static final List<String> CONVLAB_LABELS = List.of("convlab");
    private static final List<String> COURSE_LABELS = List.of("course", "notebook", "講座", "ノートブック");
    private static final Pattern DECIMAL = Pattern.compile("(?<![\\d.])0\\.[5-9]\\d{0,2}(?![\\d])");
    private static final Pattern PERCENT = Pattern.compile("(?<![\\d.])(\\d{2}(?:\\.\\d+)?)\\s?%");

    /** One quoted accuracy: where, as written, and the text that labels it. */
    record Found(Path file, String text, double value, String context) {}

    @Test
    void everyQuotedAccuracyIsConvLabsOrTheCoursesAndSaysWhose() throws IOException {
        List<Found> english = quotedAccuracies(ENGLISH);
        List<Found> japanese = quotedAccuracies(JAPANESE);
        assertTrue(english.size() >= 8, "the lesson quotes accuracies in steps 8 and 11: " + english);
        assertTrue(japanese.size() >= 8, "the Japanese lesson quotes accuracies in steps 8 and 11: " + japanese);
        List<String> problems = new ArrayList<>();
        for (Found f : Stream.concat(english.stream(), japanese.stream()).toList()) {
            List<Quoted> candidates = LessonNumbers.ALL.stream().filter(q -> Math.abs(q.value() - f.value()) < 5e-4).toList();
            String context = f.context().toLowerCase(Locale.ROOT);
            boolean labelled = candidates.stream().anyMatch(q -> (q.source() == Source.CONVLAB ? CONVLAB_LABELS : COURSE_LABELS)
                    .stream().anyMatch(context::contains));
            if (candidates.isEmpty()) {
                problems.add(f.file() + ": " + f.text() + " is in no list of ConvLab's or the course's numbers");
            } else if (!labelled) {
                problems.add(f.file() + ": " + f.text() + " does not say whose it is (" + candidates.get(0).source() + ")");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyAccuracyTheEnglishStepQuotesTheJapaneseStepQuotesToo() throws IOException {
        Map<String, List<Double>> japanese = valuesByFile(quotedAccuracies(JAPANESE));
        valuesByFile(quotedAccuracies(ENGLISH)).forEach((file, values) -> {
            List<Double> missing = new ArrayList<>(values);
            japanese.getOrDefault(file, List.of()).forEach(missing::remove);
            assertEquals(List.of(), missing, "ja/" + file + " does not quote these accuracies as accuracies");
        });
    }

    @Test
    void theDefaultRunsFigureIsQuotedAsConvLabsInStepEight() throws IOException {
        String step = Files.readString(ENGLISH.resolve("08-training-it.md"));
        assertTrue(step.contains("**" + LessonNumbers.DEFAULT_RUN_MNIST.text() + "**"), "step 8 quotes the default run's accuracy");
        assertTrue(step.contains("ConvLab measured"), "and says it is ConvLab's measurement");
        String japanese = Files.readString(JAPANESE.resolve("08-training-it.md"));
        assertTrue(japanese.contains("**" + LessonNumbers.DEFAULT_RUN_MNIST.text() + "**"), "Japanese step 8 quotes it too");
        assertTrue(japanese.contains("ConvLab が測定"), "and says it is ConvLab's measurement");
    }

    private static Map<String, List<Double>> valuesByFile(List<Found> found) {
        return found.stream().collect(Collectors.groupingBy(f -> f.file().getFileName().toString(), TreeMap::new,
                Collectors.mapping(Found::value, Collectors.toList())));
    }

    /** Every accuracy quoted in the Markdown files directly in a folder, with its block and heading as context. */
    static List<Found> quotedAccuracies(Path folder) throws IOException {
        List<Found> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md") && Files.isRegularFile(f)).sorted().toList()) {
                String heading = "";
                for (String block : blocks(Files.readString(file))) {
                    if (block.startsWith("#")) {
                        heading = block;
                        continue;
                    }
                    for (String part : tableRows(block)) {
                        find(ENGLISH.relativize(file), heading + "\n" + part, part, found);
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

    private static void find(Path file, String context, String block, List<Found> found) {
        String lower = context.toLowerCase(Locale.ROOT);
        if (ACCURACY_WORDS.stream().noneMatch(lower::contains)) {
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
