package dev.convlab.i18n;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The front end's JavaScript as the i18n tests read it: the per-language catalogues, and every other module cut into
 * its string literals and template literals (a small lexer that knows comments, strings, regular expressions and
 * nested {@code ${…}} holes, which is all these tests need).
 */
public final class FrontendSource {

    static final Path FRONTEND = Path.of("frontend");
    static final Path CATALOGUES = FRONTEND.resolve("i18n");

    /** A string literal, or one template literal with its holes marked {@link #HOLE}; {@code tag} names its tag ("html"). */
    record Literal(Path file, int line, String text, boolean template, String tag, String before, boolean ignored) {

        String where() {
            return file + ":" + line;
        }
    }

    /** Where an expression ({@code ${…}}) sits in a template literal's text. */
    static final char HOLE = '\u0001';

    private FrontendSource() {}

    /** A catalogue ({@code en}, {@code ja}): its {@code export default} object, key to message, in file order. */
    public static Map<String, String> catalogue(String language) {
        Path file = CATALOGUES.resolve(language + ".js");
        try {
            String text = Files.readString(file);
            String object = text.substring(text.indexOf("export default") + "export default".length()).strip();
            object = object.endsWith(";") ? object.substring(0, object.length() - 1) : object;
            JsonMapper mapper = JsonMapper.builder().enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();
            return mapper.readValue(object, new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the catalogue " + file, e);
        }
    }

    /** Every front-end module except the catalogues themselves. */
    static List<Path> modules() {
        try (Stream<Path> files = Files.walk(FRONTEND)) {
            return files.filter(file -> file.toString().endsWith(".js"))
                    .filter(file -> !file.getParent().equals(CATALOGUES) || file.getFileName().toString().equals("messages.js"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The literals of every module. */
    static List<Literal> literals() {
        List<Literal> all = new ArrayList<>();
        for (Path module : modules()) {
            try {
                all.addAll(new Lexer(module, Files.readString(module)).literals());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    private static final class Lexer {
        private final Path file;
        private final String s;
        private final List<Literal> found = new ArrayList<>();
        private int i;

        Lexer(Path file, String source) {
            this.file = file;
            this.s = source;
        }

        List<Literal> literals() {
            code(false);
            return found;
        }

        /** Reads code up to the end, or up to the brace that closes a template's hole. */
        private void code(boolean inHole) {
            int depth = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '/' && next() == '/') {
                    i = s.indexOf('\n', i) < 0 ? s.length() : s.indexOf('\n', i);
                } else if (c == '/' && next() == '*') {
                    i = s.indexOf("*/", i + 2) + 2;
                } else if (c == '\'' || c == '"') {
                    string(c);
                } else if (c == '`') {
                    template();
                } else if (c == '/' && regexCanStart()) {
                    regex();
                } else {
                    if (c == '{') {
                        depth++;
                    } else if (c == '}') {
                        if (depth == 0 && inHole) {
                            i++;
                            return;
                        }
                        depth--;
                    }
                    i++;
                }
            }
        }

        private char next() {
            return i + 1 < s.length() ? s.charAt(i + 1) : '\0';
        }

        private void string(char quote) {
            int start = i++;
            StringBuilder text = new StringBuilder();
            while (s.charAt(i) != quote) {
                if (s.charAt(i) == '\\') {
                    i++;
                    text.append(s.charAt(i) == 'n' ? '\n' : s.charAt(i));
                    i++;
                } else {
                    text.append(s.charAt(i++));
                }
            }
            i++;
            add(start, text.toString(), false, "");
        }

        private void template() {
            int start = i++;
            int tagEnd = start;
            int tagStart = tagEnd;
            while (tagStart > 0 && Character.isJavaIdentifierPart(s.charAt(tagStart - 1))) {
                tagStart--;
            }
            String tag = s.substring(tagStart, tagEnd);
            StringBuilder text = new StringBuilder();
            while (s.charAt(i) != '`') {
                if (s.charAt(i) == '\\') {
                    text.append(s.charAt(++i));
                    i++;
                } else if (s.charAt(i) == '$' && next() == '{') {
                    i += 2;
                    code(true);
                    text.append(HOLE);
                } else {
                    text.append(s.charAt(i++));
                }
            }
            i++;
            add(start, text.toString(), true, tag);
        }

        /** A slash starts a regular expression where a value is expected: after an operator, an opening bracket or {@code return}. */
        private boolean regexCanStart() {
            int j = i - 1;
            while (j >= 0 && Character.isWhitespace(s.charAt(j))) {
                j--;
            }
            if (j < 0 || "(,=:[!&|?{};+-*%<>~^".indexOf(s.charAt(j)) >= 0) {
                return true;
            }
            return s.substring(0, j + 1).endsWith("return");
        }

        private void regex() {
            i++;
            boolean inClass = false;
            while (s.charAt(i) != '/' || inClass) {
                char c = s.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '[') {
                    inClass = true;
                } else if (c == ']') {
                    inClass = false;
                }
                i++;
            }
            i++;
        }

        private void add(int start, String text, boolean template, String tag) {
            int lineStart = s.lastIndexOf('\n', start) + 1;
            int lineEnd = s.indexOf('\n', start);
            String line = s.substring(lineStart, lineEnd < 0 ? s.length() : lineEnd);
            String before = s.substring(Math.max(0, start - 40), start);
            int number = (int) s.substring(0, start).chars().filter(c -> c == '\n').count() + 1;
            found.add(new Literal(file, number, text, template, tag, before, line.contains("// i18n-ignore:")));
        }
    }
}
