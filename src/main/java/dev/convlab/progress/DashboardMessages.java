package dev.convlab.progress;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the dashboards: the site's, and each class's on its page. */
@MessageBundle(value = "dashboard", locale = "en")
public interface DashboardMessages {

    @Message("Class dashboard")
    String title();

    @Message("Every learner of the site. ")
    String siteScopeBefore();

    @Message("Classes")
    String siteScopeLink();

    @Message(" have dashboards of their own.")
    String siteScopeAfter();

    @Message("Edit the lesson")
    String editLesson();

    @Message("Moderate the leaderboard")
    String moderateLeaderboard();

    @Message("(verify, hide)")
    String moderateHow();

    @Message("CSV:")
    String csv();

    @Message("steps")
    String csvSteps();

    @Message("exercises")
    String csvExercises();

    @Message("learners")
    String csvLearners();

    @Message(", ")
    String listSeparator();

    @Message("Step funnel")
    String funnel();

    @Message("Bar chart of learners who visited and completed each step; the table below has the numbers")
    String funnelChart();

    @Message("Step")
    String step();

    @Message("Visited")
    String visited();

    @Message("Completed")
    String completed();

    @Message("Exercises")
    String exercises();

    @Message("Bar chart of first-try success per exercise; the table below has the numbers")
    String exerciseChart();

    @Message("Exercise")
    String exercise();

    @Message("Attempts")
    String attempts();

    @Message("Learners")
    String learners();

    @Message("Right first time")
    String rightFirstTime();

    @Message("Common wrong answers")
    String commonWrongAnswers();

    @Message("Sort by")
    String sortBy();

    @Message("last activity")
    String byLastActivity();

    @Message("steps completed")
    String byCompleted();

    @Message("e-mail")
    String byEmail();

    @Message("At least this many steps completed")
    String minCompleted();

    @Message("Show")
    String show();

    @Message("Learner")
    String learner();

    @Message("E-mail")
    String email();

    @Message("Steps completed")
    String stepsCompleted();

    @Message("Answers")
    String answers();

    @Message("Saved kernels")
    String savedKernels();

    @Message("Training runs")
    String runs();

    @Message("Last activity")
    String lastActivity();
}
