package dev.convlab.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.i18n.RequestLanguage;
import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The header's switch: a cookie for this browser, the account's own choice for a learner, and back to the page. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class LanguageSwitchTest {

    private static final String PASSWORD = "a-long-enough-password";

    @Test
    void aVisitorsChoiceIsKeptInACookieForAYearAndTheyComeBackToThePage() {
        Http visitor = Http.visitor();
        Response switched = choose(visitor, "ja", "/classes/12");
        switched.then().statusCode(303).header("Location", endsWith("/classes/12"));
        String cookie = switched.getHeader("Set-Cookie");
        assertTrue(cookie.contains(RequestLanguage.COOKIE + "=ja"), cookie);
        assertTrue(cookie.contains("Max-Age=31536000"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);
        given().header("Accept-Language", "en-US").cookie(RequestLanguage.COOKIE, switched.cookie(RequestLanguage.COOKIE))
                .get("/login").then().statusCode(200).body(containsString("<html lang=\"ja\">"));
    }

    @Test
    void theSwitchGoesBackOnlyToAPathOfThisSite() {
        Http visitor = Http.visitor();
        for (String next : new String[] {"//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", ""}) {
            choose(visitor, "en", next).then().statusCode(303).header("Location", not(containsString("evil")))
                    .header("Location", endsWith("/"));
        }
    }

    @Test
    void aLanguageWeDoNotSpeakIsRefusedNamingTheField() {
        Http visitor = Http.visitor();
        for (String bad : new String[] {"xx", "", "<script>"}) {
            choose(visitor, bad, "/").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("language"))
                    .header("Set-Cookie", not(containsString(RequestLanguage.COOKIE)));
        }
        form(visitor).formParam("next", "/").post("/language").then().statusCode(400).body("errors[0].field", equalTo("language"));
    }

    @Test
    void theSwitchNeedsTheCsrfToken() {
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("language", "ja").post("/language")
                .then().statusCode(403).header("Set-Cookie", not(containsString(RequestLanguage.COOKIE)));
    }

    @Test
    void aLearnerKeepsTheLanguageTheySignedUpIn() {
        String japanese = Http.uniqueEmail();
        signUp(japanese, "ja").then().statusCode(201);
        assertEquals("ja", storedLanguage(japanese));
        String english = Http.uniqueEmail();
        signUp(english, "de-DE").then().statusCode(201);
        assertEquals("en", storedLanguage(english));
    }

    @Test
    void aLearnersChoiceIsStoredAndTakesEffectOnTheNextPage() {
        String email = Http.uniqueEmail();
        Http learner = Http.visitor();
        learner.signUp(email, "Switcher", PASSWORD).then().statusCode(201);
        assertEquals("en", storedLanguage(email));
        page(learner, "en").then().body(containsString("<html lang=\"en\">"));

        choose(learner, "ja", "/classes").then().statusCode(303);

        assertEquals("ja", storedLanguage(email));
        page(learner, "en").then().body(containsString("<html lang=\"ja\">")).body(containsString(">ログアウト</button>"));
    }

    @Test
    void theAccountsLanguageFollowsTheLearnerToANewBrowserAndOverridesItsCookie() {
        String email = Http.uniqueEmail();
        Http first = Http.visitor();
        first.signUp(email, "Traveller", PASSWORD).then().statusCode(201);
        choose(first, "ja", "/").then().statusCode(303);
        given().cookie(Http.SESSION_COOKIE, first.session()).cookie(Http.CSRF_COOKIE, first.csrfToken())
                .contentType(ContentType.URLENC).formParam("csrf-token", first.csrfToken()).redirects().follow(false)
                .post("/logout").then().statusCode(303);

        Http elsewhere = Http.visitor();
        elsewhere.logIn(email, PASSWORD).then().statusCode(200);
        page(elsewhere, "en-US").then().body(containsString("<html lang=\"ja\">"));
        given().cookie(Http.SESSION_COOKIE, elsewhere.session()).cookie(RequestLanguage.COOKIE, "en").header("Accept-Language", "en")
                .get("/classes").then().statusCode(200).body(containsString("<html lang=\"ja\">"));
    }

    private static Response choose(Http browser, String language, String next) {
        return form(browser).formParam("language", language).formParam("next", next).post("/language");
    }

    /** A form post as the header's switch sends it: the CSRF cookie and field, and the session if logged in. */
    private static RequestSpecification form(Http browser) {
        RequestSpecification request = given().redirects().follow(false).contentType(ContentType.URLENC)
                .cookie(Http.CSRF_COOKIE, browser.csrfToken()).formParam("csrf-token", browser.csrfToken());
        return browser.session() == null ? request : request.cookie(Http.SESSION_COOKIE, browser.session());
    }

    /** A page that needs a login, as this browser asks for it without any language cookie. */
    private static Response page(Http browser, String acceptLanguage) {
        Response page = given().cookie(Http.SESSION_COOKIE, browser.session()).header("Accept-Language", acceptLanguage).get("/classes");
        page.then().statusCode(200);
        return page;
    }

    private static Response signUp(String email, String acceptLanguage) {
        Http visitor = Http.visitor();
        return visitor.json().header("Accept-Language", acceptLanguage)
                .body(Map.of("email", email, "displayName", "Speaker", "password", PASSWORD)).post("/api/accounts");
    }

    private static String storedLanguage(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Account.findByEmail(email).orElseThrow().language);
    }
}
