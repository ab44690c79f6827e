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
}
