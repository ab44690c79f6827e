package dev.convlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.convlab.platform.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A learner in a real browser: signs up, reads, answers, reloads, and finds their progress kept. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class LessonBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void learnerSignsUpReadsAnswersAndKeepsProgress() throws Exception {
        try (Browser.Session session = Browser.desktop()) {
            Page page = session.page();
            page.navigate(root + "signup");
            Browser.assertAccessible(page);
            Browser.signUp(page, root, "Grace");
            assertThat(page.locator("#progress-text")).hasText("0 of 11 steps completed (0%)");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Images are numbers")).click();
            Locator cells = page.locator("cl-pixel-grid td");
            assertThat(cells).hasCount(784);
            assertThat(page.locator("cl-pixel-grid caption")).containsText("A 7: 28×28 numbers from 0 (background, drawn dark) to 1 (ink, drawn bright)");
            assertEquals("rgb(0, 0, 0)", cells.first().evaluate("cell => getComputedStyle(cell).backgroundColor"), "background is drawn dark");
            assertEquals("rgb(255, 255, 255)", page.locator("cl-pixel-grid td", new Page.LocatorOptions().setHasText("1.00")).first()
                    .evaluate("cell => getComputedStyle(cell).backgroundColor"), "full ink is drawn bright");
            assertEquals(Boolean.TRUE, page.locator("cl-pixel-grid .scroll").evaluate("box => box.scrollHeight <= box.clientHeight"),
                    "all 28 rows show, without an inner vertical scroll");
            page.locator("cl-pixel-grid .scroll").focus();
            Locator where = page.locator("cl-pixel-grid .where");
            page.keyboard().press("ArrowRight");
            assertThat(where).containsText("Row 0, column 1:");
            page.keyboard().press("ArrowDown");
            assertThat(where).containsText("Row 1, column 1:");
            page.keyboard().press("ArrowLeft");
            assertThat(where).containsText("Row 1, column 0:");
            page.keyboard().press("ArrowUp");
            assertThat(where).containsText("Row 0, column 0:");
            Browser.screenshot(page, "step-1-pixel-grid");
            Browser.assertAccessible(page);
            page.locator("cl-pixel-grid").getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Next")).click();
            assertThat(page.locator("#digit-index")).hasValue("8");
            assertThat(page.locator("cl-pixel-grid caption")).containsText("A 8");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("One kernel, one spot"))).click();
            Locator topEdge = page.locator("form[data-exercise='top-edge-at-spot']");
            topEdge.getByRole(AriaRole.TEXTBOX).fill("3");
            topEdge.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Check")).click();
            assertThat(topEdge.locator(".feedback")).containsText("Not yet.");
            topEdge.getByRole(AriaRole.TEXTBOX).fill("2.65");
            topEdge.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Check")).click();
            assertThat(topEdge.locator(".feedback")).containsText("Right!");

            Locator leftEdge = page.locator("form[data-exercise='left-edge-at-spot']");
            leftEdge.getByRole(AriaRole.TEXTBOX).fill("2.86");
            leftEdge.getByRole(AriaRole.TEXTBOX).press("Enter");
            assertThat(leftEdge.locator(".feedback")).containsText("Right!");
            assertThat(page.locator("#step-state")).hasText("Completed");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "step-2-exercises");

            page.reload();
            assertThat(page.locator("#step-state")).hasText("Completed");
            assertThat(topEdge.locator(".feedback")).containsText("Solved.");
            assertThat(topEdge.locator(".feedback")).containsText("so the response is 2.82 − 0.17 = 2.65");
            Browser.screenshot(page, "step-2-solved-after-reload");

            page.navigate(root.toString());
            assertThat(page.locator("#progress-text")).hasText("1 of 11 steps completed (9%)");
            assertThat(page.locator("li.state-completed")).containsText("One kernel, one spot");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "lesson-index");
        }
    }

    @Test
    void pagesWorkOnAPhoneAndWithTheKeyboard() throws Exception {
        try (Browser.Session session = Browser.phone()) {
            Page page = session.page();
            page.navigate(root.toString());
            page.keyboard().press("Tab");
            assertThat(page.locator(":focus")).hasText("Skip to content");
            page.keyboard().press("Enter");
            Object overflow = page.evaluate("w => document.documentElement.scrollWidth > w", page.viewportSize().width);
            assertEquals(Boolean.FALSE, overflow, "the page scrolls sideways on a phone");
            Browser.screenshot(page, "lesson-index-phone");
            page.navigate(root + "lesson/images-are-numbers");
            assertThat(page.locator("cl-pixel-grid td")).hasCount(784);
            Object stepOverflow = page.evaluate("w => document.documentElement.scrollWidth > w", page.viewportSize().width);
            assertEquals(Boolean.FALSE, stepOverflow, "the step page scrolls sideways on a phone");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "step-1-phone");
        }
    }

    @Test
    void kernelLabRecomputesAsTheLearnerTypes() throws Exception {
        try (Browser.Session session = Browser.desktop()) {
            Page page = session.page();
            page.navigate(root + "lesson/kernel-lab");
            Locator map = page.locator("cl-kernel-lab canvas.map").first();
            assertThat(map).hasAttribute("aria-label", Pattern.compile("26 by 26, from -?\\d"));
            String before = map.getAttribute("aria-label");

            Locator cell = page.getByLabel("Kernel 1, row 1, column 1");
            cell.fill("4");
            assertThat(map).not().hasAttribute("aria-label", before);

            page.locator("cl-kernel-lab #stride").fill("2");
            page.locator("cl-kernel-lab #stride").press("Tab");
            assertThat(page.locator("cl-kernel-lab .formula")).containsText("/ 2) + 1 = 13");
            assertThat(map).hasAttribute("aria-label", Pattern.compile("13 by 13"));
            assertThat(page.locator("cl-kernel-lab .status").first()).containsText("TensorFlow on the cpu");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "step-4-kernel-lab");

            page.navigate(root + "lesson/colour-images");
            assertThat(page.locator("cl-kernel-lab canvas.input")).hasAttribute("aria-label", Pattern.compile("astronaut, 256 by 256"));
            Locator maps = page.locator("cl-kernel-lab canvas.map");
            assertThat(maps).hasCount(4);
            assertThat(maps.nth(0)).hasAttribute("aria-label", Pattern.compile("^Red contribution of kernel 1: 254 by 254"));
            assertThat(maps.nth(1)).hasAttribute("aria-label", Pattern.compile("^Green contribution of kernel 1: 254 by 254"));
            assertThat(maps.nth(2)).hasAttribute("aria-label", Pattern.compile("^Blue contribution of kernel 1: 254 by 254"));
            assertThat(maps.nth(3)).hasAttribute("aria-label", Pattern.compile("^Sum, the feature map of kernel 1: 254 by 254"));
            assertEquals(254, ((Number) maps.nth(3).evaluate("c => c.clientWidth")).intValue(),
                    "a 254-wide map is drawn at its own size, not squeezed");
            assertThat(page.locator("cl-kernel-lab figcaption").nth(1)).containsText("254×254, drawn at its own size");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "step-10-photo");

            page.locator("cl-kernel-lab").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add a kernel")).click();
            assertThat(maps).hasCount(8);
            assertThat(maps.nth(7)).hasAttribute("aria-label", Pattern.compile("^Sum, the feature map of kernel 2: 254 by 254"));
            assertThat(page.locator("cl-kernel-lab .error")).hasCount(0);
        }
    }

    @Test
    void kernelsOfTwoSizesComputeSideBySideAndNoMapOutlivesItsInputs() throws Exception {
        try (Browser.Session session = Browser.desktop()) {
            Page page = session.page();
            page.navigate(root + "lesson/kernel-lab");
            Locator maps = page.locator("cl-kernel-lab canvas.map");
            assertThat(maps.first()).hasAttribute("aria-label", Pattern.compile("kernel 1: 26 by 26"));

            page.locator("cl-kernel-lab").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add a kernel")).click();
            assertThat(maps).hasCount(2);
            assertThat(maps.nth(1)).hasAttribute("aria-label", Pattern.compile("kernel 2: 26 by 26, from -?\\d"));

            page.locator("cl-kernel-lab #rows-1").fill("5");
            page.locator("cl-kernel-lab #rows-1").press("Tab");
            page.locator("cl-kernel-lab #cols-1").fill("5");
            page.locator("cl-kernel-lab #cols-1").press("Tab");
            page.locator("cl-kernel-lab #dilation-0").fill("2");
            page.locator("cl-kernel-lab #dilation-0").press("Tab");
            assertThat(maps.nth(0)).hasAttribute("aria-label", Pattern.compile("kernel 1: 24 by 24"));
            assertThat(maps.nth(1)).hasAttribute("aria-label", Pattern.compile("kernel 2: 24 by 24"));
            assertThat(page.locator("cl-kernel-lab .formula")).containsText("3×3, dilation 2:");
            assertThat(page.locator("cl-kernel-lab .formula")).containsText("5×5, dilation 1:");
            assertThat(page.locator("cl-kernel-lab .error")).hasCount(0);
            Browser.screenshot(page, "step-4-two-sizes");

            Object staleAtOnce = page.locator("cl-kernel-lab").evaluate("""
                    async lab => {
                      const cell = lab.shadowRoot.querySelector('input[data-cell="0-0-0"]');
                      cell.value = '7';
                      cell.dispatchEvent(new Event('input', { bubbles: true }));
                      await lab.updateComplete;
                      const canvas = lab.shadowRoot.querySelector('canvas.map[data-part="0"]');
                      return [canvas.classList.contains('stale'), canvas.getAttribute('aria-label'),
                        canvas.closest('figure').querySelector('figcaption').textContent.trim()];
                    }""");
            assertEquals(List.of(true, "Feature map of kernel 1 being computed", "Out of date: recomputing for your change…"), staleAtOnce);
            assertThat(maps.nth(0)).not().hasClass(Pattern.compile("stale"));
            assertThat(maps.nth(0)).hasAttribute("aria-label", Pattern.compile("kernel 1: 24 by 24, from -?\\d"));

            page.locator("cl-kernel-lab #dilation-1").fill("8");
            page.locator("cl-kernel-lab #dilation-1").press("Tab");
            assertThat(page.locator("cl-kernel-lab fieldset.kernel").nth(1).locator(".error"))
                    .containsText("Kernel 2: a 5×5 kernel with dilation 8 does not fit");
            assertThat(maps).hasCount(1);
            assertThat(maps.first()).hasAttribute("aria-label", Pattern.compile("kernel 1: 24 by 24"));
            Browser.assertAccessible(page);
            Browser.screenshot(page, "step-4-kernel-error");
        }
    }

    @Test
    void oneArrowPressMovesOneCellInEveryGridBothWays() {
        try (Browser.Session session = Browser.desktop()) {
            Page page = session.page();
            page.navigate(root + "lesson/kernel-lab");
            page.getByLabel("Kernel 1, row 1, column 1").click();
            Locator lab = page.locator("cl-kernel-lab");
            String[][] walk = {{"ArrowRight", "row 1, column 2"}, {"ArrowRight", "row 1, column 3"}, {"ArrowDown", "row 2, column 3"},
                {"ArrowLeft", "row 2, column 2"}, {"ArrowUp", "row 1, column 2"}, {"ArrowLeft", "row 1, column 1"}};
            for (String[] step : walk) {
                page.keyboard().press(step[0]);
                assertEquals("Kernel 1, " + step[1], lab.evaluate("lab => lab.shadowRoot.activeElement.getAttribute('aria-label')"), step[0]);
            }

            page.navigate(root + "lesson/one-kernel-one-spot");
            Locator sum = page.locator("cl-kernel-spot .sum");
            assertThat(sum).containsText("TensorFlow's map has");
            page.locator("cl-kernel-spot canvas").focus();
            String[][] spots = {{"ArrowRight", "(8, 11)"}, {"ArrowLeft", "(8, 10)"}, {"ArrowDown", "(9, 10)"}, {"ArrowUp", "(8, 10)"}};
            for (String[] step : spots) {
                page.keyboard().press(step[0]);
                assertThat(sum).containsText("Sum at " + step[1]);
            }

            page.navigate(root + "lesson/im2col");
            Locator matrix = page.locator("cl-im2col .matrix");
            matrix.focus();
            Locator column = page.locator("cl-im2col p[aria-live]").first();
            String[][] columns = {{"ArrowRight", "Column 0 "}, {"ArrowRight", "Column 1 "}, {"ArrowDown", "Column 27 "},
                {"ArrowLeft", "Column 26 "}, {"ArrowUp", "Column 0 "}};
            for (String[] step : columns) {
                page.keyboard().press(step[0]);
                assertThat(column).containsText(step[1]);
            }
        }
    }
    /** Steps 1–6 and 10, each with its widget ready: what to wait for on the page. */
    private static final Map<String, String> WIDGET_STEPS = new LinkedHashMap<>();

    static {
        WIDGET_STEPS.put("images-are-numbers", "cl-pixel-grid .where");
        WIDGET_STEPS.put("one-kernel-one-spot", "cl-kernel-spot .sum");
        WIDGET_STEPS.put("sliding-everywhere", "cl-kernel-lab canvas.map[aria-label*='26 by 26']");
        WIDGET_STEPS.put("kernel-lab", "cl-kernel-lab canvas.map[aria-label*='26 by 26']");
        WIDGET_STEPS.put("im2col", "cl-im2col .races");
        WIDGET_STEPS.put("padding-and-stride", "cl-shape-calculator svg");
        WIDGET_STEPS.put("colour-images", "cl-kernel-lab canvas.map[aria-label*='254 by 254']");
    }

    @Test
    void widgetStepsFitAWideScreenAndAPhoneWithoutErrors() throws Exception {
        for (boolean phone : new boolean[] {false, true}) {
            try (Browser.Session session = phone ? Browser.phone() : Browser.desktop()) {
                Page page = session.page();
                if (!phone) {
                    page.setViewportSize(1366, 900);
                }
                List<String> problems = new ArrayList<>();
                page.onConsoleMessage(message -> {
                    if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                        problems.add("console: " + message.text());
                    }
                });
                page.onResponse(response -> {
                    if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) {
                        problems.add(response.status() + " " + response.url());
                    }
                });
                page.onPageError(error -> problems.add("page: " + error));
                int number = 0;
                for (Map.Entry<String, String> step : WIDGET_STEPS.entrySet()) {
                    number = step.getKey().equals("colour-images") ? 10 : number + 1;
                    page.navigate(root + "lesson/" + step.getKey());
                    assertThat(page.locator(step.getValue()).first()).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
                    assertEquals(Boolean.FALSE, page.evaluate("w => document.documentElement.scrollWidth > w", page.viewportSize().width),
                            step.getKey() + " scrolls sideways at " + page.viewportSize().width + " px");
                    Browser.screenshot(page, "step-" + number + (phone ? "-390x844" : "-1366x900"));
                }
                assertEquals(List.of(), problems);
            }
        }
    }

    @Test
    void learnerSavesAKernelAndPassesTheBottomEdgeExercise() throws Exception {
        try (Browser.Session session = Browser.desktop()) {
            Page page = session.page();
            Browser.signUp(page, root, "Kernel Saver");

            page.navigate(root + "lesson/kernel-lab");
            page.getByLabel("Kernel 1, row 1, column 1").fill("1");
            page.getByLabel("Kernel 1, row 1, column 2").fill("1");
            page.getByLabel("Kernel 1, row 1, column 3").fill("1");
            page.getByLabel("Kernel 1, row 3, column 1").fill("-1");
            page.getByLabel("Kernel 1, row 3, column 2").fill("-1");
            page.getByLabel("Kernel 1, row 3, column 3").fill("-1");
            page.locator("cl-kernel-lab #save-name-0").fill("my bottom edge");
            page.locator("cl-kernel-lab").getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Save").setExact(true)).click();
            assertThat(page.locator("cl-kernel-lab .readout")).containsText("Saved “my bottom edge”");
            page.reload();
            assertThat(page.locator("cl-kernel-lab #saved-0 option")).containsText(new String[] {"load…", "my bottom edge"});

            page.navigate(root + "lesson/sliding-everywhere");
            Locator exercise = page.locator("form[data-exercise='bottom-edge-kernel']");
            exercise.getByRole(AriaRole.TEXTBOX).fill("1 1 1; 0 0 0; -1 -1 -1");
            exercise.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Check")).click();
            assertThat(exercise.locator(".feedback")).containsText("Right!");
            assertThat(exercise.locator(".feedback")).containsText("r = 1.00");
            assertThat(page.locator("#step-state")).hasText("Completed");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "step-3-bottom-edge-exercise");
        }
    }

    @Test
    void kernelSpotIm2colAndShapeCalculatorAgreeWithTensorFlow() throws Exception {
        try (Browser.Session session = Browser.desktop()) {
            Page page = session.page();
            page.navigate(root + "lesson/one-kernel-one-spot");
            Locator sum = page.locator("cl-kernel-spot .sum");
            assertThat(sum).containsText("TensorFlow's map has");
            page.locator("cl-kernel-spot canvas").focus();
            page.keyboard().press("ArrowRight");
            assertThat(sum).containsText("Sum at (8, 11)");
            String[] values = sum.locator("strong").allTextContents().toArray(new String[0]);
            assertEquals(values[0], values[1], "the sum and TensorFlow's value differ");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "step-2-kernel-spot");

            page.navigate(root + "lesson/im2col");
            assertThat(page.locator("cl-im2col")).containsText("9 × 676");
            assertThat(page.locator("cl-im2col table")).hasCount(2);
            assertThat(page.locator("cl-im2col table").nth(0).locator("caption")).containsText("One digit, one kernel");
            assertThat(page.locator("cl-im2col table").nth(1).locator("caption")).containsText("64 digits");
            assertThat(page.locator("cl-im2col table").nth(1).locator("caption")).containsText("8 kernels");
            assertThat(page.locator("cl-im2col tbody tr")).hasCount(6);
            assertThat(page.locator("cl-im2col .measured")).containsText("Measured on the server (cpu) at");
            Locator rerun = page.locator("cl-im2col").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Run the race again"));
            rerun.click();
            assertThat(rerun).isEnabled();
            assertThat(page.locator("cl-im2col .measured")).containsText("in a race run for you on this digit and kernel");
            page.locator("cl-im2col .matrix").focus();
            page.keyboard().press("ArrowRight");
            assertThat(page.locator("cl-im2col")).containsText("Column 0 is the window whose top-left corner is row 0, column 0");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "step-5-im2col");

            page.reload();
            assertThat(page.locator("cl-im2col .measured")).containsText("in a race shared by every learner with a 3×3 kernel");
            Browser.screenshot(page, "step-5-im2col-shared");

            page.navigate(root + "lesson/padding-and-stride");
            assertThat(page.locator("cl-shape-calculator .formula")).containsText("= 14");
            assertThat(page.locator("cl-shape-calculator")).containsText("TensorFlow's output: 14×14");
            page.locator("cl-shape-calculator #calc-same").check();
            assertThat(page.locator("cl-shape-calculator")).containsText("padding (top, bottom) 0, 1");
            assertThat(page.locator("cl-shape-calculator tbody tr").last()).containsText("63×63");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "step-6-shape-calculator");
        }
    }
}
