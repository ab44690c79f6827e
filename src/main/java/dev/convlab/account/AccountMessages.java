package dev.convlab.account;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the sign-up and log-in pages and of the sign-up fields a join link's page shares. */
@MessageBundle(value = "account", locale = "en")
public interface AccountMessages {

    @Message("Log in")
    String logIn();

    @Message("E-mail")
    String email();

    @Message("Password")
    String password();

    @Message("New here? ")
    String newHereBefore();

    @Message("Create an account")
    String newHereLink();

    @Message(".")
    String newHereAfter();

    @Message("Sign up")
    String signUp();

    @Message("Create your account")
    String signUpHeading();

    @Message("Your progress, answers and training runs are kept with it.")
    String signUpWhy();

    @Message("Already have an account? ")
    String haveAccountBefore();

    @Message("Log in")
    String haveAccountLink();

    @Message(".")
    String haveAccountAfter();

    @Message("Name shown to your class")
    String displayName();

    @Message("Password (at least 10 characters)")
    String newPassword();

    @Message("E-mail {error}.")
    String emailError(String error);

    @Message("Name {error}.")
    String displayNameError(String error);

    @Message("Password {error}.")
    String passwordError(String error);
}
