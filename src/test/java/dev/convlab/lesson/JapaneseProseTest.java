package dev.convlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The check that keeps English out of the Japanese lesson finds what it must and lets code, formulas and names be. */
class JapaneseProseTest {

    private static final String TRANSLATED = """
            ## 速さ比べ

            講座のノートブックでは、`F.unfold(inp, (3, 3))[0]` で **9×676** の行列を作り、`out = floor((n + 2p − d·(k−1) − 1) / s) + 1` を使います。

            ```python
            out = (w @ inp_unf).view(26, 26)         # the left-edge feature map
            ```

            ::kernel-lab{input=photo}

            2020 年 2 月、Jeremy Howard が Twitter で問いかけました。**Christian Szegedy**（Inception の筆頭著者）と Yann LeCun が答えました。Luo らの論文（"Understanding the Effective Receptive Field in Deep Convolutional Neural Networks"、2016 年）も読みましょう。im2col（image to columns、画像を列に）は PyTorch や TensorFlow でも使われます。

            | | PyTorch (NCHW) | TensorFlow の既定 (NHWC) |
            |---|---|---|
            | 画像 | `[16, 1, 28, 28]` バッチ | `[16, 28, 28, 1]` バッチ |
            """;

    @Test
    void japaneseProseWithCodeFormulasDirectivesAndNamesPasses() {
        assertEquals(List.of(), JapaneseProse.problems(TRANSLATED));
    }

    @Test
    void anUntranslatedParagraphIsFoundWithItsLine() {
        String markdown = TRANSLATED + """

                The network from the last step has 5,274 parameters, all starting as random numbers. Training turns them
                into useful kernels.
                """;
        assertEquals(List.of(
                "line 17: 'The network from the last step has' is English",
                "line 17: 'parameters, all starting as random numbers. Training turns them\ninto useful kernels' is English",
                "line 17: 'The network from the last step has 5,274 parameters, all starting as random numbers. Training turns them\n"
                        + "into useful kernels.' has no Japanese"),
                JapaneseProse.problems(markdown));
    }

    @Test
    void anEnglishSentenceInsideAJapaneseParagraphOrInBoldIsFound() {
        assertEquals(List.of("line 1: 'Look at the widget below' is English", "line 1: 'this is still English' is English"),
                JapaneseProse.problems("下の図を見ましょう。Look at the widget below. そして **this is still English** です。"));
    }

    @Test
    void anEnglishTableCellIsFound() {
        String table = "| 窓を置く場所 | 応答 |\n|---|---|\n| across the bottom of a stroke | −2.96 |\n";
        assertEquals(List.of("line 3: 'across the bottom of a stroke' is English"), JapaneseProse.problems(table));
    }

    @Test
    void aShortEnglishHeadingHasNoJapanese() {
        assertEquals(List.of("line 1: 'Key ideas' has no Japanese"), JapaneseProse.problems("## Key ideas\n"));
    }

    @Test
    void threeLatinWordsPassAndFourAreASentence() {
        assertEquals(List.of(), JapaneseProse.problems("im2col（image to columns）です。"));
        assertEquals(List.of("line 1: 'turn images into columns' is English"), JapaneseProse.problems("im2col（turn images into columns）です。"));
    }

    @Test
    void aLineBreakInsideAJapaneseSentenceIsFound() {
        assertEquals(List.of("line 1: a line break inside a Japanese sentence shows as a space: keep the paragraph on one line"),
                JapaneseProse.problems("画像は数の\n並びです。\n"));
    }

    @Test
    void boldThatTouchesJapanesePunctuationIsFound() {
        assertEquals(List.of("line 1: '*' is left as text: emphasis that touches Japanese punctuation needs a space outside it"),
                JapaneseProse.problems("これは**「上エッジ」**カーネルです。"));
        assertEquals(List.of(), JapaneseProse.problems("これは **「上エッジ」** カーネルです。"));
    }
}
