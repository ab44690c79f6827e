package dev.convlab.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every refusal that Quarkus REST or Vert.x makes on its own is a problem+json that names what was wrong. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ErrorAnswersTest {

    private static final long LIMIT = 8 * 1024 * 1024;

    @TestHTTPResource
    URL root;

    @Test
    void aQueryParameterThatIsNotANumberIsNamed() {
        Http.instructor().json().accept("text/plain").get("/api/instructor/steps/convolutions/diff?from=abc&to=2").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("from: must be a whole number"))
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void aPathParameterThatIsNotANumberIsNamed() {
        Http.student().json().get("/api/runs/abc").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("id"));
    }

    @Test
    void anUnknownRouteIsAProblem() {
        given().accept("text/html").get("/no-such-page").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("There is nothing at /no-such-page"));
    }

    @Test
    void aWrongMethodIsAProblemNamingIt() {
        Http.visitor().json().put("/api/steps").then().statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", equalTo("GET, HEAD"))
                .body("detail", containsString("PUT is not allowed on /api/steps; allowed: GET, HEAD"));
        Http.visitor().json().get("/api/runs/12/cancel").then().statusCode(405)
                .header("Allow", equalTo("POST"));
    }

    @Test
    void aWrongBodyTypeIsAProblemNamingContentType() {
        Http.visitor().json().contentType("text/plain").body("hello").post("/api/accounts").then().statusCode(415)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Content-Type"))
                .body("detail", containsString("text/plain"));
    }

    @Test
    void anAnswerTypeNoRouteOffersIsAProblemNamingAccept() {
        given().accept("image/png").get("/api/steps").then().statusCode(406)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Accept"))
                .body("detail", containsString("image/png"));
    }

    @Test
    void aBodyOverTheLimitIsAProblemAndTheConnectionCloses() throws Exception {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/convolutions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (LIMIT + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readToEnd(socket.getInputStream());
            String[] parts = answer.split("\r\n\r\n", 2);
            String head = parts[0].toLowerCase(Locale.ROOT);
            assertTrue(head.startsWith("http/1.1 413 "), head);
            assertTrue(head.contains("content-type: application/problem+json"), head);
            assertTrue(head.contains("connection: close"), head);
            JsonNode problem = new ObjectMapper().readTree(parts[1]);
            assertEquals(413, problem.get("status").asInt());
            assertEquals("body", problem.get("errors").get(0).get("field").asText());
            assertEquals("The body of " + (LIMIT + 1) + " bytes is over the limit of " + LIMIT + " bytes", problem.get("detail").asText());
        }
    }

    @Test
    void aBodyInChunksWithoutALengthIsRefusedNamingContentLength() throws Exception {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/convolutions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String[] parts = readToEnd(socket.getInputStream()).split("\r\n\r\n", 2);
            assertTrue(parts[0].startsWith("HTTP/1.1 411 "), parts[0]);
            assertEquals("Content-Length", new ObjectMapper().readTree(parts[1]).get("errors").get(0).get("field").asText());
        }
    }

    @Test
    void aBodyAtTheLimitIsStillRead() {
        Http.visitor().json().body("x".repeat((int) LIMIT)).post("/api/convolutions").then().statusCode(400)
                .contentType("application/problem+json");
    }

    /** Everything the server sends until it closes the connection: a read past the end proves the close. */
    private static String readToEnd(InputStream in) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
