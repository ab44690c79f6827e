package dev.convlab.datasets;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** What the datasets say about a name or an index they do not have. */
@MessageBundle("datasetsErrors")
public interface DatasetsErrors {

    @Message("There is no dataset '{name}' here; see GET /api/datasets")
    String noDataset(String name);

    @Message("must be a whole number from 0 to {last}")
    String indexRange(int last);
}
