package dev.convlab.i18n;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import io.quarkus.qute.TemplateInstance;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Days, moments and numbers as the page's language writes them ({@code {x.localized}} in templates), in the locale
 * {@link TemplateLanguage} gave the template.
 */
@TemplateExtension
public class LocalizedFormats {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withZone(ZoneOffset.UTC);

    /** A day: "December 31, 2026", "2026年12月31日". */
    static String localized(LocalDate day, @TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        return DAY.withLocale(locale(locale)).format(day);
    }

    /** A day as {@code {day.localized}} writes it, for text written in Java: a message's argument. */
    public static String day(LocalDate day, Language language) {
        return DAY.withLocale(language.locale()).format(day);
    }

    /** A moment in UTC, "Dec 2, 2026, 9:20 AM UTC", "2026/12/02 9:20 UTC"; the page's script shows it in the reader's time zone. */
    static String localized(Instant moment, @TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        return MOMENT.withLocale(locale(locale)).format(moment) + " UTC";
    }

    /** A count or measure with the language's digit grouping: "12,345". */
    static String localized(Number number, @TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        return NumberFormat.getNumberInstance(locale(locale)).format(number);
    }

    /** A share as a whole percentage: 0.333… as "33%". */
    static String percent(double share, @TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        NumberFormat percent = NumberFormat.getPercentInstance(locale(locale));
        percent.setRoundingMode(RoundingMode.HALF_UP);
        return percent.format(share);
    }

    /** The template's locale, or English for a template rendered outside a request. */
    static Locale locale(Object attribute) {
        return attribute instanceof Locale locale ? locale : Language.EN.locale();
    }
}
