package dev.convlab.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.convlab.kernellab.SavedKernel;
import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CSRF tokens are signed by ConvLab and good only for the session they were issued to. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class CsrfTest {

    private static final Map<String, Object> KERNEL = Map.of("weights", List.of(List.of(List.of(1))));

    private static long savedKernels(Http learner) {
        String email = learner.json().get("/api/me").then().statusCode(200).extract().path("email");
        return QuarkusTransaction.requiringNew().call(() -> SavedKernel.countFor(Account.findByEmail(email).orElseThrow().id));
    }

    /** Saves kernel {@code name} as {@code learner} but with another token in both the cookie and the header. */
    private static Response saveWithToken(Http learner, String token, String name) {
        return given().contentType(ContentType.JSON).cookie(Http.SESSION_COOKIE, learner.session())
                .cookie(Http.CSRF_COOKIE, token).header("X-CSRF-TOKEN", token)
                .body(KERNEL).put("/api/me/kernels/" + name);
    }

    @Test
    void aTokenOfAnotherSessionIsRefused() {
        Http ada = Http.student();
        Http bo = Http.student();
        saveWithToken(ada, bo.csrfToken(), "borrowed").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("CSRF token is not this session's"));
        saveWithToken(ada, Http.visitor().csrfToken(), "anonymous").then().statusCode(403);
        assertEquals(0, savedKernels(ada));
        saveWithToken(ada, ada.csrfToken(), "own").then().statusCode(200);
        assertEquals(1, savedKernels(ada));
    }

    @Test
    void aTokenConvLabDidNotSignIsRefused() {
        Http ada = Http.student();
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        String resigned = ada.csrfToken().substring(0, ada.csrfToken().indexOf('.') + 1) + unsigned;
        for (String forged : List.of(unsigned, resigned, "", "a.b.c")) {
            saveWithToken(ada, forged, "forged").then().statusCode(403).contentType("application/problem+json");
        }
        assertEquals(0, savedKernels(ada));
    }

    @Test
    void loggingInReplacesTheTokenWithOneForTheNewSession() {
        Http visitor = Http.visitor();
        String before = visitor.csrfToken();
        String email = Http.uniqueEmail();
        visitor.signUp(email, "Switcher", "a-long-enough-password").then().statusCode(201);
        assertNotEquals(before, visitor.csrfToken());
        saveWithToken(visitor, before, "stale").then().statusCode(403);
        visitor.json().body(KERNEL).put("/api/me/kernels/fresh").then().statusCode(200);
    }

    @Test
    void aPageKeepsAGoodTokenSoOtherTabsStayValid() {
        Http ada = Http.student();
        Response page = given().cookie(Http.SESSION_COOKIE, ada.session()).cookie(Http.CSRF_COOKIE, ada.csrfToken()).get("/");
        page.then().statusCode(200).body(containsString("content=\"" + ada.csrfToken() + "\""));
        assertNull(page.getCookie(Http.CSRF_COOKIE));
    }
}
