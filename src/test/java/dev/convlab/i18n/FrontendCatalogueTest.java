package dev.convlab.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.i18n.FrontendSource.Literal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The front end's catalogues ({@code frontend/i18n/en.js}, {@code ja.js}) against each other and against the code: the
 * same keys, nothing empty, the same placeholders, every key the code names present, and no key the code never names.
 *
 * <p>A key counts as named where the code holds it as a string literal ({@code t('kernelLab.addKernel')}, or a table of
 * keys such as {@code VARIANTS}); {@code tp('board.otherSets', n)} names {@code board.otherSets.one} and {@code .other}.
 */
class FrontendCatalogueTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9]+)+");
    private static final Pattern PLURAL_CALL = Pattern.compile("\\btp\\(\\s*$");

    private final Map<String, String> english = FrontendSource.catalogue("en");
    private final Map<String, String> japanese = FrontendSource.catalogue("ja");

    @Test
    void bothLanguagesHaveTheSameKeysAndNoEmptyMessage() {
        assertEquals(new TreeSet<>(english.keySet()), new TreeSet<>(japanese.keySet()), "keys of en.js and ja.js");
        assertTrue(english.size() > 300, "the catalogues hold the front end's words: " + english.size());
        for (Map<String, String> catalogue : List.of(english, japanese)) {
            List<String> empty = catalogue.entrySet().stream().filter(e -> e.getValue().isBlank()).map(Map.Entry::getKey).toList();
            assertEquals(List.of(), empty, "messages without text");
        }
    }

    @Test
    void eachMessageTakesTheSamePlaceholdersInBothLanguages() {
        List<String> different = english.keySet().stream()
                .filter(key -> !placeholders(english.get(key)).equals(placeholders(japanese.get(key))))
                .map(key -> key + ": " + english.get(key) + " / " + japanese.get(key))
                .toList();
        assertEquals(List.of(), different, "messages whose placeholders differ");
    }

    @Test
    void theJapaneseIsJapanese() {
        List<String> untranslated = japanese.entrySet().stream()
                .filter(e -> e.getValue().equals(english.get(e.getKey())))
                .filter(e -> e.getValue().replaceAll("\\{\\w+}", "").matches(".*[A-Za-z]{3,}.*"))
                .filter(e -> !e.getKey().startsWith("kernels.sobel")) // a proper name: Sobel x, Sobel y
                .map(Map.Entry::getKey)
                .toList();
        assertEquals(List.of(), untranslated, "Japanese messages that are still the English words");
    }

    @Test
    void everyKeyTheCodeNamesExists() {
        Set<String> missing = new TreeSet<>(named());
        missing.removeAll(english.keySet());
        assertEquals(Set.of(), missing, "keys the front end uses but the catalogues lack");
    }

    @Test
    void everyKeyIsUsedByTheCode() {
        Set<String> unused = new TreeSet<>(english.keySet());
        unused.removeAll(named());
        assertEquals(Set.of(), unused, "keys no front-end module uses: remove them");
    }

    /** The keys the modules name: string literals shaped like a key whose first part is one of the catalogues' own. */
    private Set<String> named() {
        Set<String> namespaces = english.keySet().stream().map(key -> key.substring(0, key.indexOf('.'))).collect(Collectors.toSet());
        Set<String> keys = new TreeSet<>();
        for (Literal literal : FrontendSource.literals()) {
            String text = literal.text();
            if (literal.template() || !KEY.matcher(text).matches() || !namespaces.contains(text.substring(0, text.indexOf('.')))) {
                continue;
            }
            if (PLURAL_CALL.matcher(literal.before()).find()) {
                keys.add(text + ".one");
                keys.add(text + ".other");
            } else {
                keys.add(text);
            }
        }
        return keys;
    }

    private static Set<String> placeholders(String message) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(message);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
