package dev.convlab.datasets;

import dev.convlab.datasets.DatasetCatalog.DatasetInfo;
import dev.convlab.i18n.Text;
import dev.convlab.platform.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

/** The image sets and their images, for the lesson's widgets. */
@Path("/api/datasets")
public class DatasetResource {

    /** One image: rows of values from 0 to 1 (channels last for colour), its label and the label's name. */
    public record Image(String dataset, int index, int label, String className, int height, int width, int channels,
            Object pixels) {}

    @Inject
    DatasetCatalog catalog;

    @GET
    public List<DatasetInfo> list() {
        return catalog.list();
    }

    @GET
    @Path("/{name}/images/{index}")
    public Image image(@PathParam("name") String name, @PathParam("index") String index) {
        ImageSet images = catalog.get(name);
        int position = parseIndex(index, images.count());
        return new Image(name, position, images.label(position), images.className(position), images.height(),
                images.width(), images.channels(), images.image(position));
    }

    private static int parseIndex(String text, int count) {
        try {
            int value = Integer.parseInt(text);
            if (value >= 0 && value < count) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, like any other index out of range
        }
        throw ProblemException.badField("index", Text.of(DatasetsErrors.class, m -> m.indexRange(count - 1)));
    }
}
