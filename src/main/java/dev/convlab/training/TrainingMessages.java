package dev.convlab.training;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of a run's page, and those of a run's configuration that are words rather than settings. */
@MessageBundle(value = "training", locale = "en")
public interface TrainingMessages {

    @Message("Run {id}")
    String runTitle(long id);

    @Message("{configuration}, seed {seed}.")
    String runSummary(String configuration, long seed);

    @Message("Back to the ablation")
    String backToAblation();

    @Message("Leaderboard")
    String leaderboard();

    @Message("Progress and results")
    String progressAndResults();

    @Message("Loading the run…")
    String loadingRun();

    @Message("Run not found")
    String notFoundTitle();

    @Message("You have no run {id}")
    String noSuchRun(long id);

    @Message("Runs are visible to the learner who queued them.")
    String runsArePrivate();

    @Message("{#if on}batch norm{#else}no batch norm{/if}")
    String batchNorm(boolean on);

    @Message("batch {size}")
    String batchSize(int size);

    @Message("{count} {#if count == 1}epoch{#else}epochs{/if}")
    String epochs(int count);

    @Message("Try a learning rate ten times smaller, a smaller batch with more epochs, batch norm, or Adam at a learning rate around 0.001–0.01.")
    String whatToTry();

    @Message("The loss became NaN or passed 10,000: the steps were so large that the weights overshot and grew without bound, and no further training can bring them back.")
    String outcomeDiverged();

    @Message("It learned: its test accuracy is well above chance and it predicts every class.")
    String outcomeLearned();

    @Message("It learned next to nothing.")
    String learnedNextToNothing();

    @Message("It predicts “{name}” for {percent}% of the test images,")
    String predictsOneClass(String name, String percent);

    @Message("Its test accuracy, {accuracy}%, is close to the 10% that guessing gets,")
    String accuracyNearChance(String accuracy);

    @Message("{symptom} so it learned next to nothing: the run collapsed. Usually the steps were too large or too few: the ReLUs went dead (their inputs stayed negative, so no gradient reaches the layers below) or the loss never left ln 10 ≈ 2.30.")
    String collapsed(String symptom);
}
