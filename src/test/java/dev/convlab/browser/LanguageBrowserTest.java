package dev.convlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import dev.convlab.browser.Browser.Screen;
import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pages around the lesson in Japanese and in English, at 1366×900 and 390×844: the header's switch changes the
 * language and comes back to the same page, and every page declares its language, fits the screen, passes axe and
 * logs no error.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class LanguageBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void aVisitorSwitchesTheLanguageInTheHeaderAndComesBackToTheSamePage() throws Exception {
        for (boolean phone : List.of(false, true)) {
            try (Browser.Session session = session(phone, "ja")) {
                Page page = session.page();
                List<String> errors = Browser.errorsOf(page, LanguageBrowserTest::refusedPage);
                check(page, "login", "ja");
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("ログイン"))).isVisible();

                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
                assertThat(page.locator("html")).hasAttribute("lang", "en");
                assertEquals(root + "login", page.url());
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Log in"))).isVisible();
                check(page, "signup", "en");

                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("日本語")).click();
                assertEquals(root + "signup", page.url());
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("アカウントを作成"))).isVisible();
                check(page, "signup", "ja");
                check(page, "join/00000-00000", "ja");
                assertEquals(List.of(), errors);
            }
        }
    }

    @Test
    void aLearnersPagesInBothLanguages() throws Exception {
        for (boolean phone : List.of(false, true)) {
            try (Browser.Session session = session(phone, "en")) {
                Page page = session.page();
                List<String> errors = Browser.errorsOf(page, LanguageBrowserTest::refusedPage);
                Browser.signUp(page, root, "Bilingual " + (phone ? "Phone" : "Desk"));
                for (String language : List.of("en", "ja")) {
                    page.navigate(root + "classes");
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(language.equals("ja") ? "日本語" : "English")).click();
                    for (String path : List.of("classes", "leaderboard", "runs/999999999", "instructor/dashboard")) {
                        check(page, path, language);
                    }
                }
                assertEquals(List.of(), errors);
            }
        }
    }

    @Test
    void theInstructorsClassPagesInBothLanguages() throws Exception {
        String name = "Bilingual class";
        Http instructor = Http.instructor();
        long id = instructor.json().body(Map.of("name", name, "term", "2027", "endsOn", "2099-12-31")).post("/api/classes").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String code = instructor.json().get("/api/classes/" + id).then().statusCode(200).extract().jsonPath().getString("joinCode");
        for (boolean phone : List.of(false, true)) {
            for (String language : List.of("en", "ja")) {
                try (Browser.Session session = session(phone, language)) {
                    Page page = session.page();
                    List<String> errors = Browser.errorsOf(page, LanguageBrowserTest::refusedPage);
                    check(page, "join/" + code, language);
                    logInAsInstructor(page, language);
                    check(page, "classes/" + id, language);
                    assertThat(page.locator("#funnel-chart svg")).isVisible();
                    check(page, "instructor/dashboard", language);
                    assertEquals(List.of(), errors);
                }
            }
        }
    }

    /** The instructor logs in through the form in the page's language. */
    private void logInAsInstructor(Page page, String language) {
        boolean japanese = language.equals("ja");
        page.navigate(root + "login");
        page.getByLabel(japanese ? "メールアドレス" : "E-mail").fill("instructor@convlab.test");
        page.getByLabel(japanese ? "パスワード" : "Password").fill("test-only-instructor");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(japanese ? "ログイン" : "Log in")).click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(japanese ? "講師用" : "Teach"))).isVisible();
    }

    /** A browser whose Accept-Language asks for {@code language}. */
    private static Browser.Session session(boolean phone, String language) {
        Browser.Session session = Browser.open(phone ? Screen.PHONE : Screen.LAPTOP);
        session.context().setExtraHTTPHeaders(Map.of("Accept-Language", language));
        return session;
    }

    /** Opens the page and checks it speaks {@code language}, fits the screen and passes axe; a screenshot for the eye. */
    private void check(Page page, String path, String language) throws Exception {
        page.navigate(root + path);
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertThat(page.locator("html")).hasAttribute("lang", language);
        int width = page.viewportSize().width;
        assertEquals(width, ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue(),
                page.url() + " is wider than the screen: " + Browser.overflowing(page));
        Browser.assertAccessible(page);
        Browser.screenshot(page, "lang-" + language + "-" + width + "-" + path.replaceAll("[^a-z0-9]+", "-"));
    }

    /** The pages this test opens to see them refuse: a join code no class has, a run that is not there, a page for instructors only. */
    private static boolean refusedPage(Response response) {
        return response.request().isNavigationRequest() && (response.status() == 403 || response.status() == 404);
    }
}
