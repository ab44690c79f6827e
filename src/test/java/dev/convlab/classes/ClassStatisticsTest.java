package dev.convlab.classes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.convlab.lesson.Step;
import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import dev.convlab.training.TrainingRun;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Per-class numbers against a seeded two-class site: section A (names as initials, on the site-wide board) holds Ana,
 * Abe and Bea; section B (anonymous, off the site-wide board) holds Bea and Ben; Oscar is in no class. Seeded runs
 * train 13 epochs, which no other test does, so the boards filtered to 13 epochs hold exactly them.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ClassStatisticsTest {

    private static final String THIRTEEN_EPOCHS = "?dataset=fashion-mnist&epochs=13";

    private final String slug = "test-step-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Long> runs = new ArrayList<>();
    private Http admin;
    private Http ana;
    private Http abe;
    private Http bea;
    private Http ben;
    private Http oscar;
    private long classA;
    private long classB;

    @BeforeEach
    void seedTwoClasses() {
        admin = Http.instructor();
        JsonPath a = Classes.start(admin, "Section A");
        JsonPath b = Classes.start(admin, "Section B");
        classA = a.getLong("id");
        classB = b.getLong("id");
        admin.json().body(settings("Section A", "initials", true)).put("/api/classes/" + classA).then().statusCode(200);
        admin.json().body(settings("Section B", "anonymous", false)).put("/api/classes/" + classB).then().statusCode(200);
        ana = Classes.student("Ana Arnold");
        abe = Classes.student("Abe Baker");
        bea = Classes.student("Bea Both");
        ben = Classes.student("Ben Brown");
        oscar = Classes.student("Oscar Out");
        Classes.join(ana, a.getString("joinCode"));
        Classes.join(abe, a.getString("joinCode"));
        Classes.join(bea, a.getString("joinCode"));
        Classes.join(bea, b.getString("joinCode"));
        Classes.join(ben, b.getString("joinCode"));

        String source = "---\nslug: " + slug + "\ntitle: Classes\norder: 970\nexercises:\n  - key: sum\n    kind: number\n"
                + "    prompt: \"1 + 1?\"\n    answer: 2\n    tolerance: 0\n---\nCount.\n";
        int number = admin.json().body(Map.of("source", source)).post("/api/instructor/steps").then().statusCode(201).extract().path("summary.number");
        admin.json().post("/api/instructor/steps/" + slug + "/revisions/" + number + "/publish").then().statusCode(200);
        answer(ana, "2");
        answer(abe, "3");
        answer(abe, "2");
        answer(bea, "3");
        answer(ben, "2");
        answer(oscar, "2");

        runs.add(run(ana, "STRIDE2", 1, 0.86));
        runs.add(run(ana, "STRIDE2", 2, 0.88));
        runs.add(run(abe, "MAX_POOL", 1, 0.90));
        runs.add(run(bea, "MAX_POOL", 2, 0.92));
        runs.add(run(ben, "STRIDE2", 1, 0.84));
        runs.add(run(ben, "MAX_POOL", 1, 0.89));
        runs.add(run(oscar, "STRIDE2", 3, 0.80));
    }

    @AfterEach
    void removeTheSeeds() {
        QuarkusTransaction.requiringNew().run(() -> {
            TrainingRun.delete("id in ?1", runs);
            Step.update("retired = true where slug = ?1", slug);
        });
    }

    @Test
    void eachClassDashboardCountsItsOwnLearnersOnly() {
        JsonPath a = admin.json().get("/api/classes/" + classA + "/dashboard").then().statusCode(200).extract().jsonPath();
        JsonPath b = admin.json().get("/api/classes/" + classB + "/dashboard").then().statusCode(200).extract().jsonPath();
        String step = "steps.find { it.slug == '" + slug + "' }";
        String exercise = "exercises.find { it.slug == '" + slug + "' }";
        assertEquals(List.of(3, 2), List.of(a.getInt(step + ".visited"), a.getInt(step + ".completed")));
        assertEquals(List.of(2, 1), List.of(b.getInt(step + ".visited"), b.getInt(step + ".completed")));
        assertEquals(List.of(4, 3), List.of(a.getInt(exercise + ".attempts"), a.getInt(exercise + ".learners")));
        assertEquals(1.0 / 3, a.getDouble(exercise + ".firstTrySuccess"), 1e-6);
        assertEquals(List.of("3"), a.getList(exercise + ".commonWrongAnswers.answer"));
        assertEquals(2, a.getInt(exercise + ".commonWrongAnswers[0].count"));
        assertEquals(List.of(2, 2), List.of(b.getInt(exercise + ".attempts"), b.getInt(exercise + ".learners")));
        assertEquals(0.5, b.getDouble(exercise + ".firstTrySuccess"), 1e-6);
        assertEquals(List.of("Abe Baker", "Ana Arnold", "Bea Both"), a.getList("learners.displayName").stream().sorted().toList());
        assertEquals(List.of("Bea Both", "Ben Brown"), b.getList("learners.displayName").stream().sorted().toList());
        assertEquals(List.of(1, 2, 1), a.getList("learners.sort { it.displayName }.runs"));
        String csv = admin.json().accept("text/csv").get("/api/classes/" + classB + "/learners.csv").then().statusCode(200).extract().asString();
        assertEquals(3, csv.lines().count(), csv);
        assertEquals(true, csv.contains(",Ben Brown,1,1,0,2,"), csv);
    }

    @Test
    void eachClassBoardHoldsItsLearnersRunsNamedAsTheClassChose() {
        JsonPath a = ana.json().get("/api/classes/" + classA + "/leaderboard" + THIRTEEN_EPOCHS).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("B. B.", "A. B.", "Ana Arnold", "Ana Arnold"), a.getList("entries.learner"));
        assertEquals(List.of(false, false, true, true), a.getList("entries.mine"));
        String variants = "comparisons.downsampling[0].groups";
        assertEquals(List.of("MAX_POOL", "STRIDE2"), a.getList(variants + ".value"));
        assertEquals(0.91, a.getDouble(variants + "[0].mean"), 1e-9);
        assertEquals(0.87, a.getDouble(variants + "[1].mean"), 1e-9);
        assertEquals(List.of(2, 2), a.getList(variants + ".seeds"));

        JsonPath b = ben.json().get("/api/classes/" + classB + "/leaderboard" + THIRTEEN_EPOCHS).then().statusCode(200).extract().jsonPath();
        int beaInB = memberNumber(classB, "Bea Both");
        assertEquals(List.of("Learner " + beaInB, "Ben Brown", "Ben Brown"), b.getList("entries.learner"));
        assertEquals(List.of("MAX_POOL", "STRIDE2"), b.getList(variants + ".value"));
        assertEquals(0.905, b.getDouble(variants + "[0].mean"), 1e-9);
        assertEquals(0.84, b.getDouble(variants + "[1].mean"), 1e-9);

        JsonPath taught = admin.json().get("/api/classes/" + classB + "/leaderboard" + THIRTEEN_EPOCHS).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Bea Both", "Ben Brown", "Ben Brown"), taught.getList("entries.learner"));
        String csv = ben.json().accept("text/csv").get("/api/classes/" + classB + "/leaderboard" + THIRTEEN_EPOCHS).then().statusCode(200).extract().asString();
        assertEquals(true, csv.contains(",Learner " + beaInB + ",fashion-mnist,"), csv);
        assertEquals(false, csv.contains("Bea Both"), csv);

        writeSideBySide(bea.json().get("/api/classes/" + classA + "/leaderboard" + THIRTEEN_EPOCHS).jsonPath(),
                bea.json().get("/api/classes/" + classB + "/leaderboard" + THIRTEEN_EPOCHS).jsonPath());
    }

    @Test
    void theSiteBoardLeavesOutClassesThatKeepOffItAndNamesByTheStrictestClass() {
        JsonPath site = ana.json().get("/api/leaderboard" + THIRTEEN_EPOCHS).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("A. B.", "Ana Arnold", "Ana Arnold", "Oscar Out"), site.getList("entries.learner"));
        JsonPath onlyA = ana.json().get("/api/leaderboard" + THIRTEEN_EPOCHS + "&class=" + classA).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("A. B.", "Ana Arnold", "Ana Arnold"), onlyA.getList("entries.learner"));
        JsonPath administered = admin.json().get("/api/leaderboard" + THIRTEEN_EPOCHS).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Abe Baker", "Ana Arnold", "Ana Arnold", "Oscar Out"), administered.getList("entries.learner"));
        ana.json().get("/api/leaderboard" + THIRTEEN_EPOCHS + "&class=" + classB).then().statusCode(403);
        ana.json().get("/api/leaderboard" + THIRTEEN_EPOCHS + "&class=999999999").then().statusCode(404);

        admin.json().body(settings("Section B", "anonymous", true)).put("/api/classes/" + classB).then().statusCode(200);
        JsonPath opened = oscar.json().get("/api/leaderboard" + THIRTEEN_EPOCHS).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Anonymous learner", "A. B.", "Anonymous learner", "A. A.", "A. A.", "Anonymous learner", "Oscar Out"),
                opened.getList("entries.learner"));
    }

    @Test
    void anArchivedClassKeepsWhatItsLearnersHadDoneByThen() {
        admin.json().body(Map.of("archived", true)).put("/api/classes/" + classA + "/archived").then().statusCode(200);
        runs.add(run(ana, "AVG_POOL", 1, 0.99));
        answer(ana, "5");
        JsonPath board = ana.json().get("/api/classes/" + classA + "/leaderboard" + THIRTEEN_EPOCHS).then().statusCode(200).extract().jsonPath();
        assertEquals(4, board.getList("entries").size());
        JsonPath dashboard = admin.json().get("/api/classes/" + classA + "/dashboard").then().statusCode(200).extract().jsonPath();
        assertEquals(4, dashboard.getInt("exercises.find { it.slug == '" + slug + "' }.attempts"));
        assertEquals(2, dashboard.getInt("learners.find { it.displayName == 'Ana Arnold' }.runs"));
        JsonPath site = ana.json().get("/api/leaderboard" + THIRTEEN_EPOCHS).then().statusCode(200).extract().jsonPath();
        assertEquals(0.99, site.getDouble("entries[0].testAccuracy"), 1e-9);
    }

    private int memberNumber(long classId, String name) {
        return admin.json().get("/api/classes/" + classId + "/members").jsonPath().getInt("find { it.displayName == '" + name + "' }.number");
    }

    private void answer(Http learner, String answer) {
        learner.json().body(Map.of("answer", answer)).post("/api/steps/" + slug + "/exercises/sum/attempts").then().statusCode(200);
    }

    /** A succeeded 13-epoch Fashion-MNIST run as the worker would have stored it, finished now. */
    private static long run(Http learner, String downsampling, long seed, double accuracy) {
        long account = Classes.accountOf(learner);
        String settings = """
                {"dataset":"fashion-mnist","downsampling":"%s","kernelSize":3,"channels":[4,8,16,16],"batchNorm":false,"head":"FLATTEN",
                 "optimizer":"SGD","learningRate":0.4,"batchSize":256,"epochs":13,"seed":%d}""".formatted(downsampling, seed);
        String result = """
                {"testAccuracy":%s,"testLoss":0.4,"parameters":5274,"trainingSeconds":20,"imagesPerSecond":30000,"device":"cpu"}"""
                .formatted(accuracy);
        return QuarkusTransaction.requiringNew().call(() -> ((Number) TrainingRun.getEntityManager().createNativeQuery("""
                insert into training_run (account_id, dataset, settings, state, result, outcome, epochs_done, started_at, finished_at)
                values (?1, 'fashion-mnist', cast(?2 as jsonb), 'succeeded', cast(?3 as jsonb), 'learned', 13, now(), clock_timestamp())
                returning id""")
                .setParameter(1, account).setParameter(2, settings).setParameter(3, result).getSingleResult()).longValue());
    }

    private static Map<String, Object> settings(String name, String privacy, boolean onSiteBoard) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("name", name);
        settings.put("privacy", privacy);
        settings.put("onSiteBoard", onSiteBoard);
        return settings;
    }

    /** The two boards as Bea, a learner of both, reads them, side by side in Markdown (target/class-boards.md). */
    private static void writeSideBySide(JsonPath a, JsonPath b) {
        StringBuilder md = new StringBuilder("Section A (names as initials) and section B (anonymous) as Bea, a learner of both, reads them:\n\n");
        md.append("| variant | Section A: mean ± spread (seeds) | Section B: mean ± spread (seeds) |\n|---|---|---|\n");
        for (String variant : List.of("STRIDE2", "MAX_POOL")) {
            md.append("| ").append(variant(variant)).append(" | ").append(group(a, variant)).append(" | ")
                    .append(group(b, variant)).append(" |\n");
        }
        md.append("\n| # | Section A: learner | variant | seed | test accuracy | Section B: learner | variant | seed | test accuracy |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        int rows = Math.max(a.getList("entries").size(), b.getList("entries").size());
        for (int i = 0; i < rows; i++) {
            md.append("| ").append(i + 1).append(" | ").append(entry(a, i)).append(" | ").append(entry(b, i)).append(" |\n");
        }
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "class-boards.md"), md);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write target/class-boards.md", e);
        }
        System.out.println(md);
    }

    private static String variant(String downsampling) {
        return downsampling.equals("STRIDE2") ? "stride-2" : downsampling.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String group(JsonPath board, String variant) {
        String group = "comparisons.downsampling[0].groups.find { it.value == '" + variant + "' }";
        if (board.get(group) == null) {
            return "—";
        }
        Float spread = board.get(group + ".spread");
        return String.format(Locale.ROOT, "%.2f%%%s (%d)", board.getDouble(group + ".mean") * 100,
                spread == null ? "" : String.format(Locale.ROOT, " ± %.2f", spread * 100), board.getInt(group + ".seeds"));
    }

    private static String entry(JsonPath board, int i) {
        if (i >= board.getList("entries").size()) {
            return " | | | ";
        }
        String e = "entries[" + i + "]";
        return String.format(Locale.ROOT, "%s | %s | %d | %.2f%%", board.getString(e + ".learner"),
                variant(board.getString(e + ".downsampling")), board.getLong(e + ".seed"),
                board.getDouble(e + ".testAccuracy") * 100);
    }
}
