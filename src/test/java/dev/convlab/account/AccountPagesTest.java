package dev.convlab.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class AccountPagesTest {

    private static Response postForm(String path, String csrfCookie, String csrfField, String... fields) {
        var request = given().redirects().follow(false).contentType("application/x-www-form-urlencoded");
        if (csrfCookie != null) {
            request.cookie(Http.CSRF_COOKIE, csrfCookie);
        }
        if (csrfField != null) {
            request.formParam("csrf-token", csrfField);
        }
        for (int i = 0; i < fields.length; i += 2) {
            request.formParam(fields[i], fields[i + 1]);
        }
        return request.post(path);
    }

    @Test
    void signUpFormCarriesTheCsrfToken() {
        Response page = given().get("/signup");
        String token = page.cookie(Http.CSRF_COOKIE);
        page.then().statusCode(200).body(containsString("name=\"csrf-token\" value=\"" + token + "\""));
    }

    @Test
    void signUpFormLogsInAndRedirectsHome() {
        String token = Http.visitor().csrfToken();
        String email = Http.uniqueEmail();
        Response response = postForm("/signup", token, token, "email", email, "displayName", "Form", "password", "a-long-enough-password");
        response.then().statusCode(303).header("Location", containsString("/"));
        given().cookie(Http.SESSION_COOKIE, response.cookie(Http.SESSION_COOKIE)).get("/")
                .then().statusCode(200).body(containsString("Your progress")).body(containsString("Form"));
    }

    @Test
    void signUpFormWithoutCsrfTokenIsRefused() {
        String token = Http.visitor().csrfToken();
        String email = Http.uniqueEmail();
        postForm("/signup", token, null, "email", email, "displayName", "NoToken", "password", "a-long-enough-password")
                .then().statusCode(403);
        postForm("/signup", token, "forged" + token.substring(6), "email", email, "displayName", "Forged", "password", "a-long-enough-password")
                .then().statusCode(403);
        assertEquals(0, countAccounts(email));
    }

    @Test
    void signUpFormShowsFieldErrors() {
        String token = Http.visitor().csrfToken();
        postForm("/signup", token, token, "email", "nope", "displayName", "Bad", "password", "short")
                .then().statusCode(400)
                .body(containsString("E-mail is not a valid e-mail address"))
                .body(containsString("Password must be 10 to 200 characters"));
    }

    @Test
    void wrongLoginShowsTheFormAgain() {
        String token = Http.visitor().csrfToken();
        postForm("/login", token, token, "email", Http.uniqueEmail(), "password", "not-the-password")
                .then().statusCode(401).body(containsString("The e-mail or the password is wrong"))
                .header("Set-Cookie", not(containsString(Http.SESSION_COOKIE)));
    }

    @Test
    void loginFormRedirectsOnlyToLocalPaths() {
        String email = Http.uniqueEmail();
        Http.visitor().signUp(email, "Next", "a-long-enough-password").then().statusCode(201);
        String token = Http.visitor().csrfToken();
        postForm("/login", token, token, "email", email, "password", "a-long-enough-password", "next", "/lesson/im2col")
                .then().statusCode(303).header("Location", containsString("/lesson/im2col"));
        postForm("/login", token, token, "email", email, "password", "a-long-enough-password", "next", "//evil.example/")
                .then().statusCode(303).header("Location", not(containsString("evil")));
    }

    private static long countAccounts(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Account.count("email", Account.normalizeEmail(email)));
    }
}
