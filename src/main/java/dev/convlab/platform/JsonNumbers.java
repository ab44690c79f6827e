package dev.convlab.platform;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Writes floats and doubles with Jackson's Schubfach writer instead of the JDK's: a kernel-lab answer is hundreds of
 * floats, and turning them into text was a third of a warm lab request's CPU. The text is the shortest that reads back
 * as the same number, as the JDK's is from Java 19 on.
 */
@Singleton
public class JsonNumbers implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER.mappedFeature());
    }
}
