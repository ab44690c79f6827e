package dev.convlab.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Random;
import org.junit.jupiter.api.Test;

@QuarkusTest
class JsonNumbersTest {

    @Inject
    ObjectMapper json;

    @Test
    void floatsAreWrittenByTheFastWriterAndReadBackAsTheSameFloats() throws Exception {
        assertTrue(json.getFactory().isEnabled(StreamWriteFeature.USE_FAST_DOUBLE_WRITER.mappedFeature()));
        float[] values = new float[10_000];
        Random random = new Random(7);
        for (int i = 0; i < values.length; i++) {
            values[i] = Float.intBitsToFloat(random.nextInt()) % 1e6f;
            if (Float.isNaN(values[i])) {
                values[i] = i;
            }
        }
        values[0] = 0.1f;
        values[1] = -0.0f;
        values[2] = Float.MIN_VALUE;
        values[3] = Float.MAX_VALUE;
        assertArrayEquals(values, json.readValue(json.writeValueAsString(values), float[].class));
        assertEquals("[0.1,0.002,1.0]", json.writeValueAsString(new float[] {0.1f, 0.002f, 1f}));
    }
}
