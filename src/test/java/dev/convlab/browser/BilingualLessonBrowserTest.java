package dev.convlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.LoadState;
import dev.convlab.browser.Browser.Screen;
import dev.convlab.i18n.RequestLanguage;
import dev.convlab.lesson.LessonImporter;
import dev.convlab.lesson.Step;
import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Japanese step page, and the instructor's step list with a translation behind the English and the Japanese editor,
 * on a laptop and a phone: accessible, and nothing scrolls sideways.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class BilingualLessonBrowserTest {


    @TestHTTPResource("/")
    URL root;

    @Inject
    LessonImporter importer;

    @AfterEach
    void retireTestSteps() {
        QuarkusTransaction.requiringNew().run(() -> Step.update("retired = true where slug like 'test-step-%'"));
    }

    @Test
    void aJapaneseStepPageIsJapaneseAccessibleAndFitsEveryScreen() throws Exception {
        for (Screen screen : Screen.values()) {
            try (Browser.Session session = Browser.open(screen)) {
                Page page = session.page();
                readInJapanese(page);
                page.navigate(root + "lesson/one-kernel-one-spot");
                page.waitForLoadState(LoadState.NETWORKIDLE);
                assertThat(page.locator("h1")).hasText("1 つのカーネルを 1 か所に");
                assertThat(page.locator("#exercises-heading")).hasText("確認問題");
                assertFits(page, screen.width);
                Browser.assertAccessible(page);
                Browser.screenshot(page, "ja-step-2-" + screen.width);
            }
        }
    }

    @Test
    void theInstructorSeesATranslationBehindEditsTheJapaneseAndReadsItsProblemsAndTheDashboardInJapanese() throws Exception {
        String slug = "test-step-" + UUID.randomUUID().toString().substring(0, 8);
        Path folder = Files.createTempDirectory("lesson");
        Files.writeString(folder.resolve("01-step.md"), step(slug, "Bilingual", "The first English text."));
        Files.createDirectory(folder.resolve("ja"));
        Files.writeString(folder.resolve("ja").resolve("01-step.md"), step(slug, "二か国語", "最初の日本語の本文です。"));
        importer.importFolder(folder);
        Http instructor = Http.instructor();
        int english = instructor.json().get("/api/instructor/steps/" + slug + "/revisions").jsonPath().getInt("[0].number");
        int edit = instructor.json().body(Map.of("source", step(slug, "Bilingual", "The second English text."), "baseRevision", english))
                .put("/api/instructor/steps/" + slug + "/draft").then().statusCode(200).extract().path("yours.summary.number");
        instructor.json().post("/api/instructor/steps/" + slug + "/revisions/" + edit + "/publish").then().statusCode(200);

        for (Screen screen : Screen.values()) {
            try (Browser.Session session = Browser.open(screen)) {
                Page page = session.page();
                Browser.logInAsInstructor(page, root, "/");
                readInJapanese(page);
                page.navigate(root + "instructor");
                page.locator("tr[data-slug=" + slug + "] .english-changes summary").click();
                assertThat(page.locator("tr[data-slug=" + slug + "] .translation-behind")).hasText("英語版より古い");
                assertThat(page.locator("tr[data-slug=" + slug + "] .english-changes .added")).hasText("+The second English text.");
                page.locator("tr[data-slug=" + slug + "]").scrollIntoViewIfNeeded();
                assertFits(page, screen.width);
                Browser.assertAccessible(page);
                Browser.screenshot(page, "ja-instructor-steps-" + screen.width);

                page.navigate(root + "instructor/steps/" + slug + "?language=ja");
                assertThat(page.locator(".cm-content")).containsText("最初の日本語の本文です。");
                assertThat(page.locator("#preview")).containsText("最初の日本語の本文です。");
                assertThat(page.locator("#history-heading")).hasText("日本語版の履歴");
                page.waitForLoadState(LoadState.NETWORKIDLE);
                assertFits(page, screen.width);
                Browser.assertAccessible(page);
                Browser.screenshot(page, "ja-instructor-editor-" + screen.width);

                page.locator(".cm-content").click();
                page.keyboard().press("Control+End");
                page.keyboard().insertText("\n::no-such-widget\n");
                assertThat(page.locator("#preview .form-error")).hasText("source: 「no-such-widget」という名前のウィジェットはありません");
                Browser.screenshot(page, "ja-instructor-editor-problem-" + screen.width);

                page.navigate(root + "instructor/dashboard");
                assertThat(page.locator("#funnel-chart svg")).containsText("2. 1 つのカー");
                assertThat(page.locator("#funnel-heading ~ .table-scroll")).containsText("1 つのカーネルを 1 か所に");
                assertFits(page, screen.width);
                Browser.assertAccessible(page);
                Browser.screenshot(page, "ja-instructor-dashboard-" + screen.width);
            }
        }
    }

    private void readInJapanese(Page page) {
        page.context().addCookies(List.of(new Cookie(RequestLanguage.COOKIE, "ja").setUrl(root.toString())));
    }

    private static String step(String slug, String title, String body) {
        return "---\nslug: " + slug + "\ntitle: " + title + "\norder: 960\n---\n" + body + "\n";
    }

    /** Measured against the screen's width, not innerWidth, which a mobile Chromium widens to fit an overflow. */
    private static void assertFits(Page page, int width) {
        int scrollWidth = ((Number) page.evaluate("() => document.scrollingElement.scrollWidth")).intValue();
        assertEquals("", scrollWidth > width ? page.url() + " is " + scrollWidth + " px wide: " + Browser.overflowing(page) : "");
    }
}
