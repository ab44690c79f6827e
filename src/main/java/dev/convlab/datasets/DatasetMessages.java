package dev.convlab.datasets;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The ten Fashion-MNIST classes as a reader sees them in the server's sentences, in label order; the API keeps the
 * English names of {@link DatasetCatalog#classNames}, and the widgets translate those by label in {@code frontend/i18n}.
 */
@MessageBundle("datasets")
public interface DatasetMessages {

    @Message("T-shirt/top")
    String tshirt();

    @Message("Trouser")
    String trouser();

    @Message("Pullover")
    String pullover();

    @Message("Dress")
    String dress();

    @Message("Coat")
    String coat();

    @Message("Sandal")
    String sandal();

    @Message("Shirt")
    String shirt();

    @Message("Sneaker")
    String sneaker();

    @Message("Bag")
    String bag();

    @Message("Ankle boot")
    String ankleBoot();
}
