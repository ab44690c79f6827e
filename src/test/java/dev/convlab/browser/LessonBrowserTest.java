package dev.convlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.convlab.platform.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
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
            assertThat(page.locator("cl-pixel-grid caption")).containsText("28×28 numbers");
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
            assertThat(topEdge.locator(".feedback")).hasText("Solved.");

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
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
            org.junit.jupiter.api.Assertions.assertEquals(Boolean.FALSE, overflow, "the page scrolls sideways on a phone");
            Browser.screenshot(page, "lesson-index-phone");
            page.navigate(root + "lesson/images-are-numbers");
            assertThat(page.locator("cl-pixel-grid td")).hasCount(784);
            Object stepOverflow = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
            org.junit.jupiter.api.Assertions.assertEquals(Boolean.FALSE, stepOverflow, "the step page scrolls sideways on a phone");
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
            assertThat(page.locator("cl-kernel-lab .status")).containsText("Computed by TensorFlow on the cpu");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "step-4-kernel-lab");

            page.navigate(root + "lesson/colour-images");
            assertThat(page.locator("cl-kernel-lab canvas.input")).hasAttribute("aria-label", Pattern.compile("astronaut, 256 by 256"));
            assertThat(page.locator("cl-kernel-lab canvas.map").first()).hasAttribute("aria-label", Pattern.compile("254 by 254"));
            Browser.screenshot(page, "step-10-photo");
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
            org.junit.jupiter.api.Assertions.assertEquals(values[0], values[1], "the sum and TensorFlow's value differ");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "step-2-kernel-spot");

            page.navigate(root + "lesson/im2col");
            assertThat(page.locator("cl-im2col")).containsText("9 × 676");
            assertThat(page.locator("cl-im2col tbody tr")).hasCount(3);
            page.locator("cl-im2col .matrix").focus();
            page.keyboard().press("ArrowRight");
            assertThat(page.locator("cl-im2col")).containsText("Column 0 is the window whose top-left corner is row 0, column 0");
            Browser.assertAccessible(page);
            Browser.screenshot(page, "step-5-im2col");

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
