package dev.convlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.convlab.lesson.Step;
import dev.convlab.platform.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.UUID;
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
            student.page().navigate(root + "lesson/" + slug);
            assertThat(student.page().locator("main")).containsText("There is no step");
            Browser.screenshot(page, "instructor-editor");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish the latest draft")).click();
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
