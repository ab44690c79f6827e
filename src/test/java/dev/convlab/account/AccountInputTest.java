package dev.convlab.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What sign-up, login and their pages accept: password length in bytes, redirects, characters, e-mail forms. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class AccountInputTest {

    @Inject
    StoredEmails storedEmails;

    private static long countAccounts(String emailPart) {
        return QuarkusTransaction.requiringNew().call(() -> Account.count("email like ?1", "%" + emailPart + "%"));
    }

    private static Response postForm(String path, String... fields) {
        String token = Http.visitor().csrfToken();
        var request = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .cookie(Http.CSRF_COOKIE, token).formParam("csrf-token", token);
        for (int i = 0; i < fields.length; i += 2) {
            request.formParam(fields[i], fields[i + 1]);
        }
        return request.post(path);
    }

    @Test
    void aPasswordOverSeventyTwoBytesIsRefusedThoughItHasFewerCharacters() {
        String email = Http.uniqueEmail();
        String fortyAccented = "é".repeat(40);
        Http.visitor().signUp(email, "Bytes", fortyAccented).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("password"))
                .body("errors[0].message", containsString("80 bytes"));
        postForm("/signup", "email", email, "displayName", "Bytes", "password", "ü".repeat(37)).then().statusCode(400)
                .body(containsString("Password is 74 bytes long in UTF-8, and at most 72 count"));
        assertEquals(0, countAccounts(email));
        String seventyTwoBytes = "é".repeat(36);
        Http.visitor().signUp(email, "Bytes", seventyTwoBytes).then().statusCode(201);
        Http.visitor().logIn(email, seventyTwoBytes).then().statusCode(200);
        Http.visitor().logIn(email, "é".repeat(35) + "e").then().statusCode(401);
    }

    @Test
    void everyOffSiteNextAfterLoginGoesToTheHomePage() {
        String email = Http.uniqueEmail();
        Http.visitor().signUp(email, "Next", "a-long-enough-password").then().statusCode(201);
        List<String> offSite = List.of("//evil.example", "//evil", "///evil", "/\\evil", "\\\\evil", "\\/evil",
                "https://evil.example/", "http:evil", "javascript:alert(1)", "%2F%2Fevil", "/%2F%2Fevil", "/%5Cevil",
                "/\tevil", "/\u0000evil", "/ /evil", "/\r\nLocation: //evil", "evil", "", " //evil", "/lesson/x?y=//evil",
                "/ｅｖｉｌ", "//ｅｖｉｌ");
        for (String next : offSite) {
            String location = postForm("/login", "email", email, "password", "a-long-enough-password", "next", next)
                    .then().statusCode(303).extract().header("Location");
            URI target = URI.create(location);
            assertEquals("/", target.getPath(), next + " → " + location);
            assertTrue(target.getHost() == null || target.getHost().equals("localhost"), next + " → " + location);
            assertEquals(null, target.getQuery(), next + " → " + location);
        }
        given().urlEncodingEnabled(false).get("/login?next=%2F%2Fevil.example").then().statusCode(200)
                .body(containsString("name=\"next\" value=\"/\""));
        given().urlEncodingEnabled(false).get("/login?next=/%5Cevil").then().statusCode(200)
                .body(containsString("name=\"next\" value=\"/\""));
        String location = postForm("/login", "email", email, "password", "a-long-enough-password", "next", "/lesson/im2col")
                .then().statusCode(303).extract().header("Location");
        assertEquals("/lesson/im2col", URI.create(location).getPath());
    }

    @Test
    void anAnonymousEditorLinkWithAnyCharacterInItsSlugRedirectsToTheLogin() {
        Map<String, String> slugs = Map.of("a%20b", "a b", "a%22b", "a\"b", "a%3Cb", "a<b", "a%3Eb", "a>b",
                "a'b", "a'b", "a%7Bb%7D", "a{b}", "a%25b", "a%b", "a%5Cb", "a\\b", "a%60b", "a`b", "a%7Cb", "a|b");
        slugs.forEach((encoded, slug) -> {
            String location = given().redirects().follow(false).urlEncodingEnabled(false)
                    .get("/instructor/steps/" + encoded).then().statusCode(303).extract().header("Location");
            String query = URI.create(location).getRawQuery();
            assertTrue(query.startsWith("next="), location);
            assertEquals("/instructor/steps/" + slug, URLDecoder.decode(query.substring(5), StandardCharsets.UTF_8), location);
        });
        given().cookie(Http.SESSION_COOKIE, Http.instructor().session()).urlEncodingEnabled(false)
                .get("/instructor/steps/a%20%3Cb%22").then().statusCode(404);
    }

    @Test
    void aNulByteInAnEmailOrNameIsRefusedNamingTheFieldAndNothingIsStored() {
        String tag = UUID.randomUUID().toString();
        Http.visitor().signUp("nul-" + tag + "\u0000@example.org", "Nul", "a-long-enough-password")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("email"));
        Http.visitor().signUp("nul-" + tag + "@example.org", "Nul\u0000Name", "a-long-enough-password")
                .then().statusCode(400).body("errors.field", equalTo(List.of("displayName")));
        postForm("/signup", "email", "nul-" + tag + "@example.org", "displayName", "Nul\u0000Name", "password", "a-long-enough-password")
                .then().statusCode(400).body(containsString("Name must not contain control characters"));
        Http.visitor().logIn("nul-" + tag + "\u0000@example.org", "a-long-enough-password")
                .then().statusCode(400).body("errors.field", equalTo(List.of("email")));
        postForm("/login", "email", "nul-" + tag + "\u0000@example.org", "password", "a-long-enough-password").then().statusCode(400);
        assertEquals(0, countAccounts(tag));
    }

    @Test
    void controlZeroWidthAndBidiCharactersInNamesAndEmailsAreRefused() {
        String tag = UUID.randomUUID().toString();
        for (String mark : List.of("\u0007", "\u001b", "\u007f", "\u0085", "\u00ad", "\u200b", "\u200c", "\u200d", "\u200e",
                "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\u2028", "\ufeff")) {
            Http.visitor().signUp("mark-" + tag + "@example.org", "Ada" + mark + "Lovelace", "a-long-enough-password")
                    .then().statusCode(400).body("errors.field", equalTo(List.of("displayName")));
            Http.visitor().signUp("mark-" + tag + mark + "x@example.org", "Ada", "a-long-enough-password")
                    .then().statusCode(400).body("errors.field", hasItem("email"));
        }
        assertEquals(0, countAccounts(tag));
        Http.visitor().signUp("mark-" + tag + "@example.org", "Zoë Ñandú 李", "a-long-enough-password").then().statusCode(201)
                .body("displayName", equalTo("Zoë Ñandú 李"));
    }

    @Test
    void aControlCharacterInAPathOrQueryIsAProblemNotAServerError() {
        Http student = Http.student();
        long accounts = QuarkusTransaction.requiringNew().call(() -> Account.count());
        for (String path : List.of("/api/steps/a%00b", "/lesson/a%00b", "/api/runs/1%00", "/api/me/kernels/k%00",
                "/instructor/steps/a%00b", "/api/steps/a%0Ab")) {
            student.json().urlEncodingEnabled(false).get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("path"));
        }
        student.json().urlEncodingEnabled(false).body(Map.of("weights", List.of(List.of(1))))
                .put("/api/me/kernels/k%00").then().statusCode(400).body("errors[0].field", equalTo("path"));
        student.json().urlEncodingEnabled(false).get("/api/leaderboard?dataset=digits%00").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("dataset"));
        student.json().urlEncodingEnabled(false).get("/login?next=/%00").then().statusCode(400)
                .body("errors[0].field", equalTo("next"));
        assertEquals(accounts, QuarkusTransaction.requiringNew().call(() -> Account.count()));
    }

    @Test
    void aFullwidthEmailIsTheSameAccountAsItsPlainForm() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String fullwidth = "ＡＤＡ" + tag + "＠ｅｘａｍｐｌｅ．ｏｒｇ";
        String plain = "ada" + tag + "@example.org";
        long id = Http.visitor().signUp(fullwidth, "Full", "a-long-enough-password").then().statusCode(201)
                .body("email", equalTo(plain)).extract().jsonPath().getLong("id");
        Http.visitor().signUp(plain, "Plain", "another-long-password").then().statusCode(409);
        Http.visitor().signUp("Ada" + tag + "@EXAMPLE.org", "Case", "another-long-password").then().statusCode(409);
        Http.visitor().logIn(plain.toUpperCase(), "a-long-enough-password").then().statusCode(200).body("id", equalTo((int) id));
        Http.visitor().logIn("ａｄａ" + tag + "@example.org", "a-long-enough-password").then().statusCode(200).body("id", equalTo((int) id));
        assertEquals(1, countAccounts(tag));
    }

    @Test
    void storedEmailsFromBeforeNfkcAreBroughtIntoItAndNoAccountIsMergedOrLost() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String old = "ｏｌｄ" + tag + "@example.org";
        String clash = "ｂｏｔｈ" + tag + "@example.org";
        String hash = io.quarkus.elytron.security.common.BcryptUtil.bcryptHash("an-old-long-password");
        QuarkusTransaction.requiringNew().run(() -> {
            for (String email : List.of(old, clash, "both" + tag + "@example.org")) {
                Account account = new Account();
                account.email = email;
                account.displayName = "Old";
                account.passwordHash = hash;
                account.role = Account.STUDENT;
                account.createdAt = Instant.now();
                account.persist();
            }
        });
        storedEmails.onStart(null);
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> Account.count("email", "old" + tag + "@example.org")));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> Account.count("email", clash)));
        assertEquals(3, countAccounts(tag));
        Http.visitor().logIn("old" + tag + "@example.org", "an-old-long-password").then().statusCode(200);
    }
}
