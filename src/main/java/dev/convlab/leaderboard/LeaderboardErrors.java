package dev.convlab.leaderboard;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** What the leaderboards say about a filter, an entry or a class they cannot show. */
@MessageBundle("leaderboardErrors")
public interface LeaderboardErrors {

    @Message("There is no class {classId}")
    String noClass(long classId);

    @Message("There is no leaderboard entry {runId}")
    String noEntry(long runId);

    @Message("Only the board's instructors see hidden entries")
    String hiddenForInstructors();

    @Message("must be mnist or fashion-mnist")
    String datasetChoice();

    @Message("must be stride2, max-pool or avg-pool")
    String downsamplingChoice();

    @Message("class: you may filter only by a class you are in or teach")
    String classFilter();
}
