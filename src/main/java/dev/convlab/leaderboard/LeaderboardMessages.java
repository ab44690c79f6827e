package dev.convlab.leaderboard;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the leaderboard page, and the line a leaderboard shows while it loads. */
@MessageBundle(value = "leaderboard", locale = "en")
public interface LeaderboardMessages {

    @Message("Leaderboard")
    String title();

    @Message("Class leaderboard")
    String heading();

    @Message("Stride-2 convolutions or pooling? Every finished run of the class, summarised per variant over seeds; a variant is compared only with runs that are alike in every other setting.")
    String intro();

    @Message(" Queue your own runs in ")
    String queueBefore();

    @Message("the ablation step")
    String queueLink();

    @Message(".")
    String queueAfter();

    @Message(" As an instructor you can re-run an entry with its seed to verify it, and hide entries.")
    String instructorNote();

    @Message("Loading the leaderboard…")
    String loading();
}
