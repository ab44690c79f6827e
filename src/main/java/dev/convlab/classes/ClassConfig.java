package dev.convlab.classes;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Classes. */
@ConfigMapping(prefix = "convlab.classes")
public interface ClassConfig {

    Join join();

    /**
     * Join attempts with a code no class has, per client address (in memory, per instance): a few typos are free, a
     * guesser is slowed to one try per {@link #refillEvery()}. Attempts with a good code cost nothing, so a whole class
     * behind one NAT joins at once.
     */
    interface Join {

        /** Unknown codes one address may try at once. */
        @WithDefault("20")
        int burst();

        /** One more try per address every this long. */
        @WithDefault("30S")
        Duration refillEvery();
    }
}
