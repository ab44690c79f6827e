package dev.convlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.convlab.lesson.Exercise;
import dev.convlab.platform.Http;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;

/** Debian's Chromium driven by Playwright, never a downloaded browser; and the axe accessibility check. */
final class Browser {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** TensorFlow computes a photo's three channels in seconds on a busy 2-core machine, not in Playwright's default 5. */
    static final LocatorAssertions.HasAttributeOptions COMPUTED = new LocatorAssertions.HasAttributeOptions().setTimeout(30_000);
    static final LocatorAssertions.ContainsTextOptions SERVER_ANSWER = new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);

    /** The screens the walks are made on: a laptop's and a phone's, the phone's with touch and a mobile viewport. */
    enum Screen {
        LAPTOP(1366, 900),
        PHONE(390, 844);

        final int width;
        final int height;

        Screen(int width, int height) {
            this.width = width;
            this.height = height;
        }

        /** The screen a parameterized test names: {@code laptop} or {@code phone}. */
        static Screen named(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }

        com.microsoft.playwright.Browser.NewContextOptions options() {
            boolean phone = this == PHONE;
            return new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(width, height).setIsMobile(phone).setHasTouch(phone);
        }
    }

    private Browser() {}

    /** The Chromium to drive: {@code CONVLAB_CHROMIUM}, else Debian's. Missing fails under CI, else skips. */
    static Path chromium() {
        Path chromium = Path.of(System.getenv().getOrDefault("CONVLAB_CHROMIUM", "/usr/bin/chromium"));
        boolean required = Boolean.parseBoolean(System.getenv().getOrDefault("CONVLAB_REQUIRE_BROWSER", "false"));
        if (!Files.isExecutable(chromium)) {
            if (required) {
                throw new IllegalStateException("No Chromium at " + chromium + " (apt-get install chromium)");
            }
            Assumptions.abort("No Chromium at " + chromium + ": browser tests skipped (apt-get install chromium)");
        }
        return chromium;
    }

    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static com.microsoft.playwright.Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new com.microsoft.playwright.BrowserType.LaunchOptions()
                .setExecutablePath(chromium())
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    /**
     * Playwright, Chromium, one context and one page, closed together. Closing fails the test when any page of the
     * context reported a Content-Security-Policy violation on its console.
     */
    record Session(Playwright playwright, com.microsoft.playwright.Browser browser, BrowserContext context, Page page,
            List<String> policyViolations) implements AutoCloseable {
        @Override
        public void close() {
            context.close();
            browser.close();
            playwright.close();
            assertEquals(List.of(), policyViolations, "Content-Security-Policy violations");
        }
    }

    static Session desktop() {
        return open(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1200, 900));
    }

    static Session phone() {
        return open(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
    }

    static Session open(Screen screen) {
        return open(screen.options());
    }

    static Session open(com.microsoft.playwright.Browser.NewContextOptions options) {
        Playwright playwright = playwright();
        com.microsoft.playwright.Browser browser = launch(playwright);
        BrowserContext context = browser.newContext(options);
        List<String> policyViolations = new CopyOnWriteArrayList<>();
        context.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                policyViolations.add((message.page() == null ? "" : message.page().url() + ": ") + message.text());
            }
        });
        return new Session(playwright, browser, context, context.newPage(), policyViolations);
    }

    /** Signs a new student up through the form and waits for the lesson index. */
    static void signUp(Page page, URL root, String name) {
        page.navigate(root + "signup");
        page.getByLabel("E-mail").fill(Http.uniqueEmail());
        page.getByLabel("Name shown to your class").fill(name);
        page.getByLabel("Password (at least 10 characters)").fill("a-long-enough-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign up")).click();
        assertThat(page.getByText("Your progress")).isVisible();
    }

    /** Logs the test profile's instructor in through the form, landing on {@code next}. */
    static void logInAsInstructor(Page page, URL root, String next) {
        page.navigate(root + "login?next=" + next);
        page.getByLabel("E-mail").fill("instructor@convlab.test");
        page.getByLabel("Password").fill("test-only-instructor");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Teach"))).isVisible();
    }

    static void screenshot(Page page, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** Fails when axe finds a serious or critical WCAG 2 A/AA violation on the page. */
    static void assertAccessible(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
        List<Rule> severe = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .toList();
        String report = severe.stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(3).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        assertEquals(0, severe.size(), page.url() + "\n" + report);
    }

    /** The elements (shadow roots included) that stick out of the screen, outside any scrolling box, to say what makes a page too wide. */
    static String overflowing(Page page) {
        return (String) page.evaluate("""
                () => {
                  const found = [];
                  const visit = (root, scrolled) => {
                    for (const e of root.children) {
                      const style = getComputedStyle(e);
                      if (!scrolled && e.getBoundingClientRect().right > innerWidth + 1) found.push(e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));
                      const inner = scrolled || ['auto', 'scroll', 'hidden'].includes(style.overflowX);
                      visit(e, inner);
                      if (e.shadowRoot) visit(e.shadowRoot, inner);
                    }
                  };
                  visit(document.body, false);
                  return found.slice(-8).join(', ');
                }""");
    }

    /** Console errors, uncaught exceptions and failed requests (but the favicon's) of a page, collected as they happen. */
    static List<String> errorsOf(Page page) {
        return errorsOf(page, response -> false);
    }

    /**
     * Like {@link #errorsOf(Page)}, but for the answers a test provokes to fail ({@code expected}: a refused form, a page
     * for instructors only). The console's "Failed to load resource" echoes a failed request, which is judged by its answer.
     */
    static List<String> errorsOf(Page page, Predicate<Response> expected) {
        List<String> errors = new CopyOnWriteArrayList<>();
        page.onPageError(error -> errors.add("page error on " + page.url() + ": " + error));
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                errors.add("console error on " + page.url() + ": " + message.text() + " (" + message.location() + ")");
            }
        });
        page.onResponse(response -> {
            if (response.status() >= 400 && !expected.test(response) && !response.url().endsWith("/favicon.ico")) {
                errors.add(response.status() + " " + response.url());
            }
        });
        return errors;
    }

    /**
     * A walk through a site's pages that collects what is wrong rather than stopping at it, so that one run reports all
     * of it: the page's errors as they happen and, at each {@link #check}, sideways scrolling and axe violations (every
     * rule axe has, WCAG and best practice). Each check also takes a screenshot, {@code <prefix><name>.png}.
     */
    static final class Walk {
        private final Page page;
        private final int width;
        private final String screenshots;
        private final List<String> problems;

        Walk(Page page, Screen screen, String screenshots) {
            this.page = page;
            this.width = screen.width;
            this.screenshots = screenshots;
            this.problems = errorsOf(page);
        }

        void problem(String problem) {
            problems.add(problem);
        }

        /**
         * The page's width is compared with the screen's, not with {@code innerWidth}: a mobile Chromium widens its visual
         * viewport to whatever the page needs, so {@code innerWidth} grows with the very overflow it should reveal.
         */
        void check(String name) throws Exception {
            page.waitForLoadState();
            Number scrollWidth = (Number) page.evaluate("() => document.scrollingElement.scrollWidth");
            if (scrollWidth.intValue() > width) {
                problems.add(page.url() + " is " + scrollWidth + " px wide on a " + width + " px screen: it scrolls sideways");
            }
            for (Rule violation : new AxeBuilder(page).analyze().getViolations()) {
                problems.add("axe on " + page.url() + ": " + violation.getId() + " (" + violation.getImpact() + "), "
                        + violation.getHelp() + ", at " + violation.getNodes().stream()
                                .map(node -> String.valueOf(node.getTarget())).limit(3).collect(Collectors.joining(", ")));
            }
            screenshot(page, screenshots + name);
        }

        void assertNoProblems() {
            assertEquals(List.of(), problems, String.join("\n", problems));
        }
    }

    /** An exercise's answer as a learner would type it: 2.65, 25×576, or a kernel row by row ("1 1 1; 0 0 0; -1 -1 -1"). */
    static String rightAnswer(Exercise exercise) {
        return typed(exercise, exercise.answer());
    }

    /** Off by one (more than any tolerance) for numbers and shapes; the opposite kernel, correlating by −1. */
    static String wrongAnswer(Exercise exercise) {
        List<Double> answer = exercise.answer();
        return switch (exercise.kind()) {
            case NUMBER -> typed(exercise, List.of(answer.get(0) + 1 + (exercise.tolerance() == null ? 0 : exercise.tolerance())));
            case SHAPE -> typed(exercise, IntStream.range(0, answer.size()).mapToObj(i -> answer.get(i) + (i == 0 ? 1 : 0)).toList());
            case KERNEL -> typed(exercise, answer.stream().map(v -> -v).toList());
        };
    }

    private static String typed(Exercise exercise, List<Double> values) {
        return switch (exercise.kind()) {
            case NUMBER -> plain(values.get(0));
            case SHAPE -> values.stream().map(Browser::plain).collect(Collectors.joining("×"));
            case KERNEL -> {
                int side = (int) Math.round(Math.sqrt(values.size()));
                yield IntStream.range(0, side)
                        .mapToObj(row -> values.subList(row * side, row * side + side).stream()
                                .map(Browser::plain).collect(Collectors.joining(" ")))
                        .collect(Collectors.joining("; "));
            }
        };
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
