package dev.convlab.i18n;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** The languages ConvLab speaks; English is the source of the lesson and the fallback for everything else. */
public enum Language {
    EN(Locale.ENGLISH),
    JA(Locale.JAPANESE);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    /** The BCP 47 tag pages declare in {@code lang} and the cookie and the account store: {@code en}, {@code ja}. */
    public String tag() {
        return locale.getLanguage();
    }

    public Locale locale() {
        return locale;
    }

    /** The language of a stored tag ({@code ja}, {@code ja-JP}, {@code JA}), if it is one ConvLab speaks. */
    public static Optional<Language> ofTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String primary = Locale.forLanguageTag(tag.strip()).getLanguage();
        return Stream.of(values()).filter(language -> language.tag().equals(primary)).findFirst();
    }

    /**
     * The language an {@code Accept-Language} header asks for: Japanese when {@code ja} ranks above English and is
     * wanted at all, English for anything else, a missing header or one that does not parse.
     */
    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return EN;
        }
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .filter(range -> range.getWeight() > 0)
                    .sorted(Comparator.comparingDouble(Locale.LanguageRange::getWeight).reversed())
                    .map(range -> range.getRange().equals("*") ? Optional.of(EN) : ofTag(range.getRange()))
                    .flatMap(Optional::stream)
                    .findFirst()
                    .orElse(EN);
        } catch (IllegalArgumentException unparsable) {
            return EN;
        }
    }
}
