package dev.convlab.kernellab;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.convlab.i18n.Text;
import dev.convlab.platform.ProblemException;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Function;

/**
 * A nested JSON array of numbers read straight from the stream into a flat float array with its shape. Ragged rows,
 * non-numbers, non-finite or huge values, too deep nesting and too many values fail at once, naming the field.
 */
final class NestedNumbers {

    static final double MAX_MAGNITUDE = 1e6;

    private final String field;
    private final int maxDepth;
    private final long maxValues;
    private final int[] shape;
    private int depth = -1;
    private float[] values = new float[256];
    private int size;

    private NestedNumbers(String field, int maxDepth, long maxValues) {
        this.field = field;
        this.maxDepth = maxDepth;
        this.maxValues = maxValues;
        this.shape = new int[maxDepth];
    }

    /** Reads the array that starts at the parser's current token. */
    static NestedNumbers read(JsonParser parser, String field, int minDepth, int maxDepth, long maxValues) throws IOException {
        NestedNumbers numbers = new NestedNumbers(field, maxDepth, maxValues);
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw numbers.bad(KernelLabErrors::arrayOfArrays);
        }
        numbers.readArray(parser, 0);
        if (numbers.depth < minDepth) {
            int depth = numbers.depth;
            throw numbers.bad(m -> m.depthRange(minDepth, maxDepth, depth));
        }
        return numbers;
    }

    private void readArray(JsonParser parser, int level) throws IOException {
        if (level >= maxDepth) {
            throw bad(m -> m.tooDeep(maxDepth));
        }
        int count = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == JsonToken.START_ARRAY) {
                if (depth >= 0 && level + 1 >= depth) {
                    throw bad(KernelLabErrors::mixedLevels);
                }
                readArray(parser, level + 1);
            } else if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                if (depth < 0) {
                    depth = level + 1;
                } else if (depth != level + 1) {
                    throw bad(KernelLabErrors::mixedLevels);
                }
                append(parser.getDoubleValue());
            } else if (token == null) {
                throw bad(KernelLabErrors::unclosed);
            } else {
                String found = String.valueOf(token.asString());
                throw bad(m -> m.onlyNumbers(found));
            }
            count++;
        }
        if (count == 0) {
            throw bad(KernelLabErrors::emptyArrays);
        }
        if (shape[level] == 0) {
            shape[level] = count;
        } else if (shape[level] != count) {
            int first = shape[level];
            int other = count;
            throw bad(m -> m.raggedRows(first, other));
        }
    }

    private void append(double value) {
        if (!Double.isFinite(value) || Math.abs(value) > MAX_MAGNITUDE) {
            throw bad(KernelLabErrors::finiteValues);
        }
        if (size >= maxValues) {
            throw bad(m -> m.tooManyNumbers(maxValues));
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, (int) Math.min((long) values.length * 2, maxValues));
        }
        values[size++] = (float) value;
    }

    ProblemException bad(Function<KernelLabErrors, String> message) {
        return ProblemException.badField(field, Text.of(KernelLabErrors.class, message));
    }

    int depth() {
        return depth;
    }

    int dimension(int level) {
        return shape[level];
    }

    float[] values() {
        return size == values.length ? values : Arrays.copyOf(values, size);
    }
}
