package dev.convlab.datasets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Where the larger image sets live on this machine. */
@ConfigMapping(prefix = "convlab.datasets")
public interface DatasetConfig {

    /** Folder of the Fashion-MNIST IDX files (Debian's dataset-fashion-mnist); the set is listed only when present. */
    @WithDefault("/usr/share/datasets/fashion-mnist")
    Path fashionMnistDir();
}
