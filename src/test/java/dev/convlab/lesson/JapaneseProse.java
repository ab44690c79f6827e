package dev.convlab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads the prose of lesson Markdown (headings, paragraphs, list items and table cells, without code, code blocks
 * and widget directives) and finds English left in a Japanese text: a run of {@value #MAX_LATIN_RUN}+1 or more
 * Latin-script words that is not a listed proper name, or a heading or paragraph with no Japanese at all. It also
 * finds two Markdown slips that only Japanese text makes: a line break inside a sentence (a browser shows it as a
 * space) and bold markers that did not parse because they touch Japanese punctuation.
 */
public final class JapaneseProse {

    /** Names and titles that stay in Latin script in Japanese prose and are longer than a Latin run may be. */
    static final List<String> PROPER_NAMES = List.of("Understanding the Effective Receptive Field in Deep Convolutional Neural Networks");

    static final int MAX_LATIN_RUN = 3;

    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z'’]*(?:[-.][A-Za-z]+)*");
    /** What may stand between two words of one English sentence: spaces and ASCII punctuation. */
    private static final Pattern BETWEEN_WORDS = Pattern.compile("[\\s,;:.!?()\"“”‘’'/&+]+");
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
    private static final Pattern BREAK_IN_SENTENCE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFF60]\\n[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFF60]");
    /** Stands for an inline code span: not a word, and not something that joins words. */
    private static final String CODE = "`";

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .customBlockParserFactory(new WidgetDirective.Factory())
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();

    /** One block of prose: its first line (from 1), whether it is a table cell, and its text with code as {@code `}. */
    public record Block(int line, boolean cell, String text) {}

    private JapaneseProse() {}

    /** Everything in a Japanese Markdown text that is still English or will not render as written. */
    public static List<String> problems(String markdown) {
        List<String> problems = new ArrayList<>();
        for (Block block : blocks(markdown)) {
            String where = "line " + block.line() + ": ";
            String text = block.text();
            for (String name : PROPER_NAMES) {
                text = text.replace(name, CODE);
            }
            for (String run : latinRuns(text)) {
                problems.add(where + "'" + run + "' is English");
            }
            if (!block.cell() && text.chars().anyMatch(c -> c < 128 && Character.isLetter(c)) && !JAPANESE.matcher(text).find()) {
                problems.add(where + "'" + text.strip() + "' has no Japanese");
            }
            if (BREAK_IN_SENTENCE.matcher(text).find()) {
                problems.add(where + "a line break inside a Japanese sentence shows as a space: keep the paragraph on one line");
            }
            if (text.contains("*")) {
                problems.add(where + "'*' is left as text: emphasis that touches Japanese punctuation needs a space outside it");
            }
        }
        return problems;
    }

    /** The prose blocks of a Markdown text, in order. */
    public static List<Block> blocks(String markdown) {
        List<Block> blocks = new ArrayList<>();
        parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                add(heading, false);
            }

            @Override
            public void visit(Paragraph paragraph) {
                add(paragraph, false);
            }

            @Override
            public void visit(CustomNode node) {
                if (node instanceof TableCell) {
                    add(node, true);
                } else {
                    visitChildren(node);
                }
            }

            private void add(Node node, boolean cell) {
                blocks.add(new Block(line(node), cell, text(node)));
            }
        });
        return blocks;
    }

    /** Parses lesson Markdown as the lesson does: GFM tables and widget directives. */
    static Node parse(String markdown) {
        return PARSER.parse(markdown);
    }

    /** The first line of a node, or of the nearest block around it (a table cell has no line of its own). */
    private static int line(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.getSourceSpans().isEmpty()) {
                return n.getSourceSpans().get(0).getLineIndex() + 1;
            }
        }
        return 0;
    }

    /** The text of an inline tree: code spans as {@code `}, line breaks as new lines, emphasis as its words. */
    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text literal) {
                text.append(literal.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(CODE);
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                text.append('\n');
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                text.append('\n');
            }
        });
        return text.toString();
    }

    /** Runs of more than {@link #MAX_LATIN_RUN} Latin-script words joined only by spaces and ASCII punctuation. */
    static List<String> latinRuns(String text) {
        List<String> runs = new ArrayList<>();
        Matcher word = LATIN_WORD.matcher(text);
        int runStart = -1;
        int runEnd = -1;
        int words = 0;
        while (word.find()) {
            if (words > 0 && BETWEEN_WORDS.matcher(text.substring(runEnd, word.start())).matches()) {
                words++;
            } else {
                if (words > MAX_LATIN_RUN) {
                    runs.add(text.substring(runStart, runEnd));
                }
                runStart = word.start();
                words = 1;
            }
            runEnd = word.end();
        }
        if (words > MAX_LATIN_RUN) {
            runs.add(text.substring(runStart, runEnd));
        }
        return runs;
    }
}
