package dev.convlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.convlab.lesson.Step;
import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An instructor writes and publishes a step in the browser; a student then reads it; the dashboard shows the class. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class InstructorBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @AfterEach
    void retireTestSteps() {
        QuarkusTransaction.requiringNew().run(() -> Step.update("retired = true where slug like 'test-step-%'"));
    }

    @Test
    void instructorEditsPreviewsAndPublishesAndAStudentSeesTheNewText() throws Exception {
        String slug = "test-step-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser.Session teacher = Browser.desktop(); Browser.Session student = Browser.desktop()) {
            Page page = teacher.page();
            page.setViewportSize(1366, 900);
            Browser.logInAsInstructor(page, root, "/");
            page.navigate(root + "instructor");
            Browser.assertAccessible(page);
            page.getByLabel("Slug (lowercase, digits, hyphens)").fill(slug);
            page.getByLabel("Title").fill("Written in the browser");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create a draft")).click();
            page.waitForURL("**/instructor/steps/" + slug);
            assertThat(page.locator(".cm-content")).containsText("Write the step here.");
            page.locator(".cm-content").click();
            page.keyboard().press("Control+End");
            page.keyboard().insertText("\nPadding keeps the size: **28 stays 28**.\n\n::pixel-grid{dataset=mnist index=3}\n");
            assertThat(page.locator("#preview")).containsText("28 stays 28");
            assertThat(page.locator("#preview cl-pixel-grid caption")).containsText("28×28 numbers");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save draft")).click();
            assertThat(page.locator("#editor-status")).containsText("Saved as draft revision 2");
            assertThat(page.locator("#history-rows tr")).hasCount(2);
            assertThat(page.locator("#compare-to option")).hasText(new String[] {"2", "1"});
            assertThat(page.locator("#history-rows time").first()).not().hasText(Pattern.compile("\\d{4}-\\d{2}-\\d{2}T"));
            student.page().navigate(root + "lesson/" + slug);
            assertThat(student.page().locator("main")).containsText("There is no step");
            Browser.screenshot(page, "instructor-editor");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish…")).click();
            assertThat(page.locator("#publish-dialog")).containsText("Publish revision 2? Every learner sees it at once");
            page.locator("#publish-dialog").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")).click();
            assertThat(page.locator("td:text-is('live')")).hasCount(0);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish…")).click();
            Browser.screenshot(page, "instructor-publish-dialog");
            page.locator("#publish-dialog").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Publish")).click();
            assertThat(page.locator("#editor-status")).containsText("Revision 2 is now what learners see");

            Browser.signUp(student.page(), root, "Reader");
            student.page().navigate(root + "lesson/" + slug);
            assertThat(student.page().locator(".prose")).containsText("28 stays 28");

            assertThat(page.locator("td:text-is('live')")).hasCount(1);
            page.waitForLoadState();
            page.getByLabel("Compare revision").selectOption("1");
            page.getByLabel("with revision").selectOption("2");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the differences")).click();
            assertThat(page.locator("#diff")).containsText("+Padding keeps the size: **28 stays 28**.");
            Browser.assertAccessible(page);

            Http colleague = Http.instructor();
            String theirs = colleague.json().get("/api/instructor/steps/" + slug + "/revisions/2").then().extract().path("source");
            colleague.json().body(Map.of("source", theirs.replace("28 stays 28", "28 stays 28, as before"), "baseRevision", 2))
                    .put("/api/instructor/steps/" + slug + "/draft").then().statusCode(200);
            page.locator(".cm-content").click();
            page.keyboard().press("Control+End");
            page.keyboard().insertText("\nMine too.\n");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save draft")).click();
            assertThat(page.locator("#editor-status")).containsText("Saved as draft 4, but revision 3 was saved meanwhile");
            assertThat(page.locator("#conflict-diff .removed")).containsText(new String[] {"-Padding keeps the size: **28 stays 28, as before**."});
            assertThat(page.locator("#conflict-diff .added")).containsText(new String[] {"+Padding keeps the size: **28 stays 28**.", "+Mine too."});
            assertThat(page.locator("#compare-to option")).hasText(new String[] {"4", "3", "2", "1"});
            Browser.assertAccessible(page);
            Browser.screenshot(page, "instructor-editor-conflict");
        }
    }

    /** A first translation has no draft yet: Publish… saves what the editor shows as one, then publishes it. */
    @Test
    void publishingAFirstTranslationBeforeSavingItPublishesWhatTheEditorShows() throws Exception {
        String slug = "test-step-" + UUID.randomUUID().toString().substring(0, 8);
        Http instructor = Http.instructor();
        int english = instructor.json().body(Map.of("source", "---\nslug: " + slug + "\ntitle: Only in English\norder: 950\n---\nEnglish text.\n"))
                .post("/api/instructor/steps").then().statusCode(201).extract().path("summary.number");
        instructor.json().post("/api/instructor/steps/" + slug + "/revisions/" + english + "/publish").then().statusCode(200);
        try (Browser.Session teacher = Browser.desktop()) {
            Page page = teacher.page();
            page.setViewportSize(1366, 900);
            Browser.logInAsInstructor(page, root, "/");
            page.navigate(root + "instructor/steps/" + slug + "?language=ja");
            assertThat(page.locator("#new-translation")).isVisible();
            assertThat(page.locator(".cm-content")).containsText("English text.");
            page.locator(".cm-content").click();
            page.keyboard().press("Control+A");
            page.keyboard().insertText("---\nslug: " + slug + "\ntitle: 英語だけだった手順\norder: 950\n---\n日本語の本文です。\n");
            assertThat(page.locator("#preview")).containsText("日本語の本文です。");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish…")).click();
            assertThat(page.locator("#publish-dialog")).containsText("Publish revision " + (english + 1) + "?");
            Browser.screenshot(page, "instructor-first-translation-publish");
            page.locator("#publish-dialog").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Publish")).click();
            assertThat(page.locator("#editor-status")).containsText("Revision " + (english + 1) + " is now what learners see");
            assertThat(page.locator("td:text-is('live')")).hasCount(1);
        }
        given().header("Accept-Language", "ja").get("/api/steps/" + slug).then().statusCode(200)
                .body("step.language", equalTo("ja"))
                .body("step.title", equalTo("英語だけだった手順"))
                .body("html", containsString("日本語の本文です。"));
    }

    @Test
    void theInstructorPagesFitAPhone() throws Exception {
        try (Browser.Session phone = Browser.phone()) {
            Page page = phone.page();
            Browser.logInAsInstructor(page, root, "/instructor");
            assertThat(page.locator("#step-table tbody tr").first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(
                    Pattern.compile("up$")))).isDisabled();
            Browser.screenshot(page, "instructor-steps-phone");
            assertEquals(390, (int) page.evaluate("document.documentElement.scrollWidth"), Browser.overflowing(page));
            page.navigate(root + "instructor/steps/images-are-numbers");
            assertThat(page.locator(".cm-content")).containsText("slug: images-are-numbers");
            assertThat(page.locator("#preview cl-pixel-grid caption")).containsText("28×28 numbers");
            Browser.screenshot(page, "instructor-editor-phone");
            assertEquals(390, (int) page.evaluate("document.documentElement.scrollWidth"), Browser.overflowing(page));
            Browser.assertAccessible(page);
        }
        try (Browser.Session desktop = Browser.desktop()) {
            Page page = desktop.page();
            page.setViewportSize(1366, 900);
            Browser.logInAsInstructor(page, root, "/instructor");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "instructor-steps");
        }
    }

    @Test
    void dashboardDrawsTheClassAndStudentsAreKeptOut() throws Exception {
        try (Browser.Session teacher = Browser.desktop(); Browser.Session student = Browser.desktop()) {
            Browser.signUp(student.page(), root, "Curious Student");
            student.page().navigate(root + "instructor/dashboard");
            assertThat(student.page().locator("h1")).hasText("Instructors only");

            Page page = teacher.page();
            Browser.logInAsInstructor(page, root, "/");
            page.navigate(root + "instructor/dashboard");
            assertThat(page.locator("#funnel-chart svg")).isVisible();
            assertThat(page.locator("#exercise-chart svg")).isVisible();
            assertThat(page.locator("#learner-table")).containsText("Curious Student");
            page.getByLabel("At least this many steps completed").fill("50");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
            assertThat(page.locator("#learner-table tbody tr")).hasCount(0);
            Browser.assertAccessible(page);
            Browser.screenshot(page, "instructor-dashboard");
        }
    }
}
