package dev.convlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.convlab.browser.Browser.Screen;
import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import dev.convlab.training.RunWorker;
import dev.convlab.training.TrainingRuns;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Classes in Chromium: an instructor starts a class, a new student signs up from its join link and lands in it,
 * trains, and shows on that class's dashboard and leaderboard but not on another class's; at 1366×900 and 390×844,
 * without console errors or a page wider than the screen.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ClassesBrowserTest {

    /** What waits on the server (a page after a form's call, a chart drawn from an API answer): on a loaded machine it can take more than the 5 s default. */
    private static final LocatorAssertions.IsVisibleOptions SERVER_ANSWER = new LocatorAssertions.IsVisibleOptions().setTimeout(30_000);

    @TestHTTPResource("/")
    URL root;

    @Inject
    RunWorker worker;

    @AfterEach
    void clearTheQueue() {
        TrainingRuns.cancelUnfinished();
    }

    private static Locator boardField(Page page, String label) {
        return page.locator("cl-leaderboard").getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
    }

    private static void assertFitsTheScreen(Page page) {
        int width = page.viewportSize().width;
        assertEquals(width, ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue(), page.url() + " is wider than the screen: " + Browser.overflowing(page));
    }

    @Test
    void aStudentWhoSignsUpFromTheJoinLinkTrainsAndShowsInThatClassOnly() throws Exception {
        long other = Http.instructor().json().body(Map.of("name", "Browser section B")).post("/api/classes").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String classPage;
        String joinLink;
        try (Browser.Session session = Browser.open(Screen.LAPTOP)) {
            Page page = session.page();
            List<String> errors = Browser.errorsOf(page);
            Browser.logInAsInstructor(page, root, "/classes");
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Browser section A");
            page.getByLabel("Term (optional)").fill("Spring 2027");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the class")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Browser section A").setLevel(1))).isVisible(SERVER_ANSWER);
            classPage = page.url();
            joinLink = page.getByLabel("Join link").inputValue();
            assertTrue(joinLink.matches(".*/join/[0-9A-Z]{5}-[0-9A-Z]{5}"), joinLink);
            assertThat(page.locator("#join-code")).hasText(joinLink.substring(joinLink.length() - 11));
            Browser.assertAccessible(page);
            assertFitsTheScreen(page);
            Browser.screenshot(page, "class-new-instructor");
            assertEquals(List.of(), errors);
        }

        try (Browser.Session session = Browser.open(Screen.LAPTOP)) {
            Page page = session.page();
            List<String> errors = Browser.errorsOf(page);
            page.navigate(joinLink);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Join Browser section A"))).isVisible();
            Browser.assertAccessible(page);
            Browser.screenshot(page, "class-join-link");
            page.getByLabel("E-mail").fill(Http.uniqueEmail());
            page.getByLabel("Name shown to your class").fill("Browser Bo");
            page.getByLabel("Password (at least 10 characters)").fill("a-long-enough-password");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign up and join")).click();
            assertThat(page).hasURL(classPage, new PageAssertions.HasURLOptions().setTimeout(30_000));
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Leave this class"))).isVisible();

            page.navigate(root + "lesson/training-it");
            Locator form = page.locator("cl-training-run");
            form.getByLabel("Epochs", new Locator.GetByLabelOptions().setExact(true)).fill("1");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Train on the server")).click();
            assertThat(page.locator("cl-training-run .status")).containsText("Queued");
            assertTrue(worker.runOnce("browser-test-worker"));
            assertThat(page.locator("cl-training-run .status")).containsText("Done: test accuracy");

            page.navigate(classPage);
            boardField(page, "Data").selectOption("mnist");
            assertThat(page.locator("cl-leaderboard tbody tr", new Page.LocatorOptions().setHasText("Browser Bo"))).hasCount(1);
            Browser.assertAccessible(page);
            assertFitsTheScreen(page);
            Browser.screenshot(page, "class-learner");
            page.navigate(root + "leaderboard");
            boardField(page, "Data").selectOption("mnist");
            boardField(page, "Class").selectOption(new SelectOption().setLabel("Browser section A"));
            assertThat(page.locator("cl-leaderboard tbody tr", new Page.LocatorOptions().setHasText("Browser Bo"))).hasCount(1);
            assertThat(page.locator("cl-leaderboard [aria-label='The best runs'] tbody tr")).hasCount(1);
            page.navigate(classPage);
            page.setViewportSize(390, 844);
            page.reload();
            boardField(page, "Data").selectOption("mnist");
            assertThat(page.locator("cl-leaderboard tbody tr", new Page.LocatorOptions().setHasText("Browser Bo"))).hasCount(1);
            assertFitsTheScreen(page);
            Browser.screenshot(page, "class-learner-phone");
            assertEquals(List.of(), errors);
        }

        for (boolean phone : List.of(false, true)) {
            try (Browser.Session session = Browser.open(phone ? Screen.PHONE : Screen.LAPTOP)) {
                Page page = session.page();
                List<String> errors = Browser.errorsOf(page);
                Browser.logInAsInstructor(page, root, classPage.substring(root.toString().length() - 1));
                assertThat(page.locator("#learner-table tbody")).containsText("Browser Bo");
                assertThat(page.locator("#roster tbody")).containsText("Browser Bo");
                assertThat(page.locator("#funnel-chart svg")).isVisible(SERVER_ANSWER);
                boardField(page, "Data").selectOption("mnist");
                assertThat(page.locator("cl-leaderboard tbody tr", new Page.LocatorOptions().setHasText("Browser Bo"))).hasCount(1);
                Browser.screenshot(page, phone ? "class-instructor-phone" : "class-instructor");
                assertFitsTheScreen(page);
                if (!phone) {
                    Browser.assertAccessible(page);
                }

                page.navigate(root + "classes/" + other);
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Browser section B").setLevel(1))).isVisible();
                assertThat(page.locator("#learner-table tbody")).not().containsText("Browser Bo");
                boardField(page, "Data").selectOption("mnist");
                assertThat(page.locator("cl-leaderboard")).containsText("No finished runs match yet");
                assertFitsTheScreen(page);
                Browser.screenshot(page, phone ? "class-other-phone" : "class-other");

                page.navigate(root + "classes");
                assertThat(page.locator(".class-list")).containsText("Browser section A");
                assertFitsTheScreen(page);
                Browser.screenshot(page, phone ? "classes-phone" : "classes");
                assertEquals(List.of(), errors);
            }
        }
    }
}
