package dev.convlab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import dev.convlab.platform.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pages around the lesson, at 390 px wide: nothing makes them scroll sideways. The lesson's steps and a run's
 * page are checked by {@link StudentWalkthroughBrowserTest}.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class PhoneLayoutBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void everyPageOutsideTheLessonFitsAPhone() throws Exception {
        List<String> tooWide = new ArrayList<>();
        try (Browser.Session session = Browser.phone()) {
            Page page = session.page();
            for (String path : List.of("", "login", "signup", "lesson/no-such-step")) {
                check(page, path, tooWide);
            }
            Browser.signUp(page, root, "Phone Student");
            check(page, "", tooWide);
            check(page, "leaderboard", tooWide);
        }
        try (Browser.Session session = Browser.phone()) {
            Page page = session.page();
            Browser.logInAsInstructor(page, root, "/");
            for (String path : List.of("instructor", "instructor/steps/kernel-lab", "instructor/dashboard", "leaderboard")) {
                check(page, path, tooWide);
            }
        }
        assertEquals(List.of(), tooWide, String.join("\n", tooWide));
    }

    /**
     * Measures against the 390 px the phone has, not {@code innerWidth}: a mobile Chromium widens its visual viewport
     * to whatever the page needs, so {@code innerWidth} grows with the very overflow it should reveal.
     */
    private void check(Page page, String path, List<String> tooWide) throws Exception {
        page.navigate(root + path);
        page.waitForLoadState(LoadState.NETWORKIDLE);
        Object width = page.evaluate("() => document.scrollingElement.scrollWidth");
        if (((Number) width).intValue() > 390) {
            tooWide.add("/" + path + " is " + width + " px wide: " + page.evaluate(CULPRITS));
        }
        Browser.screenshot(page, "phone-" + (path.isEmpty() ? "index" : path.replace('/', '-')));
    }

    /** The outermost elements that stick out past the screen's right edge and no scroll box contains. */
    private static final String CULPRITS = """
            () => {
              const found = [];
              const parentOf = (el) => el.parentElement ?? el.getRootNode().host ?? null;
              const sticksOut = (el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5;
              const contained = (el) => {
                for (let a = parentOf(el); a; a = parentOf(a)) {
                  if (getComputedStyle(a).overflowX !== 'visible') return !sticksOut(a);
                }
                return false;
              };
              const name = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
              const path = (el) => { const p = []; for (let a = el; a; a = parentOf(a)) p.unshift(name(a)); return p.slice(-5).join(' > '); };
              const walk = (root) => {
                for (const el of root.querySelectorAll('*')) {
                  const parent = parentOf(el);
                  if (sticksOut(el) && !(parent && sticksOut(parent)) && !contained(el)) {
                    found.push(path(el) + ' (' + Math.round(el.getBoundingClientRect().width) + ' px)');
                  }
                  if (el.shadowRoot) walk(el.shadowRoot);
                }
              };
              walk(document);
              return found.slice(0, 8).join('; ');
            }
            """;
}
