package dev.convlab.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Login back-off, trusted browsers, the failed-login log and the sign-up limit, with a one-second first wait. */
@QuarkusTest
@TestProfile(LoginLimitsTest.SmallLimits.class)
@QuarkusTestResource(TestDatabase.class)
class LoginLimitsTest {

    /** Production's per-account threshold; a per-address one of 12, a wait of 1 s, and 3 sign-ups per address. */
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("convlab.account.login.first-wait", "1S",
                    "convlab.account.login.max-wait", "2S",
                    "convlab.account.login.address-failures", "12",
                    "convlab.account.sign-up.burst", "3",
                    "convlab.account.sign-up.refill-every", "1H");
        }
    }

    private static final String PASSWORD = "the-right-password";
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    private String csrf;

    @BeforeEach
    void getACsrfToken() {
        csrf = Http.visitor().csrfToken();
    }

    /** A client address of its own for each use, so tests never share counters. */
    private static String newAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
    }

    private RequestSpecification from(String address, String browser) {
        RequestSpecification spec = given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .cookie(Http.CSRF_COOKIE, csrf).header("X-CSRF-TOKEN", csrf).header("X-Forwarded-For", address);
        return browser == null ? spec : spec.cookie(TrustedBrowsers.COOKIE, browser);
    }

    private Response signUp(String address, String email) {
        return from(address, null).body(Map.of("email", email, "displayName", "Limits", "password", PASSWORD)).post("/api/accounts");
    }

    private Response logIn(String address, String browser, String email, String password) {
        return from(address, browser).body(Map.of("email", email, "password", password)).post("/api/session");
    }

    /** A new account, signed up from an address of its own; returns its e-mail. */
    private String newAccount() {
        String email = Http.uniqueEmail();
        signUp(newAddress(), email).then().statusCode(201);
        return email;
    }

    @Test
    void aSixthWrongPasswordWaitsAndTheRightOneWorksAfterTheWait() throws InterruptedException {
        String email = newAccount();
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            logIn(address, null, email, "wrong-password-" + i).then().statusCode(401);
        }
        String retryAfter = logIn(address, null, email, "wrong-password-6").then().statusCode(429)
                .contentType("application/problem+json")
                .body("detail", containsString("wait 1 second"))
                .extract().header("Retry-After");
        assertEquals("1", retryAfter);
        logIn(address, null, email, PASSWORD).then().statusCode(429);
        Thread.sleep(Long.parseLong(retryAfter) * 1000);
        logIn(address, null, email, PASSWORD).then().statusCode(200).body("email", equalTo(email));
        logIn(address, null, email, "wrong-again").then().statusCode(401);
    }

    @Test
    void theLoginFormSaysHowLongToWait() {
        String email = newAccount();
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            loginForm(address, email, "wrong-password-" + i).then().statusCode(401);
        }
        loginForm(address, email, PASSWORD).then().statusCode(429)
                .header("Retry-After", "1")
                .contentType(ContentType.HTML)
                .body(containsString("Too many failed logins: wait 1 second and try again"));
    }

    private Response loginForm(String address, String email, String password) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .cookie(Http.CSRF_COOKIE, csrf).header("X-Forwarded-For", address)
                .formParam("csrf-token", csrf).formParam("email", email).formParam("password", password)
                .post("/login");
    }

    @Test
    void aStrangersFailuresDoNotLockOutABrowserThatLoggedInBefore() {
        String email = newAccount();
        String home = newAddress();
        String browser = logIn(home, null, email, PASSWORD).then().statusCode(200).extract().cookie(TrustedBrowsers.COOKIE);
        assertTrue(browser != null && browser.length() > 20, browser);
        String attacker = newAddress();
        for (int i = 0; i < 5; i++) {
            logIn(attacker, null, email, "guess-" + i).then().statusCode(401);
        }
        logIn(attacker, null, email, "guess-6").then().statusCode(429);
        logIn(home, null, email, PASSWORD).then().statusCode(429);
        logIn(home, browser, email, PASSWORD).then().statusCode(200).cookie(TrustedBrowsers.COOKIE, browser);
        logIn(attacker, browser, Http.uniqueEmail(), "a-browser-cookie-of-another-account").then().statusCode(401);
    }

    @Test
    void aTrustedBrowserHasItsOwnBackOff() {
        String email = newAccount();
        String home = newAddress();
        String browser = logIn(home, null, email, PASSWORD).then().statusCode(200).extract().cookie(TrustedBrowsers.COOKIE);
        for (int i = 0; i < 5; i++) {
            logIn(home, browser, email, "typo-" + i).then().statusCode(401);
        }
        logIn(home, browser, email, PASSWORD).then().statusCode(429);
    }

    @Test
    void aClassBehindOneAddressIsNotLockedOutByTypos() {
        String classroom = newAddress();
        for (int learner = 0; learner < 5; learner++) {
            String email = newAccount();
            logIn(classroom, null, email, "typo-one").then().statusCode(401);
            logIn(classroom, null, email, "typo-two").then().statusCode(401);
            logIn(classroom, null, email, PASSWORD).then().statusCode(200);
        }
    }

    @Test
    void anAddressTryingManyAccountsWaitsAndOtherAddressesDoNot() {
        String sprayer = newAddress();
        for (int i = 0; i < 12; i++) {
            logIn(sprayer, null, Http.uniqueEmail(), "spray-" + i).then().statusCode(401);
        }
        String email = newAccount();
        logIn(sprayer, null, email, PASSWORD).then().statusCode(429).header("Retry-After", "1");
        logIn(newAddress(), null, email, PASSWORD).then().statusCode(200);
    }

    @Test
    void everyFailedLoginIsLoggedWithItsAccountAndAddressButNeverThePassword() {
        String email = newAccount();
        String address = newAddress();
        String secret = "Secret-Pa55word-" + System.nanoTime();
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(AccountService.class.getName());
        logger.addHandler(capture);
        try {
            for (int i = 0; i < 5; i++) {
                logIn(address, null, email, secret).then().statusCode(401);
            }
            logIn(address, null, email, secret).then().statusCode(429);
            String stranger = Http.uniqueEmail();
            logIn(address, null, stranger, secret).then().statusCode(401);
            assertEquals(5, lines.stream().filter(l -> l.equals("Failed login for " + email + " from " + address + ": wrong password")).count(), lines.toString());
            assertTrue(lines.contains("Failed login for " + email + " from " + address + ": refused, 1 second to wait after repeated failures"), lines.toString());
            assertTrue(lines.contains("Failed login for " + stranger + " from " + address + ": no such account"), lines.toString());
            assertFalse(lines.stream().anyMatch(l -> l.contains(secret)), lines.toString());
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void forgottenFailuresArePrunedSoTheCountersCannotGrowWithoutBound() {
        Instant longAgo = Instant.now().minusSeconds(2 * 3600);
        QuarkusTransaction.requiringNew().run(() -> Account.getEntityManager().createNativeQuery(
                        "insert into login_throttle (throttle_key, failures, last_failure_at) values ('address:192.0.2.250', 3, :at)")
                .setParameter("at", Timestamp.from(longAgo)).executeUpdate());
        logIn(newAddress(), null, Http.uniqueEmail(), "any-wrong-password").then().statusCode(401);
        long left = QuarkusTransaction.requiringNew().call(() -> ((Number) Account.getEntityManager().createNativeQuery(
                "select count(*) from login_throttle where last_failure_at < now() - interval '1 hour'").getSingleResult()).longValue());
        assertEquals(0, left);
    }

    @Test
    void onlyTheNewestTenTrustedBrowsersOfAnAccountAreKept() {
        String email = newAccount();
        String address = newAddress();
        for (int i = 0; i < 12; i++) {
            logIn(address, null, email, PASSWORD).then().statusCode(200);
        }
        long kept = QuarkusTransaction.requiringNew().call(() -> ((Number) Account.getEntityManager().createNativeQuery(
                        "select count(*) from login_device where account_key = :key")
                .setParameter("key", AccountService.accountKey(email)).getSingleResult()).longValue());
        assertEquals(10, kept);
    }

    @Test
    void signUpsFromOneAddressWaitAfterTheBurstAndAnotherAddressIsUnaffected() {
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            signUp(address, Http.uniqueEmail()).then().statusCode(201);
        }
        String refused = Http.uniqueEmail();
        String retryAfter = signUp(address, refused).then().statusCode(429)
                .contentType("application/problem+json")
                .body("detail", containsString("Too many sign-ups from your network: wait"))
                .extract().header("Retry-After");
        assertTrue(Long.parseLong(retryAfter) > 3000, retryAfter);
        String formRetryAfter = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .cookie(Http.CSRF_COOKIE, csrf).header("X-Forwarded-For", address)
                .formParam("csrf-token", csrf).formParam("email", refused).formParam("displayName", "Form")
                .formParam("password", PASSWORD)
                .post("/signup").then().statusCode(429)
                .body(containsString("Too many sign-ups from your network: wait 60 minutes and try again"))
                .extract().header("Retry-After");
        assertTrue(Long.parseLong(formRetryAfter) > 3000 && Long.parseLong(formRetryAfter) <= Long.parseLong(retryAfter), formRetryAfter);
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> Account.count("email", refused)));
        signUp(newAddress(), refused).then().statusCode(201);
    }
}
