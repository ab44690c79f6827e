package dev.convlab.i18n;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.convlab.platform.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/** A first visit speaks the browser's language: Japanese for a browser that asks for it, English for any other. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class LanguageNegotiationTest {

    @Test
    void aBrowserAskingForJapaneseGetsAJapanesePage() {
        page("ja-JP,ja;q=0.9,en;q=0.8").get("/login").then().statusCode(200)
                .body(containsString("<html lang=\"ja\">"))
                .body(containsString("<title>ログイン · ConvLab</title>"))
                .body(containsString(">新規登録</a>"))
                .body(containsString("本文へ移動"))
                .body(containsString("<label for=\"password\">パスワード</label>"))
                .body(not(containsString("Log in")));
    }

    @Test
    void aBrowserAskingForEnglishOrAnythingElseGetsAnEnglishPage() {
        for (String header : new String[] {"en-US,en;q=0.9", "de-DE,de;q=0.9", "en;q=0.9,ja;q=0.8", "ja;q=0", "*"}) {
            page(header).get("/login").then().statusCode(200)
                    .body(containsString("<html lang=\"en\">"))
                    .body(containsString("<title>Log in · ConvLab</title>"))
                    .body(containsString(">Sign up</a>"))
                    .body(not(containsString("新規登録")));
        }
    }

    @Test
    void aBrowserSayingNothingGetsEnglish() {
        given().get("/signup").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("<h1>Create your account</h1>"));
    }

    @Test
    void theChoiceOnThisBrowserOverridesTheBrowsersLanguage() {
        page("en-US").cookie(RequestLanguage.COOKIE, "ja").get("/signup").then().statusCode(200)
                .body(containsString("<html lang=\"ja\">"))
                .body(containsString("<h1>アカウントを作成</h1>"));
        page("ja").cookie(RequestLanguage.COOKIE, "en").get("/signup").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"));
    }

    @Test
    void aCookieNamingNoLanguageWeSpeakIsIgnored() {
        page("ja").cookie(RequestLanguage.COOKIE, "klingon").get("/login").then().statusCode(200)
                .body(containsString("<html lang=\"ja\">"));
    }

    @Test
    void theSwitchMarksTheLanguageOfThePageAndComesBackToIt() {
        page("ja").get("/signup").then().statusCode(200)
                .body(containsString("name=\"next\" value=\"/signup\""))
                .body(containsString("value=\"ja\" lang=\"ja\" aria-pressed=\"true\""))
                .body(containsString("value=\"en\" lang=\"en\" aria-pressed=\"false\""));
    }

    private static RequestSpecification page(String acceptLanguage) {
        return given().header("Accept-Language", acceptLanguage);
    }
}
