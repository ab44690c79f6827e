package dev.convlab.lesson;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.CustomBlock;
import org.commonmark.parser.block.AbstractBlockParser;
import org.commonmark.parser.block.AbstractBlockParserFactory;
import org.commonmark.parser.block.BlockContinue;
import org.commonmark.parser.block.BlockStart;
import org.commonmark.parser.block.MatchedBlockParser;
import org.commonmark.parser.block.ParserState;

/**
 * A widget placed on its own line as {@code ::name{key=value key2="two words"}}, the leaf form of the generic
 * Markdown directive proposal. Unknown names are kept here and reported by the content validator.
 */
public class WidgetDirective extends CustomBlock {

    static final Pattern LINE = Pattern.compile("::([a-z][a-z0-9-]{0,40})(?:\\{([^{}]*)})?\\s*");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s*([a-zA-Z][a-zA-Z0-9-]{0,40})=(?:\"([^\"]*)\"|([^\\s\"]+))\\s*");

    private final String name;
    private final Map<String, String> attributes;

    WidgetDirective(String name, Map<String, String> attributes) {
        this.name = name;
        this.attributes = Collections.unmodifiableMap(attributes);
    }

    public String name() {
        return name;
    }

    public Map<String, String> attributes() {
        return attributes;
    }

    /** Parses the attribute list, or returns null when it is malformed. */
    static Map<String, String> parseAttributes(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (text == null) {
            return attributes;
        }
        Matcher matcher = ATTRIBUTE.matcher(text);
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            attributes.put(matcher.group(1), matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
            end = matcher.end();
        }
        return end == text.length() ? attributes : null;
    }

    static class Parser extends AbstractBlockParser {
        private final WidgetDirective block;

        Parser(WidgetDirective block) {
            this.block = block;
        }

        @Override
        public WidgetDirective getBlock() {
            return block;
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            return BlockContinue.none();
        }
    }

    static class Factory extends AbstractBlockParserFactory {
        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matchedBlockParser) {
            if (state.getIndent() >= 4) {
                return BlockStart.none();
            }
            CharSequence line = state.getLine().getContent();
            Matcher matcher = LINE.matcher(line.subSequence(state.getNextNonSpaceIndex(), line.length()));
            if (!matcher.matches()) {
                return BlockStart.none();
            }
            Map<String, String> attributes = parseAttributes(matcher.group(2));
            if (attributes == null) {
                return BlockStart.none();
            }
            return BlockStart.of(new Parser(new WidgetDirective(matcher.group(1), attributes))).atIndex(line.length());
        }
    }
}
