package dev.convlab.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void aBrowserThatPrefersJapaneseGetsJapanese() {
        assertEquals(Language.JA, Language.fromAcceptLanguage("ja"));
        assertEquals(Language.JA, Language.fromAcceptLanguage("ja-JP,ja;q=0.9,en-US;q=0.8,en;q=0.7"));
        assertEquals(Language.JA, Language.fromAcceptLanguage("fr;q=0.9, ja;q=0.8"));
    }

    @Test
    void anyOtherBrowserGetsEnglish() {
        assertEquals(Language.EN, Language.fromAcceptLanguage(null));
        assertEquals(Language.EN, Language.fromAcceptLanguage(""));
        assertEquals(Language.EN, Language.fromAcceptLanguage("en-US,en;q=0.9,ja;q=0.8"));
        assertEquals(Language.EN, Language.fromAcceptLanguage("de-DE"));
        assertEquals(Language.EN, Language.fromAcceptLanguage("*"));
        assertEquals(Language.EN, Language.fromAcceptLanguage("ja;q=0"));
        assertEquals(Language.EN, Language.fromAcceptLanguage("ja;q=abc,,;;"));
    }

    @Test
    void aStoredTagIsReadWhateverItsCaseOrRegion() {
        assertEquals(Optional.of(Language.JA), Language.ofTag("ja-JP"));
        assertEquals(Optional.of(Language.JA), Language.ofTag("JA"));
        assertEquals(Optional.of(Language.EN), Language.ofTag("en"));
        assertEquals(Optional.empty(), Language.ofTag("xx"));
        assertEquals(Optional.empty(), Language.ofTag(null));
    }
}
