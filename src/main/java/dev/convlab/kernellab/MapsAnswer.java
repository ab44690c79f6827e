package dev.convlab.kernellab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convlab.kernellab.KernelLabService.ConvolutionResult;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * A convolution's answer as the lab's pages read it fastest: the length of a JSON head (little-endian, 4 bytes), the
 * head (the answer without its numbers, padded with spaces to a multiple of 4 bytes), then the maps' numbers as
 * little-endian float32 in the order of {@code shape}. Writing the colour lab's 331,776 numbers as JSON text took tens
 * of milliseconds of a core per answer, and reading them a phone's too; these are the same bits, copied.
 */
final class MapsAnswer {

    static final String TYPE = "application/vnd.convlab.maps";

    private MapsAnswer() {}

    /** Whether the caller asked for this form first: the lab's pages do, other callers get JSON. */
    static boolean wanted(RoutingContext context) {
        String accept = context.request().getHeader("Accept");
        return accept != null && accept.split(",")[0].split(";")[0].trim().equalsIgnoreCase(TYPE);
    }

    static byte[] write(ObjectMapper json, ConvolutionResult result) throws JsonProcessingException {
        byte[] head = json.writeValueAsBytes(new ConvolutionResult(result.shape(), null, result.padding(), result.device(), result.computeMicros()));
        int padded = (head.length + 3) / 4 * 4;
        long numbers = result.shape().stream().mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b);
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(4 + padded + 4 * numbers)).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(padded).put(head);
        byte[] spaces = new byte[padded - head.length];
        Arrays.fill(spaces, (byte) ' ');
        out.put(spaces);
        FloatBuffer floats = out.asFloatBuffer();
        for (float[][][] image : result.output()) {
            for (float[][] map : image) {
                for (float[] row : map) {
                    floats.put(row);
                }
            }
        }
        return out.array();
    }
}
