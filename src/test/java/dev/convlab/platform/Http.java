package dev.convlab.platform;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** A browser-like client for API tests: it holds a CSRF token and, once logged in, a session cookie. */
public final class Http {

    public static final String CSRF_COOKIE = "convlab_csrf";
    public static final String SESSION_COOKIE = "convlab_session";

    private String csrfToken;
    private String session;

    private Http(String csrfToken) {
        this.csrfToken = csrfToken;
    }

    /** A fresh visitor: loads the home page to receive its CSRF cookie. */
    public static Http visitor() {
        String token = given().get("/").then().statusCode(200).extract().cookie(CSRF_COOKIE);
        return new Http(token);
    }

    /** A fresh visitor that signed up as a student with a unique e-mail. */
    public static Http student() {
        Http http = visitor();
        http.signUp(uniqueEmail(), "Test Learner", "a-long-enough-password").then().statusCode(201);
        return http;
    }

    /** The test profile's instructor, logged in. */
    public static Http instructor() {
        Http http = visitor();
        http.logIn("instructor@convlab.test", "test-only-instructor").then().statusCode(200);
        return http;
    }

    public static String uniqueEmail() {
        return "learner-" + UUID.randomUUID() + "@example.org";
    }

    public Response signUp(String email, String name, String password) {
        Response response = json().body(Map.of("email", email, "displayName", name, "password", password)).post("/api/accounts");
        keepSession(response);
        return response;
    }

    public Response logIn(String email, String password) {
        Response response = json().body(Map.of("email", email, "password", password)).post("/api/session");
        keepSession(response);
        return response;
    }

    /** Chooses a language with the header's switch (a form post), which a logged-in learner's account keeps. */
    public Response chooseLanguage(String tag) {
        RequestSpecification form = given().redirects().follow(false).contentType(ContentType.URLENC)
                .cookie(CSRF_COOKIE, csrfToken).formParam("csrf-token", csrfToken).formParam("language", tag).formParam("next", "/");
        Response response = (session == null ? form : form.cookie(SESSION_COOKIE, session)).post("/language");
        response.then().statusCode(303);
        return response;
    }

    /** A request with the CSRF cookie and header and, if logged in, the session cookie. */
    public RequestSpecification json() {
        RequestSpecification spec = given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .cookie(CSRF_COOKIE, csrfToken).header("X-CSRF-TOKEN", csrfToken);
        return session == null ? spec : spec.cookie(SESSION_COOKIE, session);
    }

    /** A request that carries the cookies but no CSRF header, as a forged cross-site call would. */
    public RequestSpecification withoutCsrfHeader() {
        RequestSpecification spec = given().contentType(ContentType.JSON).cookie(CSRF_COOKIE, csrfToken);
        return session == null ? spec : spec.cookie(SESSION_COOKIE, session);
    }

    /** Asks for run {@code id} until {@code done} holds, while the app (or its database) may be restarting. */
    public JsonPath awaitRun(long id, Predicate<JsonPath> done, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                Response response = json().get("/api/runs/" + id);
                if (response.statusCode() == 200 && done.test(response.jsonPath())) {
                    return response.jsonPath();
                }
            } catch (RuntimeException e) {
                // the app or its database is coming back: ask again
            }
            Thread.sleep(250);
        }
        throw new AssertionError("run " + id + " did not get there in " + timeout);
    }

    public String csrfToken() {
        return csrfToken;
    }

    public String session() {
        return session;
    }

    /** Keeps a new session, and the CSRF token that logging in binds to it. */
    private void keepSession(Response response) {
        String cookie = response.getCookie(SESSION_COOKIE);
        if (cookie != null && !cookie.isEmpty()) {
            session = cookie;
        }
        String token = response.getCookie(CSRF_COOKIE);
        if (token != null && !token.isEmpty()) {
            csrfToken = token;
        }
    }
}
