package dev.convlab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.convlab.browser.Browser.Screen;
import dev.convlab.i18n.FrontendSource;
import dev.convlab.lesson.Exercise;
import dev.convlab.lesson.StepSourceParser;
import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import dev.convlab.training.RunWorker;
import dev.convlab.training.TrainingRuns;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A new learner whose browser asks for Japanese ({@code Accept-Language: ja}, no cookie) opens the home page, signs up
 * through its form, reads every step, answers step 2's first exercise rightly, trains a run and uses every step's
 * widget, on a laptop and on a phone. Every page declares {@code lang="ja"} and shows no Latin-script sentence outside
 * code and proper names; each widget speaks Japanese (labels, buttons, status lines, chart legends, aria-labels) and
 * shows none of the English catalogue's phrases; every page fits the screen, passes axe and logs no error.
 * Screenshots: {@code target/screenshots/ja-walk-<width>-<step>.png}.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class JapaneseWidgetsBrowserTest {

    private static final Path JAPANESE_CONTENT = Path.of("content", "convolutions", "ja");
    /** Two English words in a row. */
    private static final Pattern ENGLISH_PHRASE = Pattern.compile("[A-Za-z]{2,}[ ]+[A-Za-z]{2,}");
    /** A Latin-script sentence: three or more Latin words in a row, whole words only (not {@code Conv2d}). */
    private static final Pattern LATIN_SENTENCE = Pattern.compile("(?<![\\w.-])[A-Za-z]+(?:[ ,]+[A-Za-z]+){2,}(?![\\w-])");
    /** Names and terms a Japanese text keeps in Latin script. */
    private static final Pattern PROPER_NAME = Pattern.compile(
            "ConvLab|Fashion-MNIST|MNIST|PyTorch|fast\\.ai|TensorFlow|SGD|Adam|im2col|CSV|ReLU|Java|Python|GitHub");
    /**
     * The visible text nodes of the page, shadow roots included, outside code, pre, kbd, samp, math, formulas (the
     * {@code .formula} and {@code .katex} boxes) and titles of works ({@code cite}, proper names), one a line.
     */
    private static final String VISIBLE_PROSE = """
            () => {
              const out = [];
              const skipped = ['CODE', 'PRE', 'KBD', 'SAMP', 'MATH', 'CITE', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'];
              const walk = (node) => {
                for (const child of node.childNodes) {
                  if (child.nodeType === Node.TEXT_NODE) {
                    const text = child.textContent.replace(/\\s+/g, ' ').trim();
                    if (text) out.push(text);
                  }
                  if (child.nodeType !== Node.ELEMENT_NODE || skipped.includes(child.tagName)) continue;
                  if (child.matches('.formula, .katex') || (child.checkVisibility && !child.checkVisibility())) continue;
                  if (child.shadowRoot) walk(child.shadowRoot);
                  walk(child);
                }
              };
              walk(document.body);
              return out.join('\\n');
            }""";
    /** Every text, aria-label, title and placeholder inside the page's widgets, shadow roots included. */
    private static final String WIDGET_TEXT = """
            () => {
              const out = [];
              const walk = (node) => {
                for (const child of node.childNodes) {
                  if (child.nodeType === Node.TEXT_NODE) out.push(child.textContent);
                  if (child.nodeType !== Node.ELEMENT_NODE || ['STYLE', 'SCRIPT'].includes(child.tagName)) continue;
                  for (const name of ['aria-label', 'title', 'placeholder']) {
                    if (child.hasAttribute(name)) out.push(child.getAttribute(name));
                  }
                  if (child.shadowRoot) walk(child.shadowRoot);
                  walk(child);
                }
              };
              document.querySelectorAll('.widget').forEach(walk);
              return out.join('\\n').replace(/\\s+/g, ' ');
            }""";

    @TestHTTPResource("/")
    URL root;

    @Inject
    RunWorker worker;

    @Inject
    StepSourceParser parser;

    private Page page;
    private String size;
    private Browser.Walk walk;

    @AfterEach
    void clearTheQueue() {
        TrainingRuns.cancelUnfinished();
    }

    @ParameterizedTest(name = "on a {0}")
    @ValueSource(strings = {"laptop", "phone"})
    void aNewLearnerInJapaneseSeesJapaneseOnEveryPageAndWidget(String size) throws Exception {
        this.size = size;
        Screen screen = Screen.named(size);
        NewContextOptions japanese = screen.options().setLocale("ja-JP").setExtraHTTPHeaders(Map.of("Accept-Language", "ja"));
        try (Browser.Session session = Browser.open(japanese)) {
            page = session.page();
            walk = new Browser.Walk(page, screen, "ja-walk-" + screen.width + "-");

            signUpFromTheHomePage();
            pixelGrid();
            kernelSpot();
            featureMaps();
            kernelLab();
            im2col();
            shapeCalculator();
            networkBuilder();
            colourKernelLab();
            trainingRun();
            receptiveField();
            ablationAndLeaderboard();
        }
        walk.assertNoProblems();
    }

    private void open(String slug) {
        page.navigate(root + "lesson/" + slug);
    }

    private void pixelGrid() throws Exception {
        open("images-are-numbers");
        Locator grid = page.locator("cl-pixel-grid");
        assertThat(grid.locator("td")).hasCount(784);
        grid.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("次へ")).click();
        assertThat(grid.getByLabel("画像の番号")).hasValue("8");
        assertThat(grid.locator("caption")).containsText("個の数です");
        check("01-images-are-numbers");
    }

    private void kernelSpot() throws Exception {
        open("one-kernel-one-spot");
        Locator spot = page.locator("cl-kernel-spot");
        assertThat(spot.locator(".sum")).containsText("TensorFlow のマップでは");
        spot.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("右へずらす")).click();
        assertThat(spot.locator(".sum")).containsText("(8, 11) での合計");
        assertThat(spot.getByLabel("カーネル")).containsText("上エッジ");
        answerRightly("02-one-kernel-one-spot.md", "top-edge-at-spot");
        check("02-one-kernel-one-spot");
    }

    private void featureMaps() throws Exception {
        open("sliding-everywhere");
        Locator lab = page.locator("cl-kernel-lab");
        assertThat(lab.locator("canvas.map").first()).hasAttribute("aria-label", Pattern.compile("上エッジの特徴マップ：26 行 × 26 列"), Browser.COMPUTED);
        assertThat(lab.locator("legend").first()).hasText("画像");
        check("03-sliding-everywhere");
    }

    private void kernelLab() throws Exception {
        open("kernel-lab");
        Locator lab = page.locator("cl-kernel-lab");
        Locator map = lab.locator("canvas.map").first();
        assertThat(map).hasAttribute("aria-label", Pattern.compile("26 行 × 26 列"), Browser.COMPUTED);
        lab.getByLabel("カーネル 1、1 行 1 列").fill("4");
        Locator stride = lab.getByLabel("ストライド", new Locator.GetByLabelOptions().setExact(true));
        stride.fill("2");
        stride.press("Tab");
        assertThat(map).hasAttribute("aria-label", Pattern.compile("13 行 × 13 列"), Browser.COMPUTED);
        assertThat(lab.getByLabel("ダイレーション（全体）")).hasValue("1");
        lab.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("カーネルを追加")).click();
        assertThat(lab.locator("canvas.map")).hasCount(2);
        assertThat(lab.locator("canvas.map").nth(1)).hasAttribute("aria-label", Pattern.compile("13 行 × 13 列"), Browser.COMPUTED);
        assertThat(lab.locator(".formula")).containsText("行：floor((28");
        check("04-kernel-lab");
    }

    private void im2col() throws Exception {
        open("im2col");
        Locator im2col = page.locator("cl-im2col");
        assertThat(im2col).containsText("9 × 676");
        assertThat(im2col.locator(".measured")).containsText("サーバー（", Browser.SERVER_ANSWER);
        im2col.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("もう一度計測")).click();
        assertThat(im2col.locator(".measured")).containsText("あなたのために計測しました", Browser.SERVER_ANSWER);
        assertThat(im2col.locator("table").first()).containsText("素朴な Java のループ");
        check("05-im2col");
    }

    private void shapeCalculator() throws Exception {
        open("padding-and-stride");
        Locator calculator = page.locator("cl-shape-calculator");
        assertThat(calculator).containsText("TensorFlow の出力：14×14");
        calculator.getByLabel("TensorFlow の SAME").check();
        assertThat(calculator).containsText("パディング（上、下）0、1");
        calculator.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("層を追加")).click();
        assertThat(calculator.locator("tbody tr").last()).containsText("127×127");
        check("06-padding-and-stride");
    }

    private void networkBuilder() throws Exception {
        open("a-cnn-of-stride-2-convs");
        Locator builder = page.locator("cl-network-builder");
        assertThat(builder.locator("tbody tr")).hasCount(6);
        builder.getByLabel("ダウンサンプリング").selectOption("MAX_POOL");
        assertThat(builder.locator("tbody tr")).hasCount(11);
        assertThat(builder.locator("caption")).hasText("1×28×28 の画像 1 枚に対する各層");
        check("07-a-cnn-of-stride-2-convs");
    }

    private void colourKernelLab() throws Exception {
        open("colour-images");
        Locator lab = page.locator("cl-kernel-lab");
        Locator map = lab.locator("canvas.map").first();
        assertThat(map).hasAttribute("aria-label", Pattern.compile("254 行 × 254 列"), Browser.COMPUTED);
        assertThat(lab.locator("canvas.input")).hasAttribute("aria-label", Pattern.compile("宇宙飛行士"));
        lab.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("緑を編集")).click();
        assertThat(lab.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("緑を編集"))).hasAttribute("aria-pressed", "true");
        check("10-colour-images");
    }

    /**
     * A new learner opens the home page and signs up through the header's link and the form, by its fields' names,
     * which do not change with the language. Signed in, the walk's many requests stay within the learner's budget
     * rather than an anonymous visitor's.
     */
    private void signUpFromTheHomePage() throws Exception {
        page.navigate(root.toString());
        check("00-home");
        page.locator("header a[href='/signup']").click();
        page.locator("input[name=email]").fill(Http.uniqueEmail());
        page.locator("input[name=displayName]").fill("日本語の学習者 " + size);
        page.locator("input[name=password]").fill("a-long-enough-password");
        check("00-signup");
        page.locator("form[action='/signup'] button[type=submit]").click();
        assertThat(page.locator("#progress-text")).isVisible();
        check("00-index");
    }

    /** Types the exercise's answer, read from the Japanese step's front matter, into its form: the feedback says so in Japanese. */
    private void answerRightly(String stepFile, String key) throws Exception {
        Path file = JAPANESE_CONTENT.resolve(stepFile);
        Exercise exercise = parser.parse(file.toString(), Files.readAllBytes(file)).exercises().stream()
                .filter(e -> e.key().equals(key)).findFirst().orElseThrow();
        Locator form = page.locator("form[data-exercise='" + key + "']");
        form.getByRole(AriaRole.TEXTBOX).fill(Browser.rightAnswer(exercise));
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("答え合わせ")).click();
        assertThat(form.locator(".feedback")).containsText("正解です！");
    }

    private void trainingRun() throws Exception {
        open("training-it");
        Locator training = page.locator("cl-training-run");
        training.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("サーバーで学習")).click();
        assertThat(training.getByRole(AriaRole.STATUS)).containsText("待機中");
        assertTrue(worker.runOnce("ja-" + size), "no queued run to train");
        assertThat(training.getByRole(AriaRole.STATUS)).containsText(Pattern.compile("完了：.*テスト正解率 \\d+\\.\\d\\d%"), Browser.SERVER_ANSWER);
        assertThat(training.locator(".chart svg")).containsText("検証正解率");
        assertThat(training.locator(".chart svg")).containsText("エポック");
        assertThat(training.locator("table caption")).hasText("行は正解のクラス、列は予測したクラスです");
        check("08-training-it");
    }

    private void receptiveField() throws Exception {
        open("receptive-field");
        Locator field = page.locator("cl-receptive-field");
        field.getByLabel("層", new Locator.GetByLabelOptions().setExact(true)).selectOption("2");
        field.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("3 行 3 列の活性")).click();
        assertThat(field.locator("figcaption").first()).containsText("画像の 17–27 行、17–27 列");
        check("09-receptive-field");
    }

    private void ablationAndLeaderboard() throws Exception {
        open("the-ablation");
        Locator ablation = page.locator("cl-ablation");
        assertThat(ablation.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("これらの実行を登録"))).isVisible();
        assertThat(ablation.getByLabel("シード", new Locator.GetByLabelOptions().setExact(true))).hasValue("1, 2, 3");
        Locator board = page.locator("cl-leaderboard");
        assertThat(board.getByLabel("比べる項目")).containsText("ダウンサンプリング");
        assertThat(board.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("CSV をダウンロード"))).isVisible();
        board.getByLabel("データ", new Locator.GetByLabelOptions().setExact(true)).selectOption("mnist");
        assertThat(board.locator(".compares")).containsText("以外（シードは除く）がすべて同じ実行どうしで");
        assertThat(board.locator(".chart svg").first()).containsText("テスト正解率");
        check("11-the-ablation");
    }

    /**
     * What every page passes: it declares {@code lang="ja"}, its visible text has no Latin-script sentence outside code,
     * formulas and proper names, its widgets show none of the English catalogue's phrases, and what every page of a
     * {@link Browser.Walk} passes.
     */
    private void check(String name) throws Exception {
        page.waitForLoadState();
        assertEquals("ja", page.evaluate("() => document.documentElement.lang"), page.url() + ": the page's language");
        for (String line : ((String) page.evaluate(VISIBLE_PROSE)).split("\n")) {
            Matcher sentence = LATIN_SENTENCE.matcher(PROPER_NAME.matcher(line).replaceAll("・"));
            if (sentence.find()) {
                walk.problem(page.url() + ": the Latin-script sentence \"" + sentence.group() + "\" in \"" + line + "\"");
            }
        }
        String text = (String) page.evaluate(WIDGET_TEXT);
        for (String phrase : ENGLISH_PHRASES) {
            if (text.contains(phrase)) {
                walk.problem(page.url() + ": a widget shows the English \"" + phrase + "\"");
            }
        }
        walk.check(name);
    }

    /** The English catalogue's phrases (the words between its placeholders) that the Japanese does not share. */
    private static final Set<String> ENGLISH_PHRASES = englishPhrases();

    private static Set<String> englishPhrases() {
        Map<String, String> english = FrontendSource.catalogue("en");
        Map<String, String> japanese = FrontendSource.catalogue("ja");
        Set<String> phrases = new TreeSet<>();
        english.forEach((key, message) -> {
            for (String part : message.split("\\{\\w+}")) {
                String phrase = part.strip().replaceAll("\\s+", " ");
                if (ENGLISH_PHRASE.matcher(phrase).find() && !japanese.get(key).contains(phrase)) {
                    phrases.add(phrase);
                }
            }
        });
        return phrases;
    }
}
