package dev.convlab.lesson;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Where the lesson's source lives. */
@ConfigMapping(prefix = "convlab.lesson")
public interface LessonConfig {

    /** The folder of step Markdown files imported at start-up; relative paths start at the working directory. */
    @WithDefault("content/convolutions")
    Path contentDir();
}
