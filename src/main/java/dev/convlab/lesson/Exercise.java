package dev.convlab.lesson;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A checked exercise of a step, as written in its front matter. The answer stays on the server: pages and the API
 * show only {@link #prompt()}; {@link #check(String)} compares a learner's answer with it.
 */
public record Exercise(String key, Kind kind, String prompt,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Double> answer,
        Double tolerance, String hint, String explanation) {

    public static final int MAX_ANSWER_LENGTH = 200;
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern SHAPE = Pattern.compile("[\\[(]?\\s*\\d{1,9}(\\s*[x×,*]\\s*\\d{1,9})*\\s*[\\])]?");

    /** What kind of answer an exercise takes. */
    public enum Kind {
        /** One number, right within the tolerance. */
        NUMBER,
        /** A list of whole numbers such as {@code 9×676} or {@code (26, 26)}, right when equal. */
        SHAPE,
        /**
         * A square kernel, answer given row by row; right when its feature maps correlate with the answer kernel's
         * by at least the tolerance, as a {@link KernelJudge} measures on real images.
         */
        KERNEL;

        @com.fasterxml.jackson.annotation.JsonCreator
        static Kind parse(String text) {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        }

        @com.fasterxml.jackson.annotation.JsonValue
        String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The verdict on one answer. */
    public record Verdict(boolean correct, String feedback) {}

    /** Thrown when an answer cannot be read as this exercise's kind of answer. */
    public static class MalformedAnswer extends RuntimeException {
        MalformedAnswer(String message) {
            super(message);
        }
    }

    public Verdict check(String rawAnswer, KernelJudge kernels) {
        String text = rawAnswer == null ? "" : rawAnswer.strip();
        if (text.isEmpty()) {
            throw new MalformedAnswer("is empty");
        }
        if (text.length() > MAX_ANSWER_LENGTH) {
            throw new MalformedAnswer("is longer than " + MAX_ANSWER_LENGTH + " characters");
        }
        if (kind == Kind.KERNEL) {
            return kernels.judge(this, parseKernel(text));
        }
        boolean correct = kind == Kind.NUMBER ? checkNumber(text) : checkShape(text);
        return new Verdict(correct, feedback(correct));
    }

    /** The hint after a wrong answer, the explanation after a right one. */
    public String feedback(boolean correct) {
        String feedback = correct ? explanation : hint;
        return feedback == null ? (correct ? "Right." : "Not quite: try again.") : feedback;
    }

    /** The answer kernel, rows top to bottom. */
    public float[][] referenceKernel() {
        int side = (int) Math.round(Math.sqrt(answer.size()));
        float[][] kernel = new float[side][side];
        for (int i = 0; i < answer.size(); i++) {
            kernel[i / side][i % side] = answer.get(i).floatValue();
        }
        return kernel;
    }

    /** Reads {@code [[1,2],[3,4]]} or rows separated by ';' with numbers separated by spaces or commas. */
    static float[][] parseKernel(String text) {
        String[] rows = text.replaceAll("^\\[\\s*\\[|\\]\\s*\\]$", "").split("\\]\\s*,\\s*\\[|;");
        if (rows.length > 15) {
            throw new MalformedAnswer("may have at most 15 rows");
        }
        float[][] kernel = new float[rows.length][];
        for (int y = 0; y < rows.length; y++) {
            String[] cells = rows[y].strip().split("[\\s,]+");
            if (cells.length > 15 || (y > 0 && cells.length != kernel[0].length)) {
                throw new MalformedAnswer("must be a rectangular kernel of at most 15×15 numbers, rows separated by ';'");
            }
            kernel[y] = new float[cells.length];
            for (int x = 0; x < cells.length; x++) {
                if (!NUMBER.matcher(cells[x]).matches()) {
                    throw new MalformedAnswer("must hold only numbers, such as 1 1 1; 0 0 0; -1 -1 -1");
                }
                double value = Double.parseDouble(cells[x]);
                if (Math.abs(value) > 1e6) {
                    throw new MalformedAnswer("weights must be between -1e6 and 1e6");
                }
                kernel[y][x] = (float) value;
            }
        }
        return kernel;
    }

    private boolean checkNumber(String text) {
        if (!NUMBER.matcher(text).matches()) {
            throw new MalformedAnswer("must be a number, such as 2.5 or -3");
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw new MalformedAnswer("must be a finite number");
        }
        double allowed = tolerance == null ? 1e-9 : tolerance;
        return Math.abs(value - answer.get(0)) <= allowed + 1e-12;
    }

    private boolean checkShape(String text) {
        if (!SHAPE.matcher(text).matches()) {
            throw new MalformedAnswer("must be a shape such as 9×676, 9x676 or (9, 676)");
        }
        List<Double> given = new ArrayList<>();
        Matcher numbers = Pattern.compile("\\d+").matcher(text);
        while (numbers.find()) {
            given.add(Double.valueOf(numbers.group()));
        }
        return given.equals(answer);
    }
}
