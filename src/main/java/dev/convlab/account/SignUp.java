package dev.convlab.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a new learner sends to create an account. */
public record SignUp(
        @NotBlank(message = "{convlab.required}") @Email(message = "{convlab.email}") @Size(max = 254, message = "{convlab.tooLong}")
        @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE) String email,
        @NotBlank(message = "{convlab.required}") @Size(max = 80, message = "{convlab.atMost}")
        @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE) String displayName,
        @NotBlank(message = "{convlab.required}") @Size(min = 10, max = 200, message = "{convlab.between}") String password) {

    /** The same request with its e-mail in the form accounts are compared in. */
    SignUp normalized() {
        return new SignUp(Account.normalizeEmail(email), displayName, password);
    }
}
