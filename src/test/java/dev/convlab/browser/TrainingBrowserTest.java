package dev.convlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import dev.convlab.platform.TestDatabase;
import dev.convlab.training.RunSettings;
import dev.convlab.training.RunWorker;
import dev.convlab.training.TrainingRuns;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A learner trains step 8's default run and sees it learn; after a reload the step shows that run and its settings;
 * a run at learning rate 10 is marked for what it is; step 9 probes a chosen run and names the image's class. Then the
 * same pages on a phone.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class TrainingBrowserTest {

    private static final Pattern ACCURACY = Pattern.compile("Done: test accuracy (\\d+\\.\\d+)%");

    @TestHTTPResource("/")
    URL root;

    @Inject
    RunWorker worker;

    @AfterEach
    void clearTheQueue() {
        TrainingRuns.cancelUnfinished();
    }

    private static Locator field(Page page, String label) {
        return page.locator("cl-training-run").getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
    }

    private static void train(Page page) {
        page.locator("cl-training-run").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Train on the server")).click();
    }

    @Test
    void aRunTooLargeForTheServerIsRefusedWithASentenceOnTheFormAndNotQueued() throws Exception {
        try (Browser.Session session = Browser.desktop()) {
            Page page = session.page();
            List<String> errors = Browser.errorsOf(page, TrainingBrowserTest::refusedRun);
            Browser.signUp(page, root, "Patient Trainer");
            page.navigate(root + "lesson/training-it");
            field(page, "Batch").fill("1");
            field(page, "Epochs").fill("20");
            train(page);
            Locator alert = page.locator("cl-training-run .error[role=alert]");
            assertThat(alert).containsText("batchSize: 20 epoch(s) of 9,000 images in batches of 1 is 180,000 training steps, more than the 20,000 one run may take");
            assertThat(page.locator("cl-training-run .status")).hasCount(0);
            Browser.assertAccessible(page);
            Browser.screenshot(page, "step-8-run-too-large");
            assertEquals(List.of(), errors);
            try (Browser.Session phone = Browser.phone()) {
                phone.context().addCookies(session.context().cookies());
                Page small = phone.page();
                small.navigate(root + "lesson/training-it");
                field(small, "Batch").fill("1");
                field(small, "Epochs").fill("20");
                train(small);
                assertThat(small.locator("cl-training-run .error[role=alert]")).containsText("180,000 training steps");
                Browser.screenshot(small, "step-8-run-too-large-phone");
            }
        }
    }

    @Test
    void theDefaultRunLearnsAReloadShowsItAFailedRunIsMarkedAndStepNineProbesAChosenRun() throws Exception {
        try (Browser.Session session = Browser.desktop()) {
            Page page = session.page();
            List<String> errors = Browser.errorsOf(page);
            Browser.signUp(page, root, "Trainer");
            page.navigate(root + "lesson/training-it");
            RunSettings defaults = RunSettings.lessonDefault();
            assertThat(field(page, "Batch")).hasValue(String.valueOf(defaults.batchSize()));
            assertThat(field(page, "Epochs")).hasValue(String.valueOf(defaults.epochs()));
            assertThat(field(page, "Optimizer")).hasValue(defaults.optimizer().name());
            assertThat(field(page, "Data")).hasValue("mnist");
            train(page);
            Locator status = page.locator("cl-training-run .status");
            assertThat(status).containsText("Queued");
            assertThat(status).not().containsText("unknown");
            page.reload();
            assertThat(status).containsText("Queued");
            assertTrue(worker.runOnce("browser-test-worker"));
            assertThat(status).containsText("Done: test accuracy");
            Matcher accuracy = ACCURACY.matcher(status.textContent());
            assertTrue(accuracy.find(), status.textContent());
            assertTrue(Double.parseDouble(accuracy.group(1)) >= 95, "the default run reached " + accuracy.group(1) + "%");
            assertThat(page.locator("cl-training-run .chart svg")).isVisible();
            assertThat(page.locator("cl-training-run .kernels canvas")).hasCount(4);
            assertThat(page.locator("cl-run-view table")).containsText("Rows: true class");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "step-8-training-run");

            page.reload();
            assertThat(status).containsText("Done: test accuracy " + accuracy.group(1));
            Locator link = page.locator("cl-training-run").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^run \\d+")));
            assertThat(link).isVisible();
            String learnedRun = link.getAttribute("href");
            assertThat(field(page, "Epochs")).hasValue(String.valueOf(defaults.epochs()));

            field(page, "Optimizer").selectOption("SGD");
            field(page, "Learning rate").fill("10");
            field(page, "Epochs").fill("1");
            train(page);
            assertThat(status).containsText("Queued");
            assertTrue(worker.runOnce("browser-test-worker"));
            assertThat(page.locator("cl-run-view .failed-run")).containsText("Try a learning rate ten times smaller");
            assertThat(status).containsText(Pattern.compile("Collapsed|diverged"));
            assertThat(status).not().containsText("Done");
            Browser.screenshot(page, "step-8-failed-run");
            page.reload();
            assertThat(field(page, "Learning rate")).hasValue("10");
            assertThat(field(page, "Optimizer")).hasValue("SGD");
            String failedRun = link.getAttribute("href");

            page.navigate(root + "lesson/receptive-field");
            Locator rf = page.locator("cl-receptive-field");
            Locator runs = rf.getByLabel("Run", new Locator.GetByLabelOptions().setExact(true));
            runs.selectOption(learnedRun.substring("/runs/".length()));
            rf.getByLabel("Layer", new Locator.GetByLabelOptions().setExact(true)).selectOption("2");
            rf.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Activation at row 3, column 3")).click();
            assertThat(rf.locator("figure")).hasCount(2);
            assertThat(rf.locator("figcaption").first()).containsText(Pattern.compile("Input \\(the digit \\d\\)"));
            assertThat(rf.locator("figcaption").first()).containsText("rows 17–27, columns 17–27");
            assertThat(rf.locator("figcaption").nth(1)).containsText("Activation");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "step-9-receptive-field");

            page.navigate(root + failedRun.substring(1));
            assertThat(page.locator("cl-run-view .failed-run")).containsText("Try");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "run-page-failed");
            assertEquals(List.of(), errors);
            try (Browser.Session phone = Browser.phone()) {
                phone.context().addCookies(session.context().cookies());
                Page small = phone.page();
                List<String> phoneErrors = Browser.errorsOf(small);
                small.navigate(root + "lesson/training-it");
                assertThat(small.locator("cl-run-view .failed-run")).isVisible();
                Browser.screenshot(small, "step-8-training-run-phone");
                small.navigate(root + "lesson/receptive-field");
                small.locator("cl-receptive-field").getByLabel("Run", new Locator.GetByLabelOptions().setExact(true))
                        .selectOption(learnedRun.substring("/runs/".length()));
                small.locator("cl-receptive-field").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Activation at row 0, column 0")).click();
                assertThat(small.locator("cl-receptive-field figure")).hasCount(2);
                Browser.screenshot(small, "step-9-receptive-field-phone");
                small.navigate(root + learnedRun.substring(1));
                assertThat(small.locator("cl-run-view .status")).containsText("Done: test accuracy");
                Browser.screenshot(small, "run-page-phone");
                for (String widget : List.of("cl-run-view")) {
                    assertTrue((Boolean) small.evaluate("s => document.querySelector(s).scrollWidth <= document.querySelector(s).clientWidth", widget),
                            widget + " is wider than its box on a phone");
                }
                assertEquals(List.of(), phoneErrors);
            }
        }
    }

    /** The run this test asks for to see it refused: one too large for the server. */
    private static boolean refusedRun(Response response) {
        return response.status() == 400 && response.url().endsWith("/api/runs");
    }
}
