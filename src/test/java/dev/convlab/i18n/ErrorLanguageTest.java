package dev.convlab.i18n;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Problem answers, validation messages and form refusals speak the request's language; field names stay API names. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ErrorLanguageTest {

    private static final Map<String, Object> STRIDE_ZERO = Map.of(
            "input", Map.of("dataset", "mnist", "indices", List.of(0)), "kernels", List.of(List.of(List.of(1, 0), List.of(0, 1))), "stride", 0);
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    @TestHTTPResource
    URL root;

    private static RequestSpecification japanese(Http client) {
        return client.json().header("Accept-Language", "ja,en;q=0.5");
    }

    @Test
    void anInvalidConvolutionFieldIsExplainedInJapaneseUnderItsApiName() {
        japanese(Http.visitor()).body(STRIDE_ZERO).post("/api/convolutions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("リクエストが正しくありません"))
                .body("detail", equalTo("stride: 1〜8 の整数か、[縦, 横] で指定してください"))
                .body("errors[0].field", equalTo("stride"))
                .body("errors[0].message", equalTo("1〜8 の整数か、[縦, 横] で指定してください"));
    }

    @Test
    void withoutAcceptLanguageTheSameRefusalIsInEnglish() {
        Http.visitor().json().body(STRIDE_ZERO).post("/api/convolutions").then().statusCode(400)
                .body("title", equalTo("Invalid request"))
                .body("detail", equalTo("stride: must be a whole number from 1 to 8, or [vertical, horizontal]"));
    }

    @Test
    void theLanguageCookieWinsOverAnEnglishAcceptLanguage() {
        Http.visitor().json().cookie(RequestLanguage.COOKIE, "ja").header("Accept-Language", "en")
                .body(STRIDE_ZERO).post("/api/convolutions").then().statusCode(400)
                .body("detail", equalTo("stride: 1〜8 の整数か、[縦, 横] で指定してください"));
    }

    @Test
    void anUnknownPageIsNotFoundInJapanese() {
        given().header("Accept-Language", "ja").accept("text/html").get("/no-such-page").then().statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("見つかりません"))
                .body("detail", equalTo("/no-such-page には何もありません"));
    }

    @Test
    void aWrongMethodIsNamedInJapaneseWithTheMethodsAllowed() {
        japanese(Http.visitor()).put("/api/steps").then().statusCode(405)
                .header("Allow", equalTo("GET, HEAD"))
                .body("title", equalTo("許可されていないメソッドです"))
                .body("detail", equalTo("/api/steps では PUT は使えません（使えるメソッド: GET, HEAD）"));
    }

    @Test
    void aBodyOverTheLimitIsRefusedInJapaneseBeforeItIsRead() throws Exception {
        long limit = 8 * 1024 * 1024;
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/convolutions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAccept-Language: ja\r\n"
                    + "Content-Length: " + (limit + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            String[] parts = answer.toString(StandardCharsets.UTF_8).split("\r\n\r\n", 2);
            assertTrue(parts[0].startsWith("HTTP/1.1 413 "), parts[0]);
            JsonNode problem = new ObjectMapper().readTree(parts[1]);
            assertEquals("リクエスト本文が大きすぎます", problem.get("title").asText());
            assertEquals("本文の " + (limit + 1) + " バイトは上限の " + limit + " バイトを超えています", problem.get("detail").asText());
            assertEquals("body", problem.get("errors").get(0).get("field").asText());
        }
    }

    @Test
    void repeatedFailedLoginsWaitWithRetryAfterAndSayHowLongInJapanese() {
        String email = Http.uniqueEmail();
        Http.visitor().signUp(email, "Waiting", "the-right-password").then().statusCode(201);
        Http client = Http.visitor();
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            japanese(client).header("X-Forwarded-For", address).body(Map.of("email", email, "password", "wrong-" + i))
                    .post("/api/session").then().statusCode(401)
                    .body("title", equalTo("ログインできませんでした"))
                    .body("detail", equalTo("メールアドレスまたはパスワードが正しくありません"));
        }
        String retryAfter = japanese(client).header("X-Forwarded-For", address).body(Map.of("email", email, "password", "wrong-6"))
                .post("/api/session").then().statusCode(429)
                .body("title", equalTo("リクエストが多すぎます"))
                .body("detail", matchesPattern("ログインの失敗が続いています。\\d+ (秒|分)待ってからもう一度お試しください"))
                .extract().header("Retry-After");
        assertTrue(Long.parseLong(retryAfter) >= 1, retryAfter);
    }

    @Test
    void aRefusedLoginFormSaysWhyInJapanese() {
        String csrf = Http.visitor().csrfToken();
        given().redirects().follow(false).header("Accept-Language", "ja").header("X-Forwarded-For", newAddress())
                .contentType("application/x-www-form-urlencoded").cookie(Http.CSRF_COOKIE, csrf)
                .formParam("csrf-token", csrf).formParam("email", Http.uniqueEmail()).formParam("password", "not-the-password")
                .post("/login").then().statusCode(401)
                .contentType(ContentType.HTML)
                .body(containsString("メールアドレスまたはパスワードが正しくありません"));
    }

    @Test
    void aSignUpFormWithBlankFieldsNamesThemInJapanese() {
        String csrf = Http.visitor().csrfToken();
        Response page = given().redirects().follow(false).header("Accept-Language", "ja").header("X-Forwarded-For", newAddress())
                .contentType("application/x-www-form-urlencoded").cookie(Http.CSRF_COOKIE, csrf)
                .formParam("csrf-token", csrf).formParam("email", Http.uniqueEmail()).formParam("displayName", "")
                .formParam("password", "short").post("/signup");
        page.then().statusCode(400).contentType(ContentType.HTML)
                .body(containsString("下の項目を修正してください。"))
                .body(containsString("必須です"))
                .body(containsString("10〜200 文字で入力してください"));
    }

    @Test
    void beanValidationMessagesFollowTheRequestLanguageAndKeepFieldNames() {
        Map<String, String> blankName = Map.of("email", Http.uniqueEmail(), "displayName", "", "password", "a-long-enough-password");
        japanese(Http.visitor()).header("X-Forwarded-For", newAddress()).body(blankName).post("/api/accounts").then().statusCode(400)
                .body("title", equalTo("リクエストが正しくありません"))
                .body("errors.find { it.field == 'displayName' }.message", equalTo("必須です"));
        Http.visitor().json().header("X-Forwarded-For", newAddress()).body(blankName).post("/api/accounts").then().statusCode(400)
                .body("errors.find { it.field == 'displayName' }.message", equalTo("is required"));
        Http.visitor().json().cookie(RequestLanguage.COOKIE, "ja").header("Accept-Language", "en").header("X-Forwarded-For", newAddress())
                .body(blankName).post("/api/accounts").then().statusCode(400)
                .body("errors.find { it.field == 'displayName' }.message", equalTo("必須です"));
    }

    @Test
    void aRequestWithoutItsCsrfTokenIsRefusedInJapanese() {
        Http.visitor().withoutCsrfHeader().header("Accept-Language", "ja").body(STRIDE_ZERO).post("/api/convolutions").then()
                .statusCode(403)
                .body("title", equalTo("許可されていません"))
                .body("detail", equalTo("CSRF トークンがないため、リクエストを受け付けませんでした。ページを再読み込みしてもう一度お試しください"));
    }

    @Test
    void anUnreadableExerciseAnswerIsExplainedInTheLearnersLanguage() {
        Http learner = Http.student();
        learner.chooseLanguage("ja");
        String attempts = "/api/steps/one-kernel-one-spot/exercises/top-edge-at-spot/attempts";
        japanese(learner).body(Map.of("answer", "twelve")).post(attempts).then().statusCode(400)
                .body("errors[0].field", equalTo("answer"))
                .body("errors[0].message", equalTo("数値として読み取れません。単語や単位を付けず、1168、1,168、2.5 のように数値だけを入力してください。"));
        learner.chooseLanguage("en");
        learner.json().body(Map.of("answer", "twelve")).post(attempts).then().statusCode(400)
                .body("errors[0].message", equalTo(
                        "That is not a number we can read. Type just the number, for example 1168, 1,168 or 2.5, without words or units."));
    }

    @Test
    void aNetworkThatCannotBeBuiltIsExplainedInJapanese() {
        japanese(Http.visitor()).body(Map.of("kernelSize", 4)).post("/api/architectures").then().statusCode(400)
                .body("errors[0].field", equalTo("kernelSize"))
                .body("errors[0].message", equalTo("カーネルサイズは 3 か 5 にしてください"));
        japanese(Http.visitor()).body(Map.of("channels", List.of(4, 8))).post("/api/architectures").then().statusCode(400)
                .body("errors[0].field", equalTo("channels"))
                .body("errors[0].message", startsWith("flatten ヘッドには最後の特徴マップが 1×1 である必要があります"));
    }

    @Test
    void aKernelAnswerIsJudgedInTheLearnersLanguage() {
        Http learner = Http.student();
        learner.chooseLanguage("ja");
        learner.json().body(Map.of("answer", "-1 -1 -1; 0 0 0; 1 1 1"))
                .post("/api/steps/sliding-everywhere/exercises/bottom-edge-kernel/attempts").then().statusCode(200)
                .body("correct", equalTo(false))
                .body("feedback", containsString("まだ見ていない 64 個の数字で"))
                .body("feedback", containsString("r = -1.00"))
                .body("feedback", containsString("符号を反転してみてください"));
    }

    @Test
    void aBrokenFrontMatterInTheEditorsPreviewIsExplainedInJapanese() {
        String broken = "---\nslug: one-kernel-one-spot\ntitle: 壊れたステップ\norder: 2\nwidget: x\n---\n本文\n";
        japanese(Http.instructor()).body(Map.of("source", broken)).post("/api/instructor/preview").then().statusCode(400)
                .body("title", equalTo("リクエストが正しくありません"))
                .body("detail", equalTo("source: 5 行目：フロントマターに使えない項目「widget」があります"))
                .body("errors[0].field", equalTo("source"));
    }

    @Test
    void aDraftWithBadWidgetsAndExercisesIsRefusedInJapaneseWithEveryProblem() {
        String draft = """
                ---
                slug: one-kernel-one-spot
                title: 一つのカーネル
                order: 2
                exercises:
                  - key: Bad Key
                    kind: number
                    prompt: いくつ？
                    answer: [1, 2]
                ---
                ::pixel-grid{broken

                ::no-such-widget
                """;
        japanese(Http.instructor()).body(Map.of("source", draft, "baseRevision", 0, "language", "ja"))
                .put("/api/instructor/steps/one-kernel-one-spot/draft").then().statusCode(400)
                .body("errors[0].message", equalTo("演習のキー「Bad Key」は英小文字、数字、ハイフンだけで書いてください; "
                        + "kind が number の演習「Bad Key」には、answer の値をちょうど 1 つ書いてください; "
                        + "11 行目：ウィジェットのディレクティブ「::pixel-grid{broken」の書き方が正しくありません; "
                        + "「no-such-widget」という名前のウィジェットはありません"));
    }

    @Test
    void aBrokenFileInAnImportedZipIsNamedAndExplainedInTheInstructorsLanguage() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("02-bad.md"));
            zip.write("---\nslug: test-step-bad\ntitle: Bad\norder: 2\nwidget: x\n---\n".getBytes(StandardCharsets.UTF_8));
        }
        Http instructor = Http.instructor();
        japanese(instructor).contentType("application/zip").body(bytes.toByteArray()).post("/api/instructor/lesson.zip").then()
                .statusCode(400)
                .body("title", equalTo("レッスンを取り込めませんでした"))
                .body("detail", equalTo("1 件の問題があるため、何も取り込んでいません"))
                .body("errors[0].field", equalTo("02-bad.md"))
                .body("errors[0].message", equalTo("5 行目：フロントマターに使えない項目「widget」があります"));
        instructor.json().contentType("application/zip").body(bytes.toByteArray()).post("/api/instructor/lesson.zip").then()
                .statusCode(400)
                .body("errors[0].message", equalTo("line 5: unknown field 'widget'"));
    }

    /** A client address of its own for each use, so that no two tests share a limit's counter. */
    private static String newAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return "203.0.113." + n;
    }
}
