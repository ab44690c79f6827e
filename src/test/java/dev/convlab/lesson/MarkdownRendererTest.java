package dev.convlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.i18n.Language;
import dev.convlab.platform.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class MarkdownRendererTest {

    @Inject
    MarkdownRenderer renderer;

    @Test
    void scriptTagsAreStripped() {
        String html = renderer.render("Hello <script>alert('x')</script> world\n\n<script>alert('block')</script>", Language.EN);
        assertTrue(Jsoup.parseBodyFragment(html).select("script").isEmpty(), html);
        assertFalse(html.contains("alert"), html);
    }

    @Test
    void eventHandlerAttributesAreStripped() {
        String html = renderer.render("<img src=\"x.png\" onerror=\"alert(1)\"> and <p onclick=\"alert(2)\">hi</p>", Language.EN);
        assertFalse(html.contains("onerror"), html);
        assertFalse(html.contains("onclick"), html);
        assertTrue(html.contains("hi"), html);
    }

    @Test
    void javascriptLinksLoseTheirTarget() {
        String html = renderer.render("[click](javascript:alert(1)) <a href=\"javascript:alert(2)\">raw</a> [ok](/lesson/im2col)", Language.EN);
        assertFalse(html.toLowerCase().contains("javascript:"), html);
        assertTrue(html.contains("href=\"/lesson/im2col\""), html);
    }

    @Test
    void harmlessInlineHtmlIsKept() {
        String html = renderer.render("Press <kbd>Tab</kbd>, see x<sub>i</sub>", Language.EN);
        assertTrue(html.contains("<kbd>Tab</kbd>"), html);
        assertTrue(html.contains("<sub>i</sub>"), html);
    }

    @Test
    void tablesAndCodeSurvive() {
        String html = renderer.render("| a | b |\n|---|---|\n| 1 | 2 |\n\n`code` and **bold**", Language.EN);
        assertTrue(html.contains("<table>"), html);
        assertTrue(html.contains("<code>code</code>"), html);
        assertTrue(html.contains("<strong>bold</strong>"), html);
    }

    @Test
    void aTableScrollsInAFocusableBoxOfItsOwn() {
        String html = renderer.render("| a | b |\n|---|---|\n| 1 | 2 |", Language.EN);
        assertEquals(1, Jsoup.parseBodyFragment(html).select("div.table-scroll[tabindex=0] > table").size(), html);
    }

    @Test
    void anEmptyHeaderCellBecomesAnEmptyDataCell() {
        String html = renderer.render("| | left | right |\n|---|---|---|\n| **top** | 1 | 2 |", Language.EN);
        assertEquals(List.of("left", "right"), Jsoup.parseBodyFragment(html).select("thead th").eachText(), html);
        assertEquals(1, Jsoup.parseBodyFragment(html).select("thead td").size(), html);
    }

    @Test
    void availableWidgetDirectiveBecomesAPlaceholderWithItsParameters() {
        String html = renderer.render("Before\n\n::pixel-grid{dataset=mnist index=\"7\"}\n\nAfter", Language.EN);
        assertTrue(html.contains("data-widget=\"pixel-grid\""), html);
        assertTrue(html.contains("data-params=\"{&quot;dataset&quot;:&quot;mnist&quot;,&quot;index&quot;:&quot;7&quot;}\""), html);
        assertFalse(html.contains("widget-unknown"), html);
    }

    @Test
    void anUnknownWidgetNameShowsAPanelSayingSo() {
        String html = renderer.render("::receptive-feld", Language.EN);
        assertTrue(html.contains("widget-unknown"), html);
        assertTrue(html.contains("There is no widget called “receptive-feld”"), html);
    }

    @Test
    void anUnknownWidgetsPanelSpeaksThePagesLanguage() {
        String html = renderer.render("::receptive-feld", Language.JA);
        assertEquals("「receptive-feld」という名前のウィジェットはありません。ディレクティブの名前を確かめてください。",
                Jsoup.parseBodyFragment(html).select(".unknown-widget-panel").text(), html);
    }

    @Test
    void directivesAreFoundInOrderAndMalformedOnesAreReported() {
        assertEquals(2, renderer.widgets("::pixel-grid\n\ntext\n\n::im2col{}\n").size());
        assertEquals(1, renderer.malformedDirectiveLines("ok\n::pixel-grid{broken\n", 10).size());
        assertEquals("line 11: malformed widget directive '::pixel-grid{broken'",
                renderer.malformedDirectiveLines("ok\n::pixel-grid{broken\n", 10).get(0).in(Language.EN));
        assertEquals("11 行目：ウィジェットのディレクティブ「::pixel-grid{broken」の書き方が正しくありません",
                renderer.malformedDirectiveLines("ok\n::pixel-grid{broken\n", 10).get(0).in(Language.JA));
    }
}
