package dev.convlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.convlab.platform.TestDatabase;
import dev.convlab.training.RunWorker;
import dev.convlab.training.TrainingRun;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A learner queues a one-epoch run from step 8, watches the chart fill and the learned kernels and confusion matrix
 * appear, then probes the trained network's receptive field in step 9.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class TrainingBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    RunWorker worker;

    @AfterEach
    void clearTheQueue() {
        QuarkusTransaction.requiringNew().run(() -> TrainingRun.update("state = 'canceled', leaseOwner = null where state in ('queued', 'running')"));
    }

    @Test
    void aRunQueuedFromTheStepTrainsItsChartFillsAndStepNineProbesIt() throws Exception {
        try (Browser.Session session = Browser.desktop()) {
            Page page = session.page();
            Browser.signUp(page, root, "Trainer");
            page.navigate(root + "lesson/training-it");
            page.getByLabel("Batch").fill("64");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Train on the server")).click();
            assertThat(page.locator("cl-training-run .status")).containsText("Queued");
            page.reload();
            assertThat(page.locator("cl-training-run .status")).containsText("Queued");
            org.junit.jupiter.api.Assertions.assertTrue(worker.runOnce("browser-test-worker"));
            assertThat(page.locator("cl-training-run .status")).containsText("Done: test accuracy");
            assertThat(page.locator("cl-training-run .chart svg")).isVisible();
            assertThat(page.locator("cl-training-run .kernels canvas")).hasCount(4);
            assertThat(page.locator("cl-run-view table")).containsText("Rows: true class");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "step-8-training-run");

            page.navigate(root + "lesson/receptive-field");
            Locator field = page.locator("cl-receptive-field");
            field.getByLabel("Layer", new Locator.GetByLabelOptions().setExact(true)).selectOption("2");
            field.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Activation at row 3, column 3")).click();
            assertThat(field.locator("figure")).hasCount(2);
            assertThat(field.locator("figcaption").first()).containsText("rows 17–27, columns 17–27");
            assertThat(field.locator("figcaption").nth(1)).containsText("Activation");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "step-9-receptive-field");
        }
    }
}
