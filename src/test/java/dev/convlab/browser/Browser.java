package dev.convlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.convlab.platform.Http;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/** Debian's Chromium driven by Playwright, never a downloaded browser; and the axe accessibility check. */
final class Browser {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

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

    /** A screen of the given size; a phone also reports touch and a mobile viewport. */
    static Session open(int width, int height, boolean phone) {
        return open(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(width, height).setIsMobile(phone).setHasTouch(phone));
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
}
