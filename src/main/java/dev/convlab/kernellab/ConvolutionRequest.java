package dev.convlab.kernellab;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convlab.kernellab.compute.ConvolutionSpec;
import dev.convlab.kernellab.compute.Padding;
import dev.convlab.platform.ProblemException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A convolution request as sent to {@code POST /api/convolutions}, read with every limit checked while reading: the
 * input (a dataset's images, or pixels), the kernels, stride, padding and dilation.
 */
record ConvolutionRequest(String dataset, List<Integer> indices, NestedNumbers pixels, NestedNumbers kernels,
        ConvolutionSpec spec) {

    static final int MAX_IMAGES = 64;
    static final int MAX_SIDE = 512;
    static final int MAX_CHANNELS = 3;
    static final int MAX_KERNELS = 16;
    static final int MAX_KERNEL_SIDE = 15;
    static final int MAX_STRIDE = 8;
    static final int MAX_DILATION = 8;
    static final int MAX_PADDING = 16;
    static final long MAX_PIXELS = (long) MAX_IMAGES * MAX_SIDE * MAX_SIDE * MAX_CHANNELS;
    static final long MAX_KERNEL_VALUES = (long) MAX_KERNELS * MAX_KERNEL_SIDE * MAX_KERNEL_SIDE * MAX_CHANNELS;

    static ConvolutionRequest read(ObjectMapper json, byte[] body) throws IOException {
        try (JsonParser parser = json.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw ProblemException.badField("body", "must be a JSON object");
            }
            String dataset = null;
            List<Integer> indices = null;
            NestedNumbers pixels = null;
            NestedNumbers kernels = null;
            int[] stride = {1, 1};
            int[] dilation = {1, 1};
            Padding padding = Padding.valid();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "input" -> {
                        if (parser.currentToken() != JsonToken.START_OBJECT) {
                            throw ProblemException.badField("input", "must be an object with dataset and indices, or pixels");
                        }
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String inputField = parser.currentName();
                            parser.nextToken();
                            switch (inputField) {
                                case "dataset" -> dataset = text(parser.readValueAsTree(), "input.dataset");
                                case "indices" -> indices = indices(parser.readValueAsTree());
                                case "pixels" -> pixels = NestedNumbers.read(parser, "input.pixels", 3, 4, MAX_PIXELS);
                                default -> throw ProblemException.badField("input." + inputField, "is not a known field");
                            }
                        }
                    }
                    case "kernels" -> kernels = NestedNumbers.read(parser, "kernels", 3, 4, MAX_KERNEL_VALUES);
                    case "stride" -> stride = pair(parser.readValueAsTree(), "stride", 1, MAX_STRIDE);
                    case "dilation" -> dilation = pair(parser.readValueAsTree(), "dilation", 1, MAX_DILATION);
                    case "padding" -> padding = padding(parser.readValueAsTree());
                    default -> throw ProblemException.badField(field, "is not a known field");
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw ProblemException.badField("body", "must be one JSON object");
            }
            if (kernels == null) {
                throw ProblemException.badField("kernels", "is required");
            }
            if ((pixels == null) == (dataset == null)) {
                throw ProblemException.badField("input", "needs either dataset and indices, or pixels");
            }
            if (dataset != null && indices == null) {
                throw ProblemException.badField("input.indices", "is required with a dataset");
            }
            return new ConvolutionRequest(dataset, indices, pixels, kernels,
                    new ConvolutionSpec(stride[0], stride[1], dilation[0], dilation[1], padding));
        }
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.isTextual() || node.asText().length() > 64) {
            throw ProblemException.badField(field, "must be the name of a dataset");
        }
        return node.asText();
    }

    private static List<Integer> indices(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty() || node.size() > MAX_IMAGES) {
            throw ProblemException.badField("input.indices", "must list 1 to " + MAX_IMAGES + " image numbers");
        }
        List<Integer> indices = new ArrayList<>();
        for (JsonNode index : node) {
            if (!index.canConvertToInt() || !index.isIntegralNumber()) {
                throw ProblemException.badField("input.indices", "must hold whole numbers");
            }
            indices.add(index.asInt());
        }
        return indices;
    }

    /** A number for both axes, or [vertical, horizontal]. */
    private static int[] pair(JsonNode node, String field, int min, int max) {
        String message = "must be a whole number from %d to %d, or [vertical, horizontal]".formatted(min, max);
        if (node != null && node.isArray() && node.size() == 2) {
            return new int[] {bounded(node.get(0), field, min, max, message), bounded(node.get(1), field, min, max, message)};
        }
        int both = bounded(node, field, min, max, message);
        return new int[] {both, both};
    }

    private static Padding padding(JsonNode node) {
        String message = "must be \"valid\", \"same\", a whole number from 0 to %d, or [top, bottom, left, right]".formatted(MAX_PADDING);
        if (node != null && node.isTextual()) {
            return switch (node.asText()) {
                case "valid" -> Padding.valid();
                case "same" -> Padding.same();
                default -> throw ProblemException.badField("padding", message);
            };
        }
        if (node != null && node.isArray() && node.size() == 4) {
            int[] sides = new int[4];
            for (int i = 0; i < 4; i++) {
                sides[i] = bounded(node.get(i), "padding", 0, MAX_PADDING, message);
            }
            return Padding.explicit(sides[0], sides[1], sides[2], sides[3]);
        }
        int all = bounded(node, "padding", 0, MAX_PADDING, message);
        return Padding.explicit(all, all, all, all);
    }

    private static int bounded(JsonNode node, String field, int min, int max, String message) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min || node.asInt() > max) {
            throw ProblemException.badField(field, message);
        }
        return node.asInt();
    }
}
