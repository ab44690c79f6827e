package dev.convlab.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** E-mail and password of someone logging in. */
public record LogIn(
        @NotBlank(message = "{convlab.required}") @Size(max = 254, message = "{convlab.tooLong}")
        @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE) String email,
        @NotBlank(message = "{convlab.required}") @Size(max = 200, message = "{convlab.tooLong}") String password) {

    /** The same request with its e-mail in the form accounts are compared in. */
    LogIn normalized() {
        return new LogIn(Account.normalizeEmail(email), password);
    }
}
