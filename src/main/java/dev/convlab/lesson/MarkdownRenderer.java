package dev.convlab.lesson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.convlab.i18n.Language;
import dev.convlab.i18n.Text;
import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Lesson Markdown to safe HTML: commonmark-java parses (with tables and widget directives), jsoup's Safelist strips
 * anything that could run script. Widgets become placeholders that {@code frontend/js/lesson.js} brings to life.
 */
@ApplicationScoped
public class MarkdownRenderer {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), HeadingAnchorExtension.create());

    /** Lets jsoup check relative links (which it keeps as they are); never appears in the output. */
    private static final String RELATIVE_LINK_BASE = "https://convlab.invalid/";

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("kbd", "mark", "abbr")
            .addAttributes(":all", "class", "id")
            .addAttributes("div", "data-widget", "data-params", "role", "aria-label")
            .addAttributes("th", "align")
            .addAttributes("td", "align")
            .removeProtocols("img", "src", "http")
            .preserveRelativeLinks(true);

    /** Characters of Markdown and HTML kept rendered: every step of a lesson many times over, a few tens of MB. */
    private static final long RENDERED_CHARS = 16L * 1024 * 1024;

    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private final Parser parser = Parser.builder()
            .extensions(EXTENSIONS)
            .customBlockParserFactory(new WidgetDirective.Factory())
            .build();

    /** One renderer per language, for the words of widget placeholders. */
    private final Map<Language, HtmlRenderer> renderers = new EnumMap<>(Language.class);

    @Inject
    ObjectMapper json;

    @Inject
    LessonMessages english;

    @Inject
    @Localized("ja")
    LessonMessages japanese;

    /** Markdown to render, and the language its widget placeholders speak. */
    private record Source(String markdown, Language language) {}

    /** Pages are rendered from the same few revisions over and over: parsing and cleaning was a tenth of a busy node's CPU. */
    private final Cache<Source, String> rendered = Caffeine.newBuilder()
            .maximumWeight(RENDERED_CHARS)
            .weigher((Source source, String html) -> source.markdown().length() + html.length())
            .build();

    public MarkdownRenderer() {
        for (Language language : Language.values()) {
            renderers.put(language, HtmlRenderer.builder()
                    .extensions(EXTENSIONS)
                    .nodeRendererFactory(context -> new WidgetPlaceholderRenderer(context, messages(language)))
                    .escapeHtml(false)
                    .sanitizeUrls(true)
                    .build());
        }
    }

    /** Renders Markdown to HTML that is safe to put in a page as it is, its widget placeholders in the given language. */
    public String render(String markdown, Language language) {
        return rendered.get(new Source(markdown == null ? "" : markdown, language), this::renderAnew);
    }

    private String renderAnew(Source source) {
        String html = renderers.get(source.language()).render(parser.parse(source.markdown()));
        Document safe = Jsoup.parseBodyFragment(Jsoup.clean(html, RELATIVE_LINK_BASE, SAFELIST, OUTPUT));
        safe.outputSettings(OUTPUT);
        // Code blocks and tables scroll sideways in their own box on a phone, so they must take keyboard focus too.
        safe.select("pre").attr("tabindex", "0");
        safe.select("table").wrap("<div class=\"table-scroll\" tabindex=\"0\"></div>");
        // A table's empty corner is no header: a screen reader would announce a nameless one.
        safe.select("th").stream().filter(th -> !th.hasText() && th.children().isEmpty()).forEach(th -> th.tagName("td"));
        return safe.body().html();
    }

    private LessonMessages messages(Language language) {
        return language == Language.JA ? japanese : english;
    }

    /** The widget directives of a Markdown text, in order, for validation. */
    public List<WidgetDirective> widgets(String markdown) {
        List<WidgetDirective> found = new ArrayList<>();
        parser.parse(markdown == null ? "" : markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(CustomBlock block) {
                if (block instanceof WidgetDirective directive) {
                    found.add(directive);
                }
            }
        });
        return found;
    }

    /** Lines that look like a directive but are not well-formed, numbered from {@code firstLine}. */
    public List<Text> malformedDirectiveLines(String markdown, int firstLine) {
        List<Text> problems = new ArrayList<>();
        String[] lines = (markdown == null ? "" : markdown).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("::") && !line.startsWith(":::")) {
                var matcher = WidgetDirective.LINE.matcher(line);
                if (!matcher.matches() || WidgetDirective.parseAttributes(matcher.group(2)) == null) {
                    problems.add(StepSourceParser.atLine(i + firstLine, m -> m.malformedDirective(line)));
                }
            }
        }
        return problems;
    }

    private class WidgetPlaceholderRenderer implements NodeRenderer {
        private final HtmlWriter html;
        private final LessonMessages text;

        WidgetPlaceholderRenderer(HtmlNodeRendererContext context, LessonMessages text) {
            this.html = context.getWriter();
            this.text = text;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(WidgetDirective.class);
        }

        @Override
        public void render(Node node) {
            WidgetDirective directive = (WidgetDirective) node;
            Widget widget = Widget.byDirectiveName(directive.name()).orElse(null);
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("class", "widget" + (widget != null ? "" : " widget-unknown"));
            attributes.put("data-widget", directive.name());
            attributes.put("data-params", toJson(directive.attributes()));
            html.line();
            html.tag("div", attributes);
            if (widget != null) {
                html.tag("p", Map.of("class", "widget-loading"));
                html.text(text.widgetLoading(describe(widget)));
                html.tag("/p");
            } else {
                html.tag("p", Map.of("class", "unknown-widget-panel"));
                html.text(text.unknownWidget(directive.name()));
                html.tag("/p");
            }
            html.tag("/div");
            html.line();
        }

        private String describe(Widget widget) {
            return switch (widget) {
                case PIXEL_GRID -> text.widgetPixelGrid();
                case KERNEL_SPOT -> text.widgetKernelSpot();
                case FEATURE_MAPS -> text.widgetFeatureMaps();
                case KERNEL_LAB -> text.widgetKernelLab();
                case IM2COL -> text.widgetIm2col();
                case SHAPE_CALCULATOR -> text.widgetShapeCalculator();
                case NETWORK_BUILDER -> text.widgetNetworkBuilder();
                case TRAINING_RUN -> text.widgetTrainingRun();
                case RECEPTIVE_FIELD -> text.widgetReceptiveField();
                case ABLATION -> text.widgetAblation();
                case LEADERBOARD -> text.widgetLeaderboard();
            };
        }

        private String toJson(Map<String, String> attributes) {
            try {
                return json.writeValueAsString(attributes);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A map of strings always serializes", e);
            }
        }
    }
}
