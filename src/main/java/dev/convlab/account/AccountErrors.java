package dev.convlab.account;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** What sign-up, log-in and the CSRF check tell a refused reader, on the forms and in problem answers. */
@MessageBundle("accountErrors")
public interface AccountErrors {

    @Message("Login failed")
    String loginFailedTitle();

    @Message("The e-mail or the password is wrong")
    String loginFailed();

    @Message("Too many failed logins: wait {wait} and try again")
    String tooManyLogins(String wait);

    @Message("Too many sign-ups from your network: wait {wait} and try again")
    String tooManySignUps(String wait);

    @Message("An account with this e-mail already exists")
    String emailTaken();

    @Message("is {bytes} bytes long in UTF-8, and at most {maximum} count (an accented letter takes 2 bytes, many other characters 3 or 4): choose a shorter one")
    String passwordTooLong(int bytes, int maximum);

    @Message("The request was refused because it carries no CSRF token; reload the page and try again")
    String noCsrfToken();

    @Message("The request was refused because its CSRF token is not this session's; reload the page and try again")
    String foreignCsrfToken();

    @Message("Enter your e-mail and your password.")
    String enterEmailAndPassword();

    @Message("Please correct the fields below.")
    String correctFields();

    @Message("1 second")
    String oneSecond();

    @Message("{count} seconds")
    String seconds(long count);

    @Message("{count} minutes")
    String minutes(long count);
}
