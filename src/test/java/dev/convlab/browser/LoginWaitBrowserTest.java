package dev.convlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.convlab.browser.Browser.Screen;
import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The login form after repeated failures says how long to wait, on a laptop and on a phone, with nothing in the console but the form's own 401s and 429. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class LoginWaitBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void theLoginFormSaysHowLongToWaitAfterRepeatedFailures() throws Exception {
        for (boolean phone : List.of(false, true)) {
            String email = Http.uniqueEmail();
            Http.visitor().signUp(email, "Waiting", "the-right-password").then().statusCode(201);
            try (Browser.Session session = Browser.open(phone ? Screen.PHONE : Screen.LAPTOP)) {
                Page page = session.page();
                List<String> console = new ArrayList<>();
                page.onConsoleMessage(m -> {
                    boolean formAnswer = m.text().matches("Failed to load resource: .* status of (401|429) .*");
                    if (("error".equals(m.type()) || "warning".equals(m.type())) && !formAnswer) {
                        console.add(m.text());
                    }
                });
                page.navigate(root + "login");
                for (int i = 0; i < 6; i++) {
                    page.getByLabel("E-mail").fill(email);
                    page.getByLabel("Password").fill("wrong-password-" + i);
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
                    page.waitForLoadState();
                }
                assertThat(page.getByRole(AriaRole.ALERT)).hasText("Too many failed logins: wait 30 seconds and try again");
                Browser.assertAccessible(page);
                Browser.screenshot(page, "login-wait-" + (phone ? "390x844" : "1366x900"));
                assertEquals(List.of(), console);
            }
        }
    }
}
