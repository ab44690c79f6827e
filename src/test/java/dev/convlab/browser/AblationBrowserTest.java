package dev.convlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Steps 7 and 11 in Chromium: a learner plans a network, queues a variant over two seeds, sees the runs finish and
 * their leaderboard rows appear; an instructor verifies an entry by re-running it.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class AblationBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    RunWorker worker;

    @AfterEach
    void clearTheQueue() {
        QuarkusTransaction.requiringNew().run(() -> TrainingRun.update("state = 'canceled', leaseOwner = null where state in ('queued', 'running')"));
    }

    private static Locator field(Locator widget, String label) {
        return widget.getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
    }

    @Test
    void theNetworkBuilderPlansEveryLayerAndExplainsANetworkThatCannotBeBuilt() throws Exception {
        try (Browser.Session session = Browser.desktop()) {
            Page page = session.page();
            page.navigate(root + "lesson/a-cnn-of-stride-2-convs");
            Locator builder = page.locator("cl-network-builder");
            assertThat(builder.locator("tfoot")).containsText("5,274");
            assertThat(builder.locator("tbody tr")).hasCount(6);
            assertThat(builder.locator("tbody tr").nth(2)).containsText("16×4×4");
            builder.getByLabel("Downsampling").selectOption("MAX_POOL");
            assertThat(builder.locator("tbody tr")).hasCount(11);
            assertThat(builder.locator("tfoot")).containsText("5,274");
            builder.getByLabel("Hidden channels").fill("4, 8");
            assertThat(builder.getByRole(AriaRole.ALERT)).containsText("flatten head needs a 1×1 last map");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "step-7-network-builder");
        }
    }

    @Test
    void aVariantQueuedOverTwoSeedsLandsOnTheLeaderboardAndAnInstructorVerifiesIt() throws Exception {
        try (Browser.Session session = Browser.desktop()) {
            Page page = session.page();
            Browser.signUp(page, root, "Ablation Ana");
            page.navigate(root + "lesson/the-ablation");
            Locator form = page.locator("cl-ablation");
            field(form, "Data").selectOption("mnist");
            field(form, "Optimizer").selectOption("ADAM");
            field(form, "Learning rate").fill("0.003");
            field(form, "Batch").fill("64");
            field(form, "Epochs").fill("1");
            field(form, "Seeds").fill("11, 12");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Queue these runs")).click();
            assertThat(form.getByRole(AriaRole.STATUS)).containsText("Queued seed(s) 11, 12");
            assertThat(form.locator("table.runs tbody tr")).hasCount(2);
            assertTrue(worker.runOnce("browser-test-worker"));
            assertTrue(worker.runOnce("browser-test-worker"));
            assertThat(form.locator("table.runs tbody tr").first()).containsText("%");
            assertThat(form.locator("table.runs tbody tr").nth(1)).containsText("%");

            Locator board = page.locator("cl-leaderboard");
            field(board, "Data").selectOption("mnist");
            field(board, "Epochs").fill("1");
            field(board, "Epochs").press("Enter");
            assertThat(board.locator("tbody tr", new Locator.LocatorOptions().setHasText("Ablation Ana"))).hasCount(2);
            assertThat(board.locator(".chart svg")).hasCount(3);
            Browser.assertAccessible(page);
            Browser.screenshot(page, "step-11-ablation-and-leaderboard");

            field(form, "Optimizer").selectOption("SGD");
            field(form, "Learning rate").fill("10");
            field(form, "Seeds").fill("13");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Queue these runs")).click();
            assertThat(form.locator("table.runs tbody tr")).hasCount(3);
            assertTrue(worker.runOnce("browser-test-worker"));
            Locator failed = form.locator("table.runs tbody tr").first();
            assertThat(failed).containsText(Pattern.compile("collapsed|diverged"));
            if (failed.textContent().contains("collapsed")) {
                assertThat(form.locator("p.help", new Locator.LocatorOptions().setHasText("learned next to nothing"))).isVisible();
                field(board, "Epochs").press("Enter");
                assertThat(board.locator("tbody tr", new Locator.LocatorOptions().setHasText("Ablation Ana")).filter(
                        new Locator.FilterOptions().setHasText("collapsed"))).hasCount(1);
            }
            Browser.screenshot(page, "step-11-with-a-failed-run");

            form.locator("table.runs tbody tr").nth(1).getByRole(AriaRole.LINK).click();
            assertThat(page.locator("cl-run-view .status")).containsText("Done: test accuracy");
            assertThat(page.locator("cl-run-view table")).containsText("Rows: true class");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "run-page");
        }
        try (Browser.Session session = Browser.desktop()) {
            Page page = session.page();
            Browser.logInAsInstructor(page, root, "/leaderboard");
            Locator board = page.locator("cl-leaderboard");
            field(board, "Data").selectOption("mnist");
            Locator entry = board.locator("tbody tr", new Locator.LocatorOptions().setHasText("Ablation Ana")).first();
            entry.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Re-run to verify")).click();
            assertThat(entry).containsText("pending");
            assertTrue(worker.runOnce("browser-test-worker"));
            page.reload();
            field(board, "Data").selectOption("mnist");
            assertThat(board.locator("tbody tr", new Locator.LocatorOptions().setHasText("verified"))).not().hasCount(0);
            Browser.assertAccessible(page);
            Browser.screenshot(page, "leaderboard-instructor");
        }
    }
}
