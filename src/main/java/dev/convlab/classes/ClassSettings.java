package dev.convlab.classes;

import dev.convlab.account.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A class's settings as an instructor sends them. Creating a class needs only the name; changing it sends every
 * setting (a term or end date left out is cleared). {@code privacy} is full, initials or anonymous; {@code onSiteBoard}
 * whether its learners' runs appear on the site-wide leaderboard.
 */
public record ClassSettings(
        @NotBlank(message = "{convlab.required}") @Size(max = 100, message = "{convlab.atMost}")
        @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE) String name,
        @Size(max = 60, message = "{convlab.atMost}") @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE) String term,
        LocalDate endsOn,
        String privacy,
        Boolean onSiteBoard) {}
