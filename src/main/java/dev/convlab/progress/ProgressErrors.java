package dev.convlab.progress;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** What progress and the class dashboards say about a request they cannot take. */
@MessageBundle("progressErrors")
public interface ProgressErrors {

    @Message("Step '{slug}' completes when its exercises are answered rightly")
    String completesByExercises(String slug);

    @Message("must be email, completed or lastActivity")
    String sortChoice();

    @Message("must be asc or desc")
    String orderChoice();
}
