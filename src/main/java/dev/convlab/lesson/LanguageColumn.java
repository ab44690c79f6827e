package dev.convlab.lesson;

import dev.convlab.i18n.Language;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Language} as its tag ({@code en}, {@code ja}), as the migration's check constraint expects. */
@Converter
public class LanguageColumn implements AttributeConverter<Language, String> {

    @Override
    public String convertToDatabaseColumn(Language language) {
        return language == null ? null : language.tag();
    }

    @Override
    public Language convertToEntityAttribute(String tag) {
        return tag == null ? null : Language.ofTag(tag).orElseThrow(() -> new IllegalStateException("Unknown language '" + tag + "'"));
    }
}
