package dev.convlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Japanese lesson in {@code content/convolutions/ja/} is the English one in other words: for every English step a
 * Japanese step of the same file name, slug, order and front-matter fields, the same exercises, widgets, code blocks,
 * formulas and numbers, and prose with no English left in it.
 */
class JapaneseLessonTest {

    private static final Path ENGLISH = Path.of("content/convolutions");
    private static final Path JAPANESE = ENGLISH.resolve("ja");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final StepSourceParser parser = new StepSourceParser();

    JapaneseLessonTest() {
        parser.markdown = new MarkdownRenderer();
    }

    /** What makes an exercise the same exercise in both languages. */
    record ExerciseIdentity(String key, Exercise.Kind kind, List<Double> answer, Double tolerance) {}

    static List<String> englishSteps() throws IOException {
        return markdownFiles(ENGLISH);
    }

    @Test
    void everyEnglishStepHasAJapaneseStepOfTheSameNameAndNoOther() throws IOException {
        assertEquals(11, englishSteps().size());
        assertEquals(englishSteps(), markdownFiles(JAPANESE));
    }

    @ParameterizedTest
    @MethodSource("englishSteps")
    void theJapaneseStepHasTheSameSlugOrderAndFrontMatterFields(String file) throws Exception {
        StepSource english = parse(ENGLISH, file);
        StepSource japanese = parse(JAPANESE, file);
        assertEquals(english.slug(), japanese.slug(), file);
        assertEquals(english.order(), japanese.order(), file);
        assertEquals(frontMatterFields(english), frontMatterFields(japanese), file);
    }

    @ParameterizedTest
    @MethodSource("englishSteps")
    void theJapaneseStepHasTheSameExercisesWithTheSameAnswers(String file) throws Exception {
        assertEquals(exercises(parse(ENGLISH, file)), exercises(parse(JAPANESE, file)), file);
    }

    @ParameterizedTest
    @MethodSource("englishSteps")
    void theJapaneseStepHasTheSameWidgetsInTheSameOrder(String file) throws Exception {
        assertEquals(widgets(parse(ENGLISH, file)), widgets(parse(JAPANESE, file)), file);
    }

    @ParameterizedTest
    @MethodSource("englishSteps")
    void theJapaneseStepHasTheSameCodeBlocksAndKeepsEveryInlineFormula(String file) throws Exception {
        StepSource english = parse(ENGLISH, file);
        StepSource japanese = parse(JAPANESE, file);
        assertEquals(codeBlocks(english.markdown()), codeBlocks(japanese.markdown()), file);
        Map<String, String> japaneseTexts = texts(japanese);
        texts(english).forEach((field, text) -> {
            Set<String> missing = new LinkedHashSet<>(inlineCode(text));
            missing.removeAll(inlineCode(japaneseTexts.get(field)));
            assertEquals(Set.of(), missing, file + ", " + field + ": inline code of the English missing in the Japanese");
        });
    }

    @ParameterizedTest
    @MethodSource("englishSteps")
    void theJapaneseStepStatesEveryNumberAsOftenAsTheEnglish(String file) throws Exception {
        Map<String, String> japaneseTexts = texts(parse(JAPANESE, file));
        texts(parse(ENGLISH, file)).forEach((field, text) -> {
            List<String> missing = new ArrayList<>(numbers(text));
            numbers(japaneseTexts.get(field)).forEach(missing::remove);
            assertEquals(List.of(), missing, file + ", " + field + ": numbers of the English prose missing in the Japanese");
        });
    }

    @ParameterizedTest
    @MethodSource("englishSteps")
    void theJapaneseProseHasNoEnglishLeft(String file) throws Exception {
        List<String> problems = new ArrayList<>();
        texts(parse(JAPANESE, file)).forEach((field, text) ->
                JapaneseProse.problems(text).forEach(problem -> problems.add(field + ", " + problem)));
        assertEquals(List.of(), problems, file);
    }

    @ParameterizedTest
    @MethodSource("englishSteps")
    void theProseCheckWouldFindThisStepLeftInEnglish(String file) throws Exception {
        StepSource english = parse(ENGLISH, file);
        assertFalse(JapaneseProse.problems(english.markdown()).isEmpty(), file);
        assertFalse(JapaneseProse.problems(english.title()).isEmpty(), file);
    }

    private StepSource parse(Path folder, String file) throws IOException, ContentException {
        Path path = folder.resolve(file);
        return parser.parse(path.toString(), Files.readAllBytes(path));
    }

    private static List<String> markdownFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted().toList();
        }
    }

    /** The front matter's field names, then each exercise's, as written in the file. */
    private static List<List<String>> frontMatterFields(StepSource source) throws IOException {
        String text = source.text();
        JsonNode front = YAML.readTree(text.substring(4, text.indexOf("\n---\n", 3) + 1));
        List<List<String>> fields = new ArrayList<>();
        fields.add(fieldNames(front));
        for (JsonNode exercise : front.path("exercises")) {
            fields.add(fieldNames(exercise));
        }
        return fields;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<ExerciseIdentity> exercises(StepSource source) {
        return source.exercises().stream().map(e -> new ExerciseIdentity(e.key(), e.kind(), e.answer(), e.tolerance())).toList();
    }

    private List<String> widgets(StepSource source) {
        return parser.markdown.widgets(source.markdown()).stream().map(w -> w.name() + w.attributes()).toList();
    }

    /** The title, the body and every exercise's prompt, hint and explanation, by name. */
    private static Map<String, String> texts(StepSource source) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("title", source.title());
        texts.put("body", source.markdown());
        for (Exercise exercise : source.exercises()) {
            texts.put(exercise.key() + " prompt", exercise.prompt());
            texts.put(exercise.key() + " hint", exercise.hint() == null ? "" : exercise.hint());
            texts.put(exercise.key() + " explanation", exercise.explanation() == null ? "" : exercise.explanation());
        }
        return texts;
    }

    private static List<String> codeBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        JapaneseProse.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                blocks.add("```" + block.getInfo() + "\n" + block.getLiteral());
            }

            @Override
            public void visit(IndentedCodeBlock block) {
                blocks.add(block.getLiteral());
            }
        });
        return blocks;
    }

    private static Set<String> inlineCode(String markdown) {
        Set<String> spans = new LinkedHashSet<>();
        JapaneseProse.parse(markdown == null ? "" : markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Code code) {
                spans.add(code.getLiteral());
            }
        });
        return spans;
    }

    /** The numbers written in digits in the prose, outside code, each as often as it is written. */
    private static List<String> numbers(String markdown) {
        List<String> numbers = new ArrayList<>();
        for (JapaneseProse.Block block : JapaneseProse.blocks(markdown == null ? "" : markdown)) {
            Matcher number = NUMBER.matcher(block.text());
            while (number.find()) {
                numbers.add(number.group());
            }
        }
        return numbers;
    }
}
