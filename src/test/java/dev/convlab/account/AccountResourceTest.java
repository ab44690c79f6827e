package dev.convlab.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class AccountResourceTest {

    @Test
    void signUpCreatesAStudentAndLogsIn() {
        Http http = Http.visitor();
        String email = Http.uniqueEmail();
        http.signUp(email.toUpperCase(), "Ada", "correct horse battery")
                .then().statusCode(201)
                .body("email", equalTo(email))
                .body("displayName", equalTo("Ada"))
                .body("role", equalTo("student"))
                .body("passwordHash", nullValue());
        http.json().get("/api/me").then().statusCode(200).body("email", equalTo(email));
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSite() {
        String header = Http.visitor().json()
                .body(Map.of("email", Http.uniqueEmail(), "displayName", "Cookie", "password", "a-long-enough-password"))
                .post("/api/accounts").then().statusCode(201).extract().headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Http.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(header.contains("HttpOnly"), header);
        assertTrue(header.contains("SameSite=Lax"), header);
    }

    @Test
    void passwordIsStoredAsBcryptHash() {
        String email = Http.uniqueEmail();
        Http.visitor().signUp(email, "Hash", "a-long-enough-password").then().statusCode(201);
        String hash = storedHash(email);
        assertTrue(hash.startsWith("$2"), hash);
        assertNotEquals("a-long-enough-password", hash);
    }

    private static String storedHash(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Account.findByEmail(email).orElseThrow().passwordHash);
    }

    @Test
    void malformedEmailIsRejectedNamingTheField() {
        Http.visitor().signUp("not-an-email", "Bad", "a-long-enough-password")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("email"));
    }

    @Test
    void shortPasswordIsRejectedAndNothingIsStored() {
        String email = Http.uniqueEmail();
        Http.visitor().signUp(email, "Short", "short").then().statusCode(400).body("errors.field", hasItem("password"));
        Http.visitor().logIn(email, "short").then().statusCode(401);
        assertEquals(0, countAccounts(email));
    }

    @Test
    void existingEmailIsAConflictAndKeepsTheFirstAccount() {
        String email = Http.uniqueEmail();
        Http.visitor().signUp(email, "First", "first-password-123").then().statusCode(201);
        Http.visitor().signUp(email, "Second", "second-password-123").then().statusCode(409).body("title", equalTo("Conflict"));
        Http.visitor().logIn(email, "first-password-123").then().statusCode(200).body("displayName", equalTo("First"));
        Http.visitor().logIn(email, "second-password-123").then().statusCode(401);
        assertEquals(1, countAccounts(email));
    }

    private static long countAccounts(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Account.count("email", Account.normalizeEmail(email)));
    }

    @Test
    void wrongPasswordIsUnauthorizedWithAProblemAnswer() {
        String email = Http.uniqueEmail();
        Http.visitor().signUp(email, "Wrong", "the-right-password").then().statusCode(201);
        Http.visitor().logIn(email, "the-wrong-password")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("detail", containsString("wrong"));
        Http.visitor().logIn("nobody-" + email, "the-right-password").then().statusCode(401);
    }

    @Test
    void logOutEndsTheSessionOnTheServer() {
        String email = Http.uniqueEmail();
        Http http = Http.visitor();
        http.signUp(email, "Leaving", "a-long-enough-password").then().statusCode(201);
        String session = http.session();
        http.json().delete("/api/session").then().statusCode(204);
        given().cookie(Http.SESSION_COOKIE, session).get("/api/me").then().statusCode(401);
    }

    @Test
    void anonymousMeIsUnauthorized() {
        given().accept(ContentType.JSON).get("/api/me").then().statusCode(401);
    }

    @Test
    void forgedSessionCookieIsAnonymous() {
        given().cookie(Http.SESSION_COOKIE, "forged-token").get("/api/me").then().statusCode(401);
        given().cookie(Http.SESSION_COOKIE, "forged-token").get("/").then().statusCode(200);
    }

    @Test
    void missingCsrfHeaderIsRefusedAndCreatesNothing() {
        String email = Http.uniqueEmail();
        Http.visitor().withoutCsrfHeader()
                .body(Map.of("email", email, "displayName", "Forged", "password", "a-long-enough-password"))
                .post("/api/accounts")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("CSRF"));
        assertEquals(0, countAccounts(email));
    }

    @Test
    void csrfHeaderNotMatchingTheCookieIsRefused() {
        String email = Http.uniqueEmail();
        given().contentType(ContentType.JSON)
                .cookie(Http.CSRF_COOKIE, Http.visitor().csrfToken())
                .header("X-CSRF-TOKEN", Http.visitor().csrfToken())
                .body(Map.of("email", email, "displayName", "Forged", "password", "a-long-enough-password"))
                .post("/api/accounts")
                .then().statusCode(403);
        assertEquals(0, countAccounts(email));
    }
}
