package dev.convlab.classes;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the class pages and of a join link's page. */
@MessageBundle(value = "classes", locale = "en")
public interface ClassMessages {

    @Message("Classes")
    String title();

    /** A sentence the server wrote without its full stop (why joining is closed, why a class was refused). */
    @Message("{text}.")
    String sentence(String text);


    @Message("You are in no class yet. Join one with the link or the code your instructor gave you. Without a class you can still read the lesson, use the lab, train and see the site-wide ")
    String noClassBefore();

    @Message("leaderboard")
    String noClassLink();

    @Message(".")
    String noClassAfter();

    @Message("{#when role}{#is 'learner'}learner{#is 'instructor'}instructor{#else}site administrator{/when}")
    String role(String role);

    @Message("archived")
    String archived();

    @Message("joining closed")
    String joiningClosed();

    @Message("everyone from before classes")
    String everyoneFromBefore();

    @Message("{count} {#if count == 1}learner{#else}learners{/if}")
    String learners(long count);

    @Message("ends {date}")
    String endsOn(String date);

    @Message("Join a class")
    String joinAClass();

    @Message("Class code")
    String classCode();

    @Message("Join")
    String join();

    @Message("Start a class")
    String startAClass();

    @Message("Name")
    String name();

    @Message("Term (optional)")
    String term();

    @Message("Spring 2027")
    String termExample();

    @Message("Ends on (optional: joining closes after this day)")
    String endsOnLabel();

    @Message("Start the class")
    String startTheClass();

    @Message("Archived on ")
    String archivedOnBefore();

    @Message(": this class is read-only. Its dashboard, leaderboard and exports show what its learners had done by then.")
    String archivedOnAfter();

    @Message("On this page")
    String onThisPage();

    @Message("Invite")
    String invite();

    @Message("Dashboard")
    String dashboard();

    @Message("Leaderboard")
    String leaderboard();

    @Message("Roster")
    String roster();

    @Message("Settings")
    String settings();

    @Message("Invite learners")
    String inviteLearners();

    @Message("Learners join with this link, or by typing the code on their Classes page. Someone new signs up on the link's page and lands in this class.")
    String inviteHow();

    @Message("Join link")
    String joinLink();

    @Message("Copy")
    String copy();

    @Message("Code:")
    String codeLabel();

    @Message("The current code and link will stop working. Make a new code?")
    String newCodeConfirm();

    @Message("New code")
    String newCode();

    @Message("Close joining")
    String closeJoining();

    @Message("Open joining")
    String openJoining();

    @Message("This class's learners only{#if archived}, up to the moment it was archived{/if}. CSV:")
    String dashboardScope(boolean archived);




    @Message("The runs of this class's learners{#if archived} finished before it was archived{/if}.")
    String boardRuns(boolean archived);

    @Message("Classmates see learners by {#when privacy}{#is 'initials'}their initials{#is 'anonymous'}“Learner” and a number{#else}their display names{/when}{#if teaches}; you, as an instructor, see every name{/if}.")
    String boardNames(String privacy, boolean teaches);

    @Message("This class keeps its runs off the site-wide leaderboard.")
    String offSiteBoard();

    @Message("Name")
    String memberName();

    @Message("E-mail")
    String email();

    @Message("Role")
    String roleColumn();

    @Message("Joined")
    String joined();

    @Message("Actions")
    String actions();

    @Message("Take {name} out of this class? Their progress and runs stay theirs.")
    String removeConfirm(String name);

    @Message("Remove {name}")
    String removeLabel(String name);

    @Message("Remove")
    String remove();

    @Message("Add a co-instructor by the e-mail of their ConvLab account")
    String coInstructorLabel();

    @Message("Add co-instructor")
    String addCoInstructor();

    @Message("Names on the class's leaderboard, for classmates")
    String privacyLabel();

    @Message("Display names")
    String privacyFull();

    @Message("Initials")
    String privacyInitials();

    @Message("Anonymous (“Learner 17”)")
    String privacyAnonymous();

    @Message("Show this class's runs on the site-wide leaderboard")
    String onSiteBoardLabel();

    @Message("Save settings")
    String saveSettings();

    @Message("Archive {name}? It becomes read-only and takes no new learners; its dashboard and leaderboard stay as they are now.")
    String archiveConfirm(String name);

    @Message("Unarchive")
    String unarchive();

    @Message("Archive the class")
    String archiveTheClass();

    @Message("Leave {name}? Your progress and runs stay yours.")
    String leaveConfirm(String name);

    @Message("Leave this class")
    String leave();

    @Message("{#if status == 404}No such class{#else}Not your class{/if}")
    String classRefused(int status);

    @Message("Your classes")
    String yourClasses();

    @Message("Join {name}")
    String joinClass(String name);

    @Message("You are logged in as {name}. Your progress and runs stay yours; the class's instructors see them on its dashboard, and your runs appear on its leaderboard.")
    String loggedInAs(String name);

    @Message("Create your account to join. Your progress, answers and training runs are kept with it, and your runs appear on the class's leaderboard.")
    String signUpToJoin();

    @Message("Sign up and join")
    String signUpAndJoin();

    @Message("Log in to join")
    String logInToJoin();

    @Message("{#when status}{#is 429}Too many tries{#is 404}No class has this code{#else}You cannot join this class now{/when}")
    String joinRefused(int status);

    @Message("Type the code on ")
    String typeCodeBefore();

    @Message("Classes")
    String typeCodeLink();

    @Message(", or ask your instructor for a new link.")
    String typeCodeAfter();
}
