package dev.convlab.classes;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Why a class, its members, its board or a join code refused a request, in problem answers and on its pages. */
@MessageBundle("classesErrors")
public interface ClassesErrors {

    @Message("There is no class {classId}")
    String noClass(long classId);

    @Message("You are not in this class")
    String notInClass();

    @Message("Only this class's instructors may do this")
    String onlyInstructors();

    @Message("Only instructors start classes: ask the site's administrator or a class's instructor to add you to one as an instructor")
    String onlyInstructorsStartClasses();

    @Message("is required: full, initials or anonymous")
    String privacyRequired();

    @Message("must be full, initials or anonymous")
    String privacyChoice();

    @Message("is required: true or false")
    String trueOrFalseRequired();

    @Message("no ConvLab account has this e-mail: ask them to sign up first, then add them")
    String noAccountWithEmail();

    @Message("Account {accountId} is not in this class")
    String accountNotInClass(long accountId);

    @Message("They are the class's only instructor: add another instructor first")
    String theirOnlyInstructor();

    @Message("You are not a member of this class")
    String notMember();

    @Message("You are the class's only instructor: add another instructor before you leave")
    String yourOnlyInstructor();

    @Message("No class has this code: check it with your instructor")
    String noClassWithCode();

    @Message("This class is archived: it takes no new learners")
    String archivedTakesNoLearners();

    @Message("Joining this class is closed: ask its instructor to open it")
    String joiningClosed();

    @Message("This class ended on {endsOn}: it takes no new learners")
    String ended(String endsOn);

    @Message("Joining closed")
    String joiningClosedTitle();

    @Message("Archived")
    String archivedTitle();

    @Message("This class is archived and read-only: unarchive it to change it")
    String archivedReadOnly();

    @Message("This class is archived and read-only: unarchive it to moderate its board")
    String archivedBoard();

    @Message("There is no leaderboard entry {runId} in this class")
    String noEntryInClass(long runId);

    @Message("Too many tries with codes no class has from your network: wait {wait} and try again")
    String tooManyCodes(String wait);
}
