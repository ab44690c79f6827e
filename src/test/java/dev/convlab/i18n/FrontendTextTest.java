package dev.convlab.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.i18n.FrontendSource.Literal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No front-end module writes a user-facing English word itself: every word a reader sees comes from the catalogues.
 * It reads every string and template literal of {@code frontend/} and flags:
 * <ul>
 *   <li>in Lit {@code html`…`} and {@code svg`…`} templates, a word in the text between tags, and a written-out
 *       {@code aria-label}, {@code title}, {@code placeholder}, {@code alt} or {@code label};</li>
 *   <li>elsewhere, a string that reads as prose (two words in a row), a capitalised word ("Cancel"), or any word
 *       handed to {@code textContent}, {@code title}, a chart's {@code name} or {@code formatter}, or {@code say()}.</li>
 * </ul>
 * Code-like strings pass: CSS ({@code css`…`}), selectors given to {@code querySelector}/{@code closest}, event names,
 * URLs, ids, console messages and proper names (MNIST, SGD, Adam). A line that holds a server's id which happens to be
 * English says so with a {@code // i18n-ignore: why} comment.
 */
class FrontendTextTest {

    private static final Set<String> PROPER_NAMES = Set.of("MNIST", "Fashion-MNIST", "SGD", "Adam");
    /** Attributes a reader sees or hears. */
    private static final Pattern SHOWN_ATTRIBUTE = Pattern.compile(
            "\\s(aria-label|title|placeholder|alt|label|aria-description)\\s*=\\s*(\"([^\"]*)\"|'([^']*)')");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z-]*[A-Za-z]");
    /** Two words in a row; words joined by hyphens (CSS classes such as "state-badge state-completed") are not prose. */
    private static final Pattern PROSE = Pattern.compile("(?<![-\\w])[A-Za-z]{2,}[ \\t\\n]+[A-Za-z]{2,}(?![-\\w])");
    /** A catalogue key ("kernelLab.addKernel"), which the code hands to t(). */
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9]+)+");
    private static final Pattern CAPITALISED_WORD = Pattern.compile("[A-Z][a-z]+[.!…:]?");
    private static final Pattern SHOWN_SINK = Pattern.compile(
            "(?:\\b(?:textContent|innerText|title|placeholder|ariaLabel|name|formatter)\\s*[:=]|\\b(?:say|alert|confirm)\\()\\s*$");
    private static final Pattern SELECTOR_OR_CONSOLE = Pattern.compile(
            "(?:\\b(?:querySelector|querySelectorAll|closest|matches)|\\bconsole\\.\\w+)\\(\\s*$");

    @Test
    void noModuleWritesAUserFacingEnglishWordOutsideTheCatalogues() {
        List<String> found = new ArrayList<>();
        for (Literal literal : FrontendSource.literals()) {
            if (!literal.ignored()) {
                found.addAll(problems(literal));
            }
        }
        assertEquals(List.of(), found, "English written outside the catalogues: give each a key in frontend/i18n/en.js and ja.js"
                + " and write t('key', params)\n" + String.join("\n", found));
    }

    @Test
    void theCheckFindsEnglishWhereAReaderWouldSeeIt() {
        assertFalse(problems(template("html", "<p>Loading…</p>")).isEmpty(), "text between tags");
        assertFalse(problems(template("html", "<button aria-label=\"Close the dialog\">" + FrontendSource.HOLE + "</button>")).isEmpty(),
                "a written-out aria-label");
        assertFalse(problems(template("html", "<p>" + FrontendSource.HOLE + " epochs done</p>")).isEmpty(), "a word beside a hole");
        assertFalse(problems(string("Not saved.", "say(")).isEmpty(), "a status line");
        assertFalse(problems(string("epoch", "xAxis: { type: 'value', name: ")).isEmpty(), "a chart's axis title");
        assertFalse(problems(string("Copied", "button.textContent = ")).isEmpty(), "a text assignment");
        assertFalse(problems(string("The image could not be loaded.", "?? ")).isEmpty(), "a fallback sentence");
    }

    @Test
    void theCheckLetsCodeLikeStringsPass() {
        assertTrue(problems(template("html", "<select id=\"board-axis\" name=\"downsampling\"><option value=\"\">"
                + FrontendSource.HOLE + "</option><option value=\"mnist\">MNIST</option></select>")).isEmpty(), "ids, names, a proper name");
        assertTrue(problems(template("css", ":host { display: block; } th, td { padding: 0.3rem }")).isEmpty(), "CSS");
        assertTrue(problems(string("#learner-table tbody", "document.querySelector(")).isEmpty(), "a selector");
        assertTrue(problems(string("exercise-passed", "new CustomEvent(")).isEmpty(), "an event name");
        assertTrue(problems(string("application/json", "Accept: ")).isEmpty(), "a media type");
        assertTrue(problems(string("state-badge state-completed", "badge.className = ")).isEmpty(), "CSS classes");
        assertTrue(problems(string("runs.chart.epoch", "name: t(")).isEmpty(), "a catalogue key");
        assertTrue(problems(template("", "/api/runs/" + FrontendSource.HOLE + "/events")).isEmpty(), "a URL");
    }

    private static List<String> problems(Literal literal) {
        List<String> found = new ArrayList<>();
        if (literal.template() && literal.tag().equals("css")) {
            return found;
        }
        if (literal.template() && (literal.tag().equals("html") || literal.tag().equals("svg"))) {
            markup(literal, found);
            return found;
        }
        if (SELECTOR_OR_CONSOLE.matcher(literal.before()).find() || KEY.matcher(literal.text()).matches()) {
            return found;
        }
        String text = literal.text().replace(FrontendSource.HOLE, ' ');
        boolean prose = PROSE.matcher(text).find();
        boolean capitalised = !literal.template() && CAPITALISED_WORD.matcher(text).matches() && !PROPER_NAMES.contains(text);
        boolean shown = SHOWN_SINK.matcher(literal.before()).find() && hasWord(text);
        if (prose || capitalised || shown) {
            found.add(literal.where() + ": " + quoted(literal.text()));
        }
        return found;
    }

    /** Words between tags and in shown attributes of a Lit template. */
    private static void markup(Literal literal, List<String> found) {
        String text = literal.text();
        StringBuilder between = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            boolean tagStarts = c == '<' && i + 1 < text.length() && (Character.isLetter(text.charAt(i + 1)) || text.charAt(i + 1) == '/');
            if (tagStarts) {
                int end = text.indexOf('>', i);
                end = end < 0 ? text.length() : end;
                Matcher attribute = SHOWN_ATTRIBUTE.matcher(text.substring(i, end));
                while (attribute.find()) {
                    String value = attribute.group(3) != null ? attribute.group(3) : attribute.group(4);
                    if (hasWord(value)) {
                        found.add(literal.where() + ": " + attribute.group(1) + "=" + quoted(value));
                    }
                }
                between.append(FrontendSource.HOLE);
                i = end + 1;
            } else {
                between.append(c);
                i++;
            }
        }
        for (String piece : between.toString().split(String.valueOf(FrontendSource.HOLE))) {
            if (hasWord(piece)) {
                found.add(literal.where() + ": text " + quoted(piece.strip()));
            }
        }
    }

    /** Whether {@code text} holds a word of two letters or more that is not a proper name. */
    private static boolean hasWord(String text) {
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            if (!PROPER_NAMES.contains(word.group())) {
                return true;
            }
        }
        return false;
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\n", "\\n") + "\"";
    }

    private static Literal template(String tag, String text) {
        return new Literal(Path.of("example.js"), 1, text, true, tag, "", false);
    }

    private static Literal string(String text, String before) {
        return new Literal(Path.of("example.js"), 1, text, false, "", before, false);
    }
}
