package dev.convlab.lesson;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.platform.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class LessonImporterTest {

    @Inject
    LessonImporter importer;

    private final String slug = "test-step-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void retireTestStep() {
        QuarkusTransaction.requiringNew().run(() -> Step.update("retired = true where slug = ?1", slug));
    }

    private static String stepFile(String slug, String title, String body) {
        return "---\nslug: " + slug + "\ntitle: " + title + "\norder: 900\n---\n" + body;
    }

    private static Path folderWith(String... files) throws IOException {
        Path folder = Files.createTempDirectory("lesson");
        for (int i = 0; i < files.length; i++) {
            Files.writeString(folder.resolve("0" + i + "-step.md"), files[i]);
        }
        return folder;
    }

    private long revisions(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> StepRevision.count("step.slug", slug));
    }

    @Test
    void allElevenLessonStepsArePublishedInOrder() {
        given().get("/api/steps").then().statusCode(200)
                .body("findAll { !it.slug.startsWith('test-step-') }.slug", contains(
                        "images-are-numbers", "one-kernel-one-spot", "sliding-everywhere", "kernel-lab", "im2col",
                        "padding-and-stride", "a-cnn-of-stride-2-convs", "training-it", "receptive-field",
                        "colour-images", "the-ablation"));
    }

    @Test
    void reimportingUnchangedFilesMakesNoRevision() {
        long before = QuarkusTransaction.requiringNew().call(() -> StepRevision.count());
        LessonImporter.Report report = importer.importFolder(Path.of("content/convolutions"));
        assertEquals(0, report.created() + report.revised());
        assertEquals(22, report.unchanged(), "eleven English files and their Japanese");
        assertEquals(List.of(), report.rejected());
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> StepRevision.count()));
    }

    @Test
    void aTranslationInTheJaSubfolderIsTheSameStepInJapaneseNotAStepOfItsOwn() throws IOException {
        Path folder = folderWith(stepFile(slug, "English", "One."));
        Files.createDirectory(folder.resolve("ja"));
        Files.writeString(folder.resolve("ja").resolve("00-step.md"), stepFile(slug, "日本語", "一つ。"));
        assertEquals(new LessonImporter.Report(2, 0, 0, List.of()), importer.importFolder(folder));
        assertEquals(2, revisions(slug));
        given().header("Accept-Language", "en").get("/api/steps/" + slug).then().statusCode(200)
                .body("step.title", org.hamcrest.Matchers.equalTo("English"));
        given().header("Accept-Language", "ja").get("/api/steps/" + slug).then().statusCode(200)
                .body("step.title", org.hamcrest.Matchers.equalTo("日本語"));
    }

    @Test
    void changedFileMakesANewPublishedRevision() throws IOException {
        importer.importFolder(folderWith(stepFile(slug, "First", "One.")));
        LessonImporter.Report report = importer.importFolder(folderWith(stepFile(slug, "Second", "Two.")));
        assertEquals(1, report.revised());
        assertEquals(2, revisions(slug));
        given().get("/api/steps/" + slug).then().statusCode(200).body("step.title", org.hamcrest.Matchers.equalTo("Second"));
    }

    @Test
    void brokenFrontMatterIsReportedByFileAndKeepsTheLastGoodRevision() throws IOException {
        importer.importFolder(folderWith(stepFile(slug, "Good", "Good text.")));
        String broken = "---\nslug: " + slug + "\ntitle: [unclosed\norder: 900\n---\nBroken text.";
        LessonImporter.Report report = importer.importFolder(folderWith(broken));
        assertEquals(1, report.rejected().size());
        assertTrue(report.rejected().get(0).contains("00-step.md"), report.rejected().get(0));
        assertEquals(1, revisions(slug));
        given().get("/api/steps/" + slug).then().statusCode(200)
                .body("html", containsString("Good text.")).body("html", not(containsString("Broken")));
    }

    @Test
    void unknownWidgetAndBadExerciseAreRejectedWithReasons() throws IOException {
        String unknownWidget = stepFile(slug, "Widget", "::no-such-widget\n");
        String badExercise = "---\nslug: " + slug + "-b\ntitle: Bad\norder: 901\nexercises:\n  - key: q\n    kind: number\n    prompt: \"?\"\n---\nText";
        LessonImporter.Report report = importer.importFolder(folderWith(unknownWidget, badExercise));
        assertEquals(2, report.rejected().size());
        assertTrue(report.rejected().get(0).contains("unknown widget 'no-such-widget'"), report.rejected().get(0));
        assertTrue(report.rejected().get(1).contains("needs an answer"), report.rejected().get(1));
        assertEquals(0, revisions(slug));
    }

    @Test
    void aFileWithANulByteIsRejectedByNameAndLineAndNothingIsStored() throws IOException {
        LessonImporter.Report report = importer.importFolder(folderWith(stepFile(slug, "Nul", "Fine.\nBad\u0000byte.")));
        assertEquals(1, report.rejected().size());
        assertTrue(report.rejected().get(0).contains("00-step.md: line 7: control character U+0000"), report.rejected().get(0));
        assertEquals(0, revisions(slug));
    }

    @Test
    void unknownFrontMatterFieldIsRejectedWithItsLine() throws IOException {
        LessonImporter.Report report = importer.importFolder(folderWith(
                "---\nslug: " + slug + "\ntitle: T\norder: 900\ncolour: blue\n---\nText"));
        assertEquals(1, report.rejected().size());
        assertTrue(report.rejected().get(0).contains("unknown field 'colour'"), report.rejected().get(0));
    }

    @Test
    void scriptInAStepNeverReachesThePage() throws IOException {
        importer.importFolder(folderWith(stepFile(slug, "Evil",
                "Hi <script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))")));
        given().get("/lesson/" + slug).then().statusCode(200)
                .body(not(containsString("alert(1)")))
                .body(not(containsString("onerror")))
                .body(not(containsString("javascript:alert")));
    }
}
