package dev.convlab.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.convlab.platform.ProblemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatasetCatalogTest {

    @Test
    void fashionMnistIsNotListedWhenItsFilesAreMissing() {
        DatasetCatalog catalog = new DatasetCatalog();
        catalog.config = () -> Path.of("/nonexistent/fashion-mnist");
        assertEquals(java.util.List.of("mnist", "photos"), catalog.list().stream().map(DatasetCatalog.DatasetInfo::name).toList());
        assertThrows(ProblemException.class, () -> catalog.get("fashion-mnist"));
    }
}
