package dev.convlab.lesson;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class AuthoringResourceTest {

    @Inject
    LessonImporter importer;

    private final String slug = "test-step-" + UUID.randomUUID().toString().substring(0, 8);
    private Http instructor;

    @BeforeEach
    void logInAsInstructor() {
        instructor = Http.instructor();
    }

    @AfterEach
    void retireTestStep() {
        QuarkusTransaction.requiringNew().run(() -> Step.update("retired = true where slug like 'test-step-%'"));
    }

    private Document page(String path) {
        return Jsoup.parse(given().cookie(Http.SESSION_COOKIE, instructor.session()).accept(ContentType.HTML).get(path)
                .then().statusCode(200).extract().asString());
    }

    @Test
    void theStepListDisablesUpOnTheFirstStepAndDownOnTheLastAndTheHeaderNamesTheRoleOnce() {
        createAndPublish("Last for now", "Body.");
        Document steps = page("/instructor");
        List<Element> rows = steps.select("#step-table tbody tr");
        assertTrue(rows.size() > 2);
        assertTrue(rows.get(0).selectFirst("button[data-action=up]").hasAttr("disabled"));
        assertFalse(rows.get(0).selectFirst("button[data-action=down]").hasAttr("disabled"));
        assertFalse(rows.get(1).selectFirst("button[data-action=up]").hasAttr("disabled"));
        assertTrue(rows.get(rows.size() - 1).selectFirst("button[data-action=down]").hasAttr("disabled"));
        assertEquals("Leaderboard Classes Teach Instructor Log out English 日本語", steps.selectFirst(".account-nav").text());
        assertEquals("/app/favicon.svg", steps.selectFirst("link[rel=icon]").attr("href"));
        given().get("/app/favicon.svg").then().statusCode(200).contentType(containsString("image/svg+xml"));
    }

    @Test
    void theEditorShowsEveryRevisionTimeAsAMachineReadableTimeForTheReadersZone() {
        createAndPublish("Timed", "Body.");
        Element time = page("/instructor/steps/" + slug).selectFirst("#history-rows time");
        assertTrue(Instant.parse(time.attr("datetime")).isAfter(Instant.now().minusSeconds(600)), time.attr("datetime"));
    }

    private String file(String title, String body) {
        return "---\nslug: " + slug + "\ntitle: " + title + "\norder: 950\n---\n" + body + "\n";
    }

    private int createAndPublish(String title, String body) {
        int number = instructor.json().body(Map.of("source", file(title, body))).post("/api/instructor/steps")
                .then().statusCode(201).extract().path("summary.number");
        instructor.json().post("/api/instructor/steps/" + slug + "/revisions/" + number + "/publish").then().statusCode(200);
        return number;
    }

    @Test
    void everyAuthoringEndpointRefusesStudentsAndAnonymousVisitors() {
        Http student = Http.student();
        String base = "/api/instructor/steps/one-kernel-one-spot";
        List<String[]> calls = List.of(new String[] {"GET", "/api/instructor/steps"}, new String[] {"POST", "/api/instructor/steps"},
                new String[] {"PUT", "/api/instructor/order"}, new String[] {"GET", base + "/revisions"},
                new String[] {"GET", base + "/revisions/1"}, new String[] {"PUT", base + "/draft"},
                new String[] {"POST", base + "/revisions/1/publish"}, new String[] {"POST", base + "/revisions/1/restore"},
                new String[] {"POST", base + "/retire"}, new String[] {"GET", base + "/diff?from=1&to=1"},
                new String[] {"POST", "/api/instructor/preview"}, new String[] {"GET", "/api/instructor/lesson.zip"},
                new String[] {"GET", "/api/instructor/learners"});
        for (String[] call : calls) {
            student.json().accept("*/*").body("{}").request(call[0], call[1]).then().statusCode(403);
            Http.visitor().json().accept("*/*").body("{}").request(call[0], call[1]).then().statusCode(401);
        }
    }

    @Test
    void learnersSeeADraftOnlyOnceItIsPublished() {
        int first = createAndPublish("Authoring test", "The first text.");
        given().get("/api/steps/" + slug).then().statusCode(200).body("html", containsString("The first text."));
        int draft = instructor.json().body(Map.of("source", file("Authoring test", "The second text."), "baseRevision", first))
                .put("/api/instructor/steps/" + slug + "/draft").then().statusCode(200).extract().path("yours.summary.number");
        given().get("/api/steps/" + slug).then().body("html", not(containsString("second")));
        given().get("/lesson/" + slug).then().body(not(containsString("The second text.")));
        instructor.json().post("/api/instructor/steps/" + slug + "/revisions/" + draft + "/publish").then().statusCode(200);
        given().get("/api/steps/" + slug).then().body("html", containsString("The second text."));
    }

    @Test
    void secondSaveFromTheSameBaseIsAConflictThatLosesNeither() {
        int base = createAndPublish("Conflict", "Original.");
        instructor.json().body(Map.of("source", file("Conflict", "Alice's edit."), "baseRevision", base))
                .put("/api/instructor/steps/" + slug + "/draft").then().statusCode(200);
        instructor.json().body(Map.of("source", file("Conflict", "Bob's edit."), "baseRevision", base))
                .put("/api/instructor/steps/" + slug + "/draft").then().statusCode(409)
                .body("conflict", equalTo(true))
                .body("theirs.source", containsString("Alice's edit."))
                .body("yours.source", containsString("Bob's edit."));
        instructor.json().get("/api/instructor/steps/" + slug + "/revisions").then().statusCode(200)
                .body("size()", equalTo(3)).body("baseNumber", hasItem(base));
    }

    @Test
    void restoringAnOldRevisionMakesANewDraftAndDiffsShowTheChange() {
        int first = createAndPublish("Restore", "Line one.\nLine two.");
        int second = instructor.json().body(Map.of("source", file("Restore", "Line one.\nLine 2."), "baseRevision", first))
                .put("/api/instructor/steps/" + slug + "/draft").then().statusCode(200).extract().path("yours.summary.number");
        String diff = instructor.json().accept(ContentType.TEXT).get("/api/instructor/steps/" + slug + "/diff?from=" + first + "&to=" + second)
                .then().statusCode(200).extract().asString();
        assertTrue(diff.contains("-Line two.") && diff.contains("+Line 2."), diff);
        instructor.json().post("/api/instructor/steps/" + slug + "/revisions/" + first + "/restore").then().statusCode(200)
                .body("summary.number", equalTo(second + 1)).body("source", containsString("Line two."))
                .body("summary.live", equalTo(false));
    }

    @Test
    void brokenFrontMatterInADraftIsRefusedByLineAndNothingIsSaved() {
        int base = createAndPublish("Broken", "Fine.");
        instructor.json().body(Map.of("source", "---\nslug: " + slug + "\ntitle: [oops\norder: 1\n---\nx", "baseRevision", base))
                .put("/api/instructor/steps/" + slug + "/draft").then().statusCode(400)
                .body("errors[0].field", equalTo("source")).body("errors[0].message", containsString("line"));
        instructor.json().body(Map.of("source", file("Broken", "::no-such-widget"), "baseRevision", base))
                .put("/api/instructor/steps/" + slug + "/draft").then().statusCode(400)
                .body("errors[0].message", containsString("unknown widget"));
        instructor.json().get("/api/instructor/steps/" + slug + "/revisions").then().body("size()", equalTo(1));
    }

    @Test
    void aNulByteInAnAuthoredStepIsRefusedNamingTheSourceAndNothingIsSaved() {
        int base = createAndPublish("Nul", "Fine.");
        instructor.json().body(Map.of("source", file("Nul", "Bad\u0000byte."), "baseRevision", base))
                .put("/api/instructor/steps/" + slug + "/draft").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("source"))
                .body("errors[0].message", containsString("control character U+0000"));
        String newSlug = slug + "-nul";
        instructor.json().body(Map.of("source", "---\nslug: " + newSlug + "\ntitle: T\norder: 950\n---\nA\u0000B"))
                .post("/api/instructor/steps").then().statusCode(400).body("errors[0].field", equalTo("source"));
        instructor.json().get("/api/instructor/steps/" + slug + "/revisions").then().body("size()", equalTo(1));
        instructor.json().get("/api/instructor/steps/" + newSlug + "/revisions").then().statusCode(404);
    }

    @Test
    void previewRendersWidgetsAndStripsScript() {
        instructor.json().body(Map.of("source", file("Preview", "::kernel-lab\n\n<script>alert(1)</script> <a href=\"javascript:x()\">x</a>")))
                .post("/api/instructor/preview").then().statusCode(200)
                .body("html", containsString("data-widget=\"kernel-lab\""))
                .body("html", not(containsString("<script")))
                .body("html", not(containsString("javascript:")));
    }

    @Test
    void retiredStepsDisappearForLearnersAndReorderMovesThem() {
        createAndPublish("Retire me", "Soon gone.");
        given().get("/api/steps").then().body("slug", hasItem(slug));
        instructor.json().post("/api/instructor/steps/" + slug + "/retire").then().statusCode(204);
        given().get("/api/steps").then().body("slug", not(hasItem(slug)));
        given().get("/lesson/" + slug).then().statusCode(404);
        List<String> slugs = new ArrayList<>(instructor.json().get("/api/instructor/steps").jsonPath().getList("slug"));
        slugs.remove(slug);
        instructor.json().body(Map.of("slugs", slugs)).put("/api/instructor/order").then().statusCode(400);
        slugs.add(0, slug);
        instructor.json().body(Map.of("slugs", slugs)).put("/api/instructor/order").then().statusCode(204);
        instructor.json().get("/api/instructor/steps").then().body("[0].slug", equalTo(slug));
        slugs.remove(slug);
        slugs.add(slug);
        instructor.json().body(Map.of("slugs", slugs)).put("/api/instructor/order").then().statusCode(204);
    }

    @Test
    void exportThenImportGivesTheSameLesson() throws Exception {
        createAndPublish("Round trip", "Exported and back.");
        byte[] zip = instructor.json().accept("application/zip").get("/api/instructor/lesson.zip").then().statusCode(200).extract().asByteArray();
        List<String> names = new ArrayList<>();
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                names.add(entry.getName());
            }
        }
        assertTrue(names.contains("01-images-are-numbers.md"), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.endsWith(slug + ".md")), names.toString());
        long revisionsBefore = QuarkusTransaction.requiringNew().call(() -> StepRevision.count());
        instructor.json().contentType("application/zip").body(zip).post("/api/instructor/lesson.zip").then().statusCode(200)
                .body("created", equalTo(0)).body("revised", equalTo(0)).body("unchanged", equalTo(names.size()));
        assertEquals(revisionsBefore, QuarkusTransaction.requiringNew().call(() -> StepRevision.count()));
    }

    @Test
    void aZipWithOneBrokenFileImportsNothingAndNamesTheFile() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("01-good.md"));
            zip.write(file("Good", "Fine.").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("02-bad.md"));
            zip.write("---\nslug: test-step-bad\ntitle: Bad\norder: 2\nwidget: x\n---\n".getBytes(StandardCharsets.UTF_8));
        }
        instructor.json().contentType("application/zip").body(bytes.toByteArray()).post("/api/instructor/lesson.zip")
                .then().statusCode(400).body("errors[0].field", equalTo("02-bad.md"))
                .body("errors[0].message", containsString("line 5: unknown field 'widget'"));
        given().get("/api/steps/" + slug).then().statusCode(404);
        instructor.json().contentType("application/zip").body("not a zip".getBytes(StandardCharsets.UTF_8)).post("/api/instructor/lesson.zip")
                .then().statusCode(400);
    }

    @Test
    void aZipWithANulByteInOneFileImportsNothingAndNamesTheFileAndLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("01-good.md"));
            zip.write(file("Good", "Fine.").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("02-nul.md"));
            zip.write("---\nslug: test-step-nul\ntitle: Nul\norder: 2\n---\nA\u0000B\n".getBytes(StandardCharsets.UTF_8));
        }
        instructor.json().contentType("application/zip").body(bytes.toByteArray()).post("/api/instructor/lesson.zip")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("02-nul.md"))
                .body("errors[0].message", containsString("line 6: control character U+0000 is not allowed"));
        given().get("/api/steps/" + slug).then().statusCode(404);
        given().get("/api/steps/test-step-nul").then().statusCode(404);
    }

    @Test
    void aZipThatUnpacksTooLargeIsRefusedBeforeAnythingIsImported() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("01-huge.md"));
            zip.write(file("Huge", "x".repeat(2_000_000)).getBytes(StandardCharsets.UTF_8));
        }
        instructor.json().contentType("application/zip").body(bytes.toByteArray()).post("/api/instructor/lesson.zip")
                .then().statusCode(400).body("errors[0].field", equalTo("zip"));
        given().get("/api/steps/" + slug).then().statusCode(404);
    }

    @Test
    void anUnchangedFileNeverOverwritesAnInstructorsEdit() throws Exception {
        Path folder = Files.createTempDirectory("lesson");
        Files.writeString(folder.resolve("01-step.md"), file("From the file", "File text."));
        importer.importFolder(folder);
        int base = instructor.json().get("/api/instructor/steps/" + slug + "/revisions").jsonPath().getInt("[0].number");
        int edit = instructor.json().body(Map.of("source", file("Edited", "Edited in the browser."), "baseRevision", base))
                .put("/api/instructor/steps/" + slug + "/draft").then().statusCode(200).extract().path("yours.summary.number");
        instructor.json().post("/api/instructor/steps/" + slug + "/revisions/" + edit + "/publish").then().statusCode(200);
        LessonImporter.Report report = importer.importFolder(folder);
        assertEquals(1, report.unchanged());
        given().get("/api/steps/" + slug).then().body("html", containsString("Edited in the browser."));
    }
}
