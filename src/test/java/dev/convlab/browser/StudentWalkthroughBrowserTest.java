package dev.convlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.convlab.browser.Browser.Screen;
import dev.convlab.lesson.Exercise;
import dev.convlab.lesson.StepSource;
import dev.convlab.lesson.StepSourceParser;
import dev.convlab.platform.TestDatabase;
import dev.convlab.training.RunWorker;
import dev.convlab.training.TrainingRuns;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A new student walks the whole lesson in Chromium, on a laptop and on a phone: signs up, uses every step's widget,
 * answers every exercise wrongly and then rightly, trains the default run and sees it finish, queues an ablation run
 * and finds it on the leaderboard. Every page it sees has no console or page error, no sideways scrolling and no axe
 * violation, and is photographed into {@code target/screenshots/walkthrough-<size>-*.png}.
 *
 * <p>The right answers come from the lesson's own Markdown files, as the server never sends them to the browser.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class StudentWalkthroughBrowserTest {

    private static final Path CONTENT = Path.of("content", "convolutions");

    @TestHTTPResource("/")
    URL root;

    @Inject
    RunWorker worker;

    @Inject
    StepSourceParser parser;

    private Page page;
    private String size;
    private Browser.Walk walk;

    @AfterEach
    void clearTheQueue() {
        TrainingRuns.cancelUnfinished();
    }

    @ParameterizedTest(name = "on a {0}")
    @ValueSource(strings = {"laptop", "phone"})
    void aNewStudentWalksAllElevenStepsWithoutAnErrorOrASidewaysScroll(String size) throws Exception {
        this.size = size;
        List<StepSource> steps = lesson();
        assertEquals(11, steps.size(), "steps in " + CONTENT);
        Screen screen = Screen.named(size);
        try (Browser.Session session = Browser.open(screen)) {
            page = session.page();
            walk = new Browser.Walk(page, screen, "walkthrough-" + size + "-");

            Browser.signUp(page, root, "Walker " + size);
            assertThat(page.locator("#progress-text")).hasText("0 of 11 steps completed (0%)");
            walk.check("00-index");

            for (StepSource step : steps) {
                page.navigate(root + "lesson/" + step.slug());
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(step.title()).setLevel(1))).isVisible();
                useTheWidgetOf(step.slug());
                for (Exercise exercise : step.exercises()) {
                    answerWronglyThenRightly(exercise);
                }
                if (step.exercises().isEmpty()) {
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark this step as done")).click();
                    assertThat(page.getByText("You marked this step as done.")).isVisible();
                }
                assertThat(page.locator("#step-state")).hasText("Completed");
                walk.check(String.format("%02d-%s", step.order(), step.slug()));
            }

            page.navigate(root.toString());
            assertThat(page.locator("#progress-text")).hasText("11 of 11 steps completed (100%)");
            walk.check("12-index-completed");
        }
        walk.assertNoProblems();
    }

    /** The lesson's steps in order, read from the same Markdown files the server imports. */
    private List<StepSource> lesson() throws Exception {
        try (Stream<Path> files = Files.list(CONTENT)) {
            List<StepSource> steps = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                steps.add(parser.parse(file.toString(), Files.readAllBytes(file)));
            }
            steps.sort(Comparator.comparingInt(StepSource::order));
            return steps;
        }
    }

    private void useTheWidgetOf(String slug) throws Exception {
        switch (slug) {
            case "images-are-numbers" -> {
                Locator grid = page.locator("cl-pixel-grid");
                assertThat(grid.locator("td")).hasCount(784);
                grid.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Next")).click();
                assertThat(grid.getByLabel("Image number")).hasValue("8");
            }
            case "one-kernel-one-spot" -> {
                Locator spot = page.locator("cl-kernel-spot");
                assertThat(spot.locator(".sum")).containsText("TensorFlow's map has");
                spot.locator("canvas").first().focus();
                page.keyboard().press("ArrowRight");
                assertThat(spot.locator(".sum")).containsText("Sum at (8, 11)");
            }
            case "sliding-everywhere" -> {
                Locator maps = page.locator("cl-kernel-lab canvas.map").first();
                assertThat(maps).hasAttribute("aria-label", Pattern.compile("26 by 26"), Browser.COMPUTED);
                String before = maps.getAttribute("aria-label");
                changeNumber(page.locator("cl-kernel-lab").getByLabel("Number", new Locator.GetByLabelOptions().setExact(true)), "8");
                assertThat(maps).not().hasAttribute("aria-label", before);
                assertThat(maps).hasAttribute("aria-label", Pattern.compile("26 by 26"), Browser.COMPUTED);
            }
            case "kernel-lab" -> {
                Locator lab = page.locator("cl-kernel-lab");
                Locator map = lab.locator("canvas.map").first();
                assertThat(map).hasAttribute("aria-label", Pattern.compile("26 by 26"), Browser.COMPUTED);
                lab.getByLabel("Kernel 1, row 1, column 1").fill("4");
                changeNumber(lab.getByLabel("Stride", new Locator.GetByLabelOptions().setExact(true)), "2");
                assertThat(map).hasAttribute("aria-label", Pattern.compile("13 by 13"), Browser.COMPUTED);
                lab.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add a kernel")).click();
                assertThat(lab.locator("canvas.map")).hasCount(2);
                assertThat(lab.locator("canvas.map").nth(1)).hasAttribute("aria-label", Pattern.compile("13 by 13"), Browser.COMPUTED);
            }
            case "im2col" -> {
                Locator im2col = page.locator("cl-im2col");
                assertThat(im2col).containsText("9 × 676");
                im2col.locator(".matrix").focus();
                page.keyboard().press("ArrowRight");
                assertThat(im2col).containsText("Column 0 is the window whose top-left corner is row 0, column 0");
                assertThat(im2col.locator(".measured")).containsText("Measured on the server", Browser.SERVER_ANSWER);
                im2col.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Run the race again")).click();
                assertThat(im2col.locator(".measured")).containsText("in a race run for you on this digit and kernel", Browser.SERVER_ANSWER);
            }
            case "padding-and-stride" -> {
                Locator calculator = page.locator("cl-shape-calculator");
                assertThat(calculator).containsText("TensorFlow's output: 14×14");
                calculator.getByLabel("TensorFlow SAME").check();
                assertThat(calculator).containsText("padding (top, bottom) 0, 1");
                calculator.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add a layer")).click();
                assertThat(calculator.locator("tbody tr").last()).containsText("127×127");
            }
            case "a-cnn-of-stride-2-convs" -> {
                Locator builder = page.locator("cl-network-builder");
                assertThat(builder.locator("tbody tr")).hasCount(6);
                builder.getByLabel("Downsampling").selectOption("MAX_POOL");
                assertThat(builder.locator("tbody tr")).hasCount(11);
                builder.getByLabel("Downsampling").selectOption("STRIDE2");
                assertThat(builder.locator("tbody tr")).hasCount(6);
            }
            case "training-it" -> trainTheDefaultRun();
            case "receptive-field" -> {
                Locator field = page.locator("cl-receptive-field");
                field.getByLabel("Layer", new Locator.GetByLabelOptions().setExact(true)).selectOption("2");
                field.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Activation at row 3, column 3")).click();
                assertThat(field.locator("figure")).hasCount(2);
                assertThat(field.locator("figcaption").first()).containsText("rows 17–27, columns 17–27");
            }
            case "colour-images" -> {
                Locator lab = page.locator("cl-kernel-lab");
                Locator map = lab.locator("canvas.map").first();
                assertThat(map).hasAttribute("aria-label", Pattern.compile("254 by 254"), Browser.COMPUTED);
                String before = map.getAttribute("aria-label");
                lab.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("Edit green"))).click();
                lab.getByLabel(Pattern.compile("^Kernel 1.*row 2, column 2$")).fill("5");
                assertThat(map).not().hasAttribute("aria-label", before);
                assertThat(map).hasAttribute("aria-label", Pattern.compile("254 by 254"), Browser.COMPUTED);
            }
            case "the-ablation" -> queueAnAblationRunAndFindItOnTheLeaderboard();
            default -> throw new AssertionError("No walk written for step " + slug + ": add one here");
        }
    }

    /** Step 8: the default settings, queued; the test's worker trains it, and the page shows how it ended. */
    private void trainTheDefaultRun() throws Exception {
        Locator training = page.locator("cl-training-run");
        training.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Train on the server")).click();
        assertThat(training.getByRole(AriaRole.STATUS)).containsText("Queued");
        walk.check("08-training-it-queued");
        assertTrue(worker.runOnce("walkthrough-" + size), "no queued run to train");
        Locator status = training.getByRole(AriaRole.STATUS);
        assertThat(status).containsText(Pattern.compile("Done: test accuracy \\d+\\.\\d\\d%"), Browser.SERVER_ANSWER);
        Matcher accuracy = Pattern.compile("test accuracy (\\d+\\.\\d\\d)%").matcher(status.textContent());
        assertTrue(accuracy.find(), status.textContent());
        assertTrue(Double.parseDouble(accuracy.group(1)) >= 95, "the default run learns: " + status.textContent());
        assertThat(training.locator(".chart svg")).isVisible();
        assertThat(training.locator("table")).containsText("Rows: true class");

        training.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("run \\d+"))).click();
        assertThat(page.locator("cl-run-view").getByRole(AriaRole.STATUS)).containsText("test accuracy");
        assertThat(page.locator("cl-run-view .chart svg")).isVisible();
        walk.check("08-training-it-run-page");
        page.goBack();
    }

    /** Step 11: one MNIST run of the lesson network, trained, then found in the runs table and on the board. */
    private void queueAnAblationRunAndFindItOnTheLeaderboard() {
        Locator form = page.locator("cl-ablation");
        field(form, "Data").selectOption("mnist");
        field(form, "Batch").fill("64");
        field(form, "Epochs").fill("1");
        field(form, "Seeds").fill("21");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Queue these runs")).click();
        assertThat(form.getByRole(AriaRole.STATUS)).containsText("Queued seed(s) 21");
        assertTrue(worker.runOnce("walkthrough-" + size), "no queued ablation run to train");
        assertThat(form.locator("table.runs tbody tr").first()).containsText("%");

        Locator board = page.locator("cl-leaderboard");
        field(board, "Data").selectOption("mnist");
        assertThat(board.locator("tbody tr", new Locator.LocatorOptions().setHasText("Walker " + size)).first()).isVisible();
        assertThat(board.locator(".chart svg").first()).isVisible();
    }

    private static Locator field(Locator widget, String label) {
        return widget.getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
    }

    /** Types into a number field and leaves it, as a learner does, so its change is committed. */
    private static void changeNumber(Locator input, String value) {
        input.fill(value);
        input.press("Tab");
    }

    /** A wrong answer gets "Not yet.", the front matter's answer gets "Right!". */
    private void answerWronglyThenRightly(Exercise exercise) {
        Locator form = page.locator("form[data-exercise='" + exercise.key() + "']");
        Locator answer = form.getByRole(AriaRole.TEXTBOX);
        Locator check = form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Check"));
        answer.fill(Browser.wrongAnswer(exercise));
        check.click();
        assertThat(form.locator(".feedback")).containsText("Not yet.");
        answer.fill(Browser.rightAnswer(exercise));
        check.click();
        assertThat(form.locator(".feedback")).containsText("Right!");
    }
}
