package dev.convlab.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class SecurityHeadersTest {

    @Inject
    ImportMap importMap;

    @Test
    void pagesApiStaticFilesAndErrorsAllCarryTheSecurityHeaders() {
        for (String path : new String[] {"/", "/login", "/api/steps", "/app/css/convlab.css", "/app/js/api.js", "/no-such-page"}) {
            given().accept(path.startsWith("/api") ? "application/json" : "text/html").get(path).then()
                    .header("Content-Security-Policy", containsString("script-src 'self' 'sha256-"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", not(containsString("script-src 'self' 'unsafe-inline'")))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("strict-origin-when-cross-origin"))
                    .header("Strict-Transport-Security", nullValue());
        }
    }

    @Test
    void thePagesOnlyInlineScriptIsTheImportMapWhoseHashThePolicyNames() {
        var response = given().get("/").then().statusCode(200).extract();
        var inline = Jsoup.parse(response.asString()).select("script:not([src])");
        assertEquals(1, inline.size(), inline.toString());
        assertEquals("importmap", inline.get(0).attr("type"));
        String text = inline.get(0).data();
        assertEquals(importMap.json().getValue(), text);
        String hash = "'sha256-" + Sha256.base64(text.getBytes(StandardCharsets.UTF_8)) + "'";
        assertEquals("script-src 'self' " + hash, response.header("Content-Security-Policy").split("; ")[1]);
        given().get(text.replaceAll("(?s).*\"lit\" : \"([^\"]+)\".*", "$1")).then().statusCode(200);
    }

    @Test
    void eachPageGetsAStyleNonceOfItsOwnThatThePolicyAllows() {
        var first = given().get("/").then().statusCode(200).extract();
        var second = given().get("/").then().statusCode(200).extract();
        String nonce = Jsoup.parse(first.asString()).selectFirst("meta[name=csp-nonce]").attr("content");
        assertTrue(first.header("Content-Security-Policy").contains("style-src 'self' 'nonce-" + nonce + "'"), first.header("Content-Security-Policy"));
        assertNotEquals(nonce, Jsoup.parse(second.asString()).selectFirst("meta[name=csp-nonce]").attr("content"));
    }

    @Test
    void strictTransportSecurityIsSentOnlyWhenConvLabIsServedOverHttps() {
        Map<String, String> https = SecurityHeaders.headers("'sha256-x'", "n", true);
        assertEquals("max-age=31536000", https.get("Strict-Transport-Security"));
        assertFalse(SecurityHeaders.headers("'sha256-x'", "n", false).containsKey("Strict-Transport-Security"));
    }
}
