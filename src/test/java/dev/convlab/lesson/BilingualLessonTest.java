package dev.convlab.lesson;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.i18n.Language;
import dev.convlab.i18n.RequestLanguage;
import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import dev.convlab.progress.ExerciseAttempt;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lesson in English and Japanese: serving, fallback, one exercise per key, translations behind, import and export. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class BilingualLessonTest {

    private static final String STEP_2 = "one-kernel-one-spot";

    @Inject
    LessonImporter importer;

    private final String slug = "test-step-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void retireTestSteps() {
        QuarkusTransaction.requiringNew().run(() -> Step.update("retired = true where slug like 'test-step-%'"));
    }

    private static String stepFile(String slug, String title, String body, String answer, String prompt) {
        return "---\nslug: " + slug + "\ntitle: " + title + "\norder: 940\nexercises:\n  - key: q\n    kind: number\n    prompt: \""
                + prompt + "\"\n    answer: " + answer + "\n    hint: \"" + prompt + " hint\"\n    explanation: \"" + prompt + " explanation\"\n---\n" + body + "\n";
    }

    private String english(String body) {
        return stepFile(slug, "English title", body, "3", "How many?");
    }

    private String japanese(String body, String answer) {
        return stepFile(slug, "日本語のタイトル", body, answer, "いくつですか？");
    }

    /** A lesson folder with the English file and, if given, its Japanese under ja/. */
    private static Path folder(String englishFile, String japaneseFile) throws IOException {
        Path folder = Files.createTempDirectory("lesson");
        Files.writeString(folder.resolve("01-step.md"), englishFile);
        if (japaneseFile != null) {
            Files.createDirectory(folder.resolve("ja"));
            Files.writeString(folder.resolve("ja").resolve("01-step.md"), japaneseFile);
        }
        return folder;
    }

    private static Document page(String path, String language) {
        return Jsoup.parse(given().header("Accept-Language", language).accept(ContentType.HTML).get(path)
                .then().statusCode(200).extract().asString());
    }

    private long revisions(Language language) {
        return QuarkusTransaction.requiringNew().call(() -> StepRevision.count("step.slug = ?1 and language = ?2", slug, language));
    }

    @Test
    void aStepIsServedInTheReadersLanguageWithItsExercisesInTheSameWords() {
        given().header("Accept-Language", "ja").get("/api/steps/" + STEP_2).then().statusCode(200)
                .body("step.title", equalTo("1 つのカーネルを 1 か所に")).body("step.language", equalTo("ja"))
                .body("step.fallback", equalTo(false))
                .body("html", containsString("上エッジカーネル"))
                .body("exercises[0].key", equalTo("top-edge-at-spot"))
                .body("exercises[0].promptHtml", containsString("応答"));
        given().header("Accept-Language", "en").get("/api/steps/" + STEP_2).then().statusCode(200)
                .body("step.title", equalTo("One kernel, one spot")).body("step.language", equalTo("en"))
                .body("html", not(containsString("上エッジカーネル")));
        given().cookie(RequestLanguage.COOKIE, "ja").get("/api/steps").then().statusCode(200)
                .body("find { it.slug == 'images-are-numbers' }.title", equalTo(japaneseTitle("01-images-are-numbers.md")));

        Document step = page("/lesson/" + STEP_2, "ja");
        assertEquals("ja", step.selectFirst("html").attr("lang"));
        assertEquals("1 つのカーネルを 1 か所に", step.selectFirst("h1").text());
        assertEquals("確認問題", step.selectFirst("#exercises-heading").text());
        assertTrue(step.selectFirst(".prompt").text().contains("応答"), step.selectFirst(".prompt").text());
        assertNull(step.selectFirst("#language-fallback"));
        Document index = page("/", "ja");
        assertEquals("手を動かして学ぶ畳み込み", index.selectFirst("h1").text());
        assertEquals(japaneseTitle("01-images-are-numbers.md"), index.selectFirst(".step-title").text());
    }

    @Test
    void theChosenLanguageWinsOverAcceptLanguageForTheLessonAndTheWordsAroundIt() {
        Document step = Jsoup.parse(given().cookie(RequestLanguage.COOKIE, "ja").header("Accept-Language", "en-US,en;q=0.9")
                .accept(ContentType.HTML).get("/lesson/" + STEP_2).then().statusCode(200).extract().asString());
        assertEquals("1 つのカーネルを 1 か所に", step.selectFirst("h1").text());
        assertEquals("確認問題", step.selectFirst("#exercises-heading").text());
        assertEquals("授業", step.selectFirst(".breadcrumbs a").text());
    }

    @Test
    void theNotFoundPageNamesTheSlugEscapedInTheReadersLanguage() {
        String body = given().header("Accept-Language", "ja").accept(ContentType.HTML).get("/lesson/{slug}", "<b>bold</b>")
                .then().statusCode(404).extract().asString();
        assertTrue(body.contains("「&lt;b&gt;bold&lt;/b&gt;」という手順はありません"), body);
    }

    private static String japaneseTitle(String file) {
        try {
            String text = Files.readString(Path.of("content/convolutions/ja", file));
            return text.lines().filter(l -> l.startsWith("title: ")).findFirst().orElseThrow().substring(7).strip();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aWidgetPlaceholderSpeaksTheReadersLanguageAndTheRenderCacheKeepsBoth() {
        Document japanese = page("/lesson/kernel-lab", "ja");
        Document english = page("/lesson/kernel-lab", "en");
        assertTrue(japanese.selectFirst(".widget-loading").text().startsWith("カーネルラボ"), japanese.selectFirst(".widget-loading").text());
        assertTrue(english.selectFirst(".widget-loading").text().startsWith("Loading the kernel lab"), english.selectFirst(".widget-loading").text());
    }

    @Test
    void aStepMissingInTheReadersLanguageFallsBackToTheOtherWithANoteInTheReadersLanguage() throws IOException {
        importer.importFolder(folder(english("Only in English."), null));
        Document japaneseReader = page("/lesson/" + slug, "ja");
        assertEquals("English title", japaneseReader.selectFirst("h1").text());
        assertEquals("en", japaneseReader.selectFirst(".prose").attr("lang"));
        assertEquals("この手順はまだ日本語に翻訳されていないため、英語で表示しています。", japaneseReader.selectFirst("#language-fallback").text());
        given().header("Accept-Language", "ja").get("/api/steps/" + slug).then()
                .body("step.fallback", equalTo(true)).body("step.language", equalTo("en")).body("html", containsString("Only in English."));
        assertNull(page("/lesson/" + slug, "en").selectFirst("#language-fallback"));

        Http instructor = Http.instructor();
        String japaneseOnly = slug + "-ja";
        int number = instructor.json().body(Map.of("source", stepFile(japaneseOnly, "日本語だけ", "日本語だけの手順です。", "3", "いくつ？"), "language", "ja"))
                .post("/api/instructor/steps").then().statusCode(201).body("summary.language", equalTo("ja")).extract().path("summary.number");
        instructor.json().post("/api/instructor/steps/" + japaneseOnly + "/revisions/" + number + "/publish").then().statusCode(200);
        Document englishReader = page("/lesson/" + japaneseOnly, "en");
        assertEquals("日本語だけ", englishReader.selectFirst("h1").text());
        assertEquals("This step is not available in English yet, so it is shown in Japanese.", englishReader.selectFirst("#language-fallback").text());
    }

    @Test
    void theDashboardTitlesEachStepInTheReadersLanguageAndAStepWithoutJapaneseInEnglish() throws IOException {
        importer.importFolder(folder(english("Only in English."), null));
        Http instructor = Http.instructor();
        JsonPath japanese = instructor.json().header("Accept-Language", "ja").get("/api/instructor/dashboard").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("1 つのカーネルを 1 か所に", japanese.getString("steps.find { it.slug == '" + STEP_2 + "' }.title"));
        assertEquals("English title", japanese.getString("steps.find { it.slug == '" + slug + "' }.title"));
        instructor.json().get("/api/instructor/dashboard").then().statusCode(200)
                .body("steps.find { it.slug == '" + STEP_2 + "' }.title", equalTo("One kernel, one spot"));
        Document page = Jsoup.parse(given().cookie(Http.SESSION_COOKIE, instructor.session()).header("Accept-Language", "ja")
                .accept(ContentType.HTML).get("/instructor/dashboard").then().statusCode(200).extract().asString());
        List<String> titles = page.select("#funnel-heading ~ .table-scroll tbody td:nth-child(2)").eachText();
        assertTrue(titles.contains("1 つのカーネルを 1 か所に"), titles.toString());
        assertTrue(titles.contains("English title"), titles.toString());
    }

    @Test
    void anExerciseAnsweredInJapaneseCountsForTheEnglishToo() {
        Http learner = Http.student();
        learner.chooseLanguage("ja");
        learner.json().body(Map.of("answer", "2.65"))
                .post("/api/steps/" + STEP_2 + "/exercises/top-edge-at-spot/attempts").then().statusCode(200)
                .body("correct", equalTo(true)).body("feedback", containsString("上エッジです"));
        learner.chooseLanguage("en");
        learner.json().body(Map.of("answer", "1"))
                .post("/api/steps/" + STEP_2 + "/exercises/top-edge-at-spot/attempts").then().statusCode(200)
                .body("correct", equalTo(false)).body("passedExercises", equalTo(List.of("top-edge-at-spot")));
        learner.json().header("Accept-Language", "en").get("/api/me/progress").then()
                .body("steps.find { it.slug == '" + STEP_2 + "' }.exercisesPassed", equalTo(1))
                .body("steps.find { it.slug == '" + STEP_2 + "' }.title", equalTo("One kernel, one spot"));
        Document englishPage = Jsoup.parse(given().cookie(Http.SESSION_COOKIE, learner.session()).header("Accept-Language", "en")
                .get("/lesson/" + STEP_2).then().statusCode(200).extract().asString());
        Element solved = englishPage.selectFirst("form[data-exercise=top-edge-at-spot]");
        assertEquals("true", solved.attr("data-passed"));
        assertTrue(solved.selectFirst(".feedback").text().contains("top edge"), solved.selectFirst(".feedback").text());
        long id = learner.json().get("/api/me").then().extract().jsonPath().getLong("id");
        assertEquals(2L, QuarkusTransaction.requiringNew().call(
                () -> ExerciseAttempt.count("accountId = ?1 and exerciseKey = 'top-edge-at-spot'", id)));
    }

    @Test
    void anEnglishEditPutsTheJapaneseBehindWithADiffUntilTheJapaneseIsPublishedAgain() throws IOException {
        importer.importFolder(folder(english("Line one.\nLine two."), japanese("一行目。\n二行目。", "3")));
        Http instructor = Http.instructor();
        assertEquals("CURRENT", translation(instructor).get("state"));
        int englishLive = (Integer) translation(instructor).get("englishRevision");
        int edit = instructor.json().body(Map.of("source", english("Line one.\nLine 2."), "baseRevision", englishLive))
                .put("/api/instructor/steps/" + slug + "/draft").then().statusCode(200).extract().path("yours.summary.number");
        assertEquals("CURRENT", translation(instructor).get("state"), "a draft is not yet a change learners see");
        instructor.json().post("/api/instructor/steps/" + slug + "/revisions/" + edit + "/publish").then().statusCode(200);

        Map<String, Object> behind = translation(instructor);
        assertEquals("BEHIND", behind.get("state"));
        assertEquals(englishLive, behind.get("englishRevision"));
        String changes = (String) behind.get("englishChanges");
        assertTrue(changes.contains("-Line two.") && changes.contains("+Line 2."), changes);
        Document steps = Jsoup.parse(given().cookie(Http.SESSION_COOKIE, instructor.session()).header("Accept-Language", "ja")
                .accept(ContentType.HTML).get("/instructor").then().statusCode(200).extract().asString());
        Element row = steps.selectFirst("tr[data-slug=" + slug + "]");
        assertEquals("英語版より古い", row.selectFirst(".translation-behind").text());
        assertEquals("+Line 2.", row.selectFirst(".english-changes .added").text());
        assertEquals("-Line two.", row.selectFirst(".english-changes .removed").text());

        int japaneseBase = instructor.json().get("/api/instructor/steps/" + slug + "/revisions?language=ja").jsonPath().getInt("[0].number");
        int translated = instructor.json().body(Map.of("source", japanese("一行目。\n2 行目。", "3"), "baseRevision", japaneseBase, "language", "ja"))
                .put("/api/instructor/steps/" + slug + "/draft").then().statusCode(200)
                .body("yours.summary.language", equalTo("ja")).extract().path("yours.summary.number");
        instructor.json().post("/api/instructor/steps/" + slug + "/revisions/" + translated + "/publish").then().statusCode(200);
        assertEquals("CURRENT", translation(instructor).get("state"));
        assertNull(translation(instructor).get("englishChanges"));
        given().header("Accept-Language", "ja").get("/api/steps/" + slug).then().body("html", containsString("2 行目。"));
        given().header("Accept-Language", "en").get("/api/steps/" + slug).then().body("html", containsString("Line 2."));
    }

    /** The test step's Japanese as the instructor's step list reports it. */
    private Map<String, Object> translation(Http instructor) {
        return instructor.json().get("/api/instructor/steps").then().statusCode(200).extract().jsonPath()
                .getMap("find { it.slug == '" + slug + "' }.japanese");
    }

    @Test
    void theEditorSavesEachLanguageApartAndRefusesAJapaneseDraftWithOtherExercises() throws IOException {
        importer.importFolder(folder(english("English text."), null));
        Http instructor = Http.instructor();
        instructor.json().get("/api/instructor/steps/" + slug + "/revisions?language=ja").then().statusCode(200).body("size()", equalTo(0));
        instructor.json().body(Map.of("source", japanese("日本語。", "4"), "baseRevision", 0, "language", "ja"))
                .put("/api/instructor/steps/" + slug + "/draft").then().statusCode(400)
                .body("errors[0].field", equalTo("source"))
                .body("errors[0].message", containsString("exercise 'q' differs from the English: answer [4.0] instead of [3.0]"));
        instructor.json().body(Map.of("source", japanese("日本語。", "3"), "baseRevision", 0, "language", "ja"))
                .put("/api/instructor/steps/" + slug + "/draft").then().statusCode(200).body("conflict", equalTo(false));
        instructor.json().get("/api/instructor/steps/" + slug + "/revisions?language=ja").then().body("size()", equalTo(1))
                .body("[0].language", equalTo("ja")).body("[0].live", equalTo(false));
        instructor.json().get("/api/instructor/steps/" + slug + "/revisions").then().body("size()", equalTo(1)).body("[0].language", equalTo("en"));
        instructor.json().body(Map.of("source", japanese("日本語。", "3"), "baseRevision", 0, "language", "fr"))
                .put("/api/instructor/steps/" + slug + "/draft").then().statusCode(400).body("errors[0].field", equalTo("language"));

        Document editor = Jsoup.parse(given().cookie(Http.SESSION_COOKIE, instructor.session()).accept(ContentType.HTML)
                .get("/instructor/steps/" + slug + "?language=ja").then().statusCode(200).extract().asString());
        Element app = editor.selectFirst("#editor-app");
        assertEquals("ja", app.attr("data-language"));
        assertEquals(app.attr("data-latest"), app.attr("data-start"));
        assertEquals("page", editor.selectFirst(".language-choice a[lang=ja]").attr("aria-current"));
    }

    @Test
    void aJapaneseFileWhoseExerciseDiffersIsRejectedByFileAndExerciseAndNothingOfItIsStored() throws IOException {
        LessonImporter.Report report = importer.importFolder(folder(english("English."), japanese("日本語。", "4")));
        assertEquals(1, report.created());
        assertEquals(1, report.rejected().size());
        String reason = report.rejected().get(0);
        assertTrue(reason.contains("ja/01-step.md") && reason.contains("exercise 'q' differs from the English: answer [4.0] instead of [3.0]"), reason);
        assertEquals(1, revisions(Language.EN));
        assertEquals(0, revisions(Language.JA));
        given().header("Accept-Language", "ja").get("/api/steps/" + slug).then().body("step.fallback", equalTo(true));
    }

    @Test
    void theArchiveCarriesBothLanguagesAndRoundTrips() throws Exception {
        importer.importFolder(folder(english("Exported."), japanese("エクスポート。", "3")));
        Http instructor = Http.instructor();
        byte[] zip = instructor.json().accept("application/zip").get("/api/instructor/lesson.zip").then().statusCode(200).extract().asByteArray();
        Map<String, String> files = unzip(zip);
        assertTrue(files.containsKey("ja/01-images-are-numbers.md"), files.keySet().toString());
        String japaneseName = files.keySet().stream().filter(n -> n.startsWith("ja/") && n.endsWith(slug + ".md")).findFirst().orElseThrow();
        assertTrue(files.get(japaneseName).contains("エクスポート。"));
        assertTrue(files.get(japaneseName.substring(3)).contains("Exported."));
        long before = QuarkusTransaction.requiringNew().call(() -> StepRevision.count());
        instructor.json().contentType("application/zip").body(zip).post("/api/instructor/lesson.zip").then().statusCode(200)
                .body("created", equalTo(0)).body("revised", equalTo(0)).body("unchanged", equalTo(files.size()));
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> StepRevision.count()));

        files.put(japaneseName, files.get(japaneseName).replace("エクスポート。", "もう一度インポート。"));
        instructor.json().contentType("application/zip").body(zip(files)).post("/api/instructor/lesson.zip").then().statusCode(200)
                .body("revised", equalTo(1)).body("unchanged", equalTo(files.size() - 1));
        given().header("Accept-Language", "ja").get("/api/steps/" + slug).then().body("html", containsString("もう一度インポート。"));
        given().header("Accept-Language", "en").get("/api/steps/" + slug).then().body("html", containsString("Exported."));

        files.put(japaneseName, files.get(japaneseName).replace("answer: 3", "answer: 5"));
        instructor.json().contentType("application/zip").body(zip(files)).post("/api/instructor/lesson.zip").then().statusCode(400)
                .body("errors[0].field", equalTo(japaneseName))
                .body("errors[0].message", equalTo("exercise 'q' differs from the English: answer [5.0] instead of [3.0]"));
        given().header("Accept-Language", "ja").get("/api/steps/" + slug).then().body("html", containsString("もう一度インポート。"))
                .body("step.title", not(nullValue()));
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                files.put(entry.getName(), new String(entries.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }
}
