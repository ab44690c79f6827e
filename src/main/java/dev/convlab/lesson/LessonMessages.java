package dev.convlab.lesson;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the lesson pages and of widget placeholders; Japanese in {@code messages/lesson_ja.properties}. */
@MessageBundle("lesson")
public interface LessonMessages {

    @Message("Convolutions")
    String indexTitle();

    @Message("Convolutions, by doing them")
    String indexHeading();

    @Message("Eleven short steps from \"an image is a grid of numbers\" to training your own convolutional network and answering a question the course left open: stride-2 convolutions or pooling?")
    String indexLead();

    @Message("Your progress")
    String yourProgress();

    @Message("{completed} of {total} steps completed ({percent}%)")
    String stepsCompleted(int completed, int total, int percent);

    /** Contains links: templates print it raw. */
    @Message("<a href=\"/signup\">Sign up</a> or <a href=\"/login\">log in</a> to keep your progress and have your answers checked. Every step can be read without an account.")
    String readWithoutAccount();

    @Message("Steps")
    String steps();

    @Message("Completed")
    String completed();

    @Message("Visited")
    String visited();

    @Message("Not started")
    String notStarted();

    @Message("In progress")
    String inProgress();

    @Message("{count} {#if count == 1}exercise{#else}exercises{/if}")
    String exerciseCount(int count);

    @Message("Japanese only")
    String otherLanguageOnly();

    @Message("This step is not available in English yet, so it is shown in Japanese.")
    String fallbackNote();

    @Message("Step not found")
    String notFoundTitle();

    @Message("There is no step “{slug}”")
    String notFoundHeading(String slug);

    @Message("It may have been renamed or retired.")
    String notFoundText();

    @Message("Back to the lesson.")
    String backToLesson();

    @Message("Breadcrumb")
    String breadcrumb();

    @Message("Lesson")
    String lesson();

    @Message("Step {position} of the lesson")
    String stepOfLesson(int position);

    @Message("Check yourself")
    String checkYourself();

    @Message("Your answer (a shape, such as 3×4)")
    String answerShape();

    @Message("Your kernel (row by row, rows separated by ;)")
    String answerKernel();

    @Message("Your answer (a number)")
    String answerNumber();

    @Message("Check")
    String check();

    @Message("Solved.")
    String solved();

    /** Contains links: templates print it raw; the slug is lowercase letters, digits and hyphens. */
    @Message("<a href=\"/login?next=/lesson/{slug}\">Log in</a> or <a href=\"/signup\">sign up</a> to answer and keep your progress.")
    String logInToAnswer(String slug);

    @Message("Finish this step")
    String finishStep();

    @Message("You marked this step as done.")
    String markedDone();

    @Message("Mark this step as done")
    String markDone();

    @Message("Steps")
    String stepsNavigation();

    @Message("Loading {description}…")
    String widgetLoading(String description);

    @Message("There is no widget called “{name}”: check the directive's name.")
    String unknownWidget(String name);

    @Message("the pixel grid: one digit as a 28×28 grid of numbers")
    String widgetPixelGrid();

    @Message("one kernel, one spot: a 3×3 window times the kernel, summed into one value")
    String widgetKernelSpot();

    @Message("the feature maps of the four lesson kernels, computed by TensorFlow")
    String widgetFeatureMaps();

    @Message("the kernel lab: type kernels, stride, padding and dilation and see the maps")
    String widgetKernelLab();

    @Message("the unfolded image matrix and the timing race of loop, im2col and conv2d")
    String widgetIm2col();

    @Message("the output-size calculator with its sliding-window diagram")
    String widgetShapeCalculator();

    @Message("the network builder: every layer's shape and parameter count")
    String widgetNetworkBuilder();

    @Message("a training run on the server with live loss and accuracy")
    String widgetTrainingRun();

    @Message("the receptive field view, theoretical and effective")
    String widgetReceptiveField();

    @Message("the ablation form and your list of runs")
    String widgetAblation();

    @Message("the class leaderboard of ablation results")
    String widgetLeaderboard();

    @Message("Right.")
    String right();

    @Message("Not quite: try again.")
    String notQuite();
}
