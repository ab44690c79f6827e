package dev.convlab.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a new learner sends to create an account. */
public record SignUp(
        @NotBlank(message = "is required") @Email(message = "is not a valid e-mail address") @Size(max = 254, message = "is too long")
        @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE) String email,
        @NotBlank(message = "is required") @Size(max = 80, message = "must be at most 80 characters")
        @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE) String displayName,
        @NotBlank(message = "is required") @Size(min = 10, max = 200, message = "must be 10 to 200 characters") String password) {

    /** The same request with its e-mail in the form accounts are compared in. */
    SignUp normalized() {
        return new SignUp(Account.normalizeEmail(email), displayName, password);
    }
}
