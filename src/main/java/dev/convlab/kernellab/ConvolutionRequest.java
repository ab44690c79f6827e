package dev.convlab.kernellab;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convlab.i18n.Text;
import dev.convlab.kernellab.compute.ConvolutionSpec;
import dev.convlab.kernellab.compute.Padding;
import dev.convlab.platform.ProblemException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
                throw ProblemException.badField("body", text(KernelLabErrors::jsonObject));
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
                            throw ProblemException.badField("input", text(KernelLabErrors::inputShape));
                        }
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String inputField = parser.currentName();
                            parser.nextToken();
                            switch (inputField) {
                                case "dataset" -> dataset = text(parser.readValueAsTree(), "input.dataset");
                                case "indices" -> indices = indices(parser.readValueAsTree());
                                case "pixels" -> pixels = NestedNumbers.read(parser, "input.pixels", 3, 4, MAX_PIXELS);
                                default -> throw ProblemException.badField("input." + inputField, text(KernelLabErrors::unknownField));
                            }
                        }
                    }
                    case "kernels" -> kernels = NestedNumbers.read(parser, "kernels", 3, 4, MAX_KERNEL_VALUES);
                    case "stride" -> stride = pair(parser.readValueAsTree(), "stride", 1, MAX_STRIDE);
                    case "dilation" -> dilation = pair(parser.readValueAsTree(), "dilation", 1, MAX_DILATION);
                    case "padding" -> padding = padding(parser.readValueAsTree());
                    default -> throw ProblemException.badField(field, text(KernelLabErrors::unknownField));
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw ProblemException.badField("body", text(KernelLabErrors::oneJsonObject));
            }
            if (kernels == null) {
                throw ProblemException.required("kernels");
            }
            if ((pixels == null) == (dataset == null)) {
                throw ProblemException.badField("input", text(KernelLabErrors::datasetOrPixels));
            }
            if (dataset != null && indices == null) {
                throw ProblemException.badField("input.indices", text(KernelLabErrors::requiredWithDataset));
            }
            return new ConvolutionRequest(dataset, indices, pixels, kernels,
                    new ConvolutionSpec(stride[0], stride[1], dilation[0], dilation[1], padding));
        }
    }

    private static Text text(Function<KernelLabErrors, String> message) {
        return Text.of(KernelLabErrors.class, message);
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.isTextual() || node.asText().length() > 64) {
            throw ProblemException.badField(field, text(KernelLabErrors::datasetName));
        }
        return node.asText();
    }

    private static List<Integer> indices(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty() || node.size() > MAX_IMAGES) {
            throw ProblemException.badField("input.indices", text(m -> m.indicesCount(MAX_IMAGES)));
        }
        List<Integer> indices = new ArrayList<>();
        for (JsonNode index : node) {
            if (!index.canConvertToInt() || !index.isIntegralNumber()) {
                throw ProblemException.badField("input.indices", text(KernelLabErrors::wholeNumbers));
            }
            indices.add(index.asInt());
        }
        return indices;
    }

    /** A number for both axes, or [vertical, horizontal]. */
    private static int[] pair(JsonNode node, String field, int min, int max) {
        Text message = text(m -> m.pair(min, max));
        if (node != null && node.isArray() && node.size() == 2) {
            return new int[] {bounded(node.get(0), field, min, max, message), bounded(node.get(1), field, min, max, message)};
        }
        int both = bounded(node, field, min, max, message);
        return new int[] {both, both};
    }

    private static Padding padding(JsonNode node) {
        Text message = text(m -> m.padding(MAX_PADDING));
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

    private static int bounded(JsonNode node, String field, int min, int max, Text message) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min || node.asInt() > max) {
            throw ProblemException.badField(field, message);
        }
        return node.asInt();
    }
}
