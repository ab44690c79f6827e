package dev.convlab.lesson;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.convlab.i18n.Language;
import dev.convlab.i18n.Messages;
import dev.convlab.i18n.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
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
    /** Digits grouped in threes by a comma, an apostrophe or a space (also the no-break and narrow no-break ones). */
    private static final Pattern GROUPED = Pattern.compile("[-+]?\\d{1,3}(?:([,'\u2019 \u00A0\u202F])\\d{3})(?:\\1\\d{3})*(\\.\\d+)?");
    /** A decimal comma, as in 2,65: a comma followed by anything but exactly three digits. */
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[-+]?\\d+,(\\d{1,2}|\\d{4,})");
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
    /** Right or not, and what to say, written when it is read (by then the reader's language is known). */
    public record Verdict(boolean correct, Supplier<String> words) {

        public String feedback() {
            return words.get();
        }
    }

    /** Thrown when an answer cannot be read as this exercise's kind of answer. */
    public static class MalformedAnswer extends RuntimeException {

        private final transient Text reason;

        MalformedAnswer(Function<LessonErrors, String> reason) {
            this.reason = Text.of(LessonErrors.class, reason);
        }

        /** What the learner should type instead, in the reader's language. */
        public Text reason() {
            return reason;
        }

        /** The reason in English, for logs. */
        @Override
        public String getMessage() {
            return reason.in(Language.EN);
        }
    }

    public Verdict check(String rawAnswer, KernelJudge kernels) {
        String text = rawAnswer == null ? "" : rawAnswer.strip();
        if (text.isEmpty()) {
            throw new MalformedAnswer(LessonErrors::typeAnAnswer);
        }
        if (text.length() > MAX_ANSWER_LENGTH) {
            throw new MalformedAnswer(m -> m.answerTooLong(MAX_ANSWER_LENGTH));
        }
        if (kind == Kind.KERNEL) {
            return kernels.judge(this, parseKernel(text));
        }
        boolean correct = kind == Kind.NUMBER ? checkNumber(text) : checkShape(text);
        return new Verdict(correct, () -> feedback(correct));
    }

    /** This exercise (key, kind, answer) in the words of its translation: the translation's prompt, hint and explanation. */
    public Exercise withWordsOf(Exercise translation) {
        return new Exercise(key, kind, translation.prompt, answer, tolerance, translation.hint, translation.explanation);
    }

    /** Whether another exercise is this one in other words: the same key, kind, answer and tolerance. */
    public boolean sameAs(Exercise other) {
        return key.equals(other.key) && kind == other.kind && answer.equals(other.answer) && Objects.equals(tolerance, other.tolerance);
    }

    /**
     * How a translation's exercises differ from the English ones (keys, kinds, answers, tolerances), one sentence per
     * exercise; empty when they are the same exercises.
     */
    public static List<Text> differences(List<Exercise> english, List<Exercise> translation) {
        List<Text> problems = new ArrayList<>();
        for (Exercise original : english) {
            Exercise translated = translation.stream().filter(e -> original.key.equals(e.key)).findFirst().orElse(null);
            if (translated == null) {
                problems.add(Text.of(LessonErrors.class, m -> m.exerciseMissing(original.key)));
            } else if (!original.sameAs(translated)) {
                problems.add(Text.of(LessonErrors.class, m -> m.exerciseDiffers(original.key, original.differenceFrom(translated, m))));
            }
        }
        translation.stream().filter(t -> english.stream().noneMatch(e -> e.key.equals(t.key)))
                .forEach(t -> problems.add(Text.of(LessonErrors.class, m -> m.exerciseNotInEnglish(t.key))));
        return problems;
    }

    private String differenceFrom(Exercise translated, LessonErrors words) {
        List<String> parts = new ArrayList<>();
        if (kind != translated.kind) {
            parts.add(words.otherKind(translated.kind.text(), kind.text()));
        }
        if (!answer.equals(translated.answer)) {
            parts.add(words.otherAnswer(String.valueOf(translated.answer), String.valueOf(answer)));
        }
        if (!Objects.equals(tolerance, translated.tolerance)) {
            parts.add(words.otherTolerance(String.valueOf(translated.tolerance), String.valueOf(tolerance)));
        }
        return String.join(", ", parts);
    }

    /** The hint after a wrong answer, the explanation after a right one, or the lesson's plain verdict in the reader's language. */
    public String feedback(boolean correct) {
        String feedback = correct ? explanation : hint;
        if (feedback != null) {
            return feedback;
        }
        LessonMessages words = Messages.bundle(LessonMessages.class, Messages.current());
        return correct ? words.right() : words.notQuite();
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
            throw new MalformedAnswer(LessonErrors::kernelTooTall);
        }
        float[][] kernel = new float[rows.length][];
        for (int y = 0; y < rows.length; y++) {
            String[] cells = rows[y].strip().split("[\\s,]+");
            if (cells.length > 15 || (y > 0 && cells.length != kernel[0].length)) {
                throw new MalformedAnswer(LessonErrors::kernelRows);
            }
            kernel[y] = new float[cells.length];
            for (int x = 0; x < cells.length; x++) {
                if (!NUMBER.matcher(cells[x]).matches()) {
                    throw new MalformedAnswer(LessonErrors::kernelNumbers);
                }
                double value = Double.parseDouble(cells[x]);
                if (Math.abs(value) > 1e6) {
                    throw new MalformedAnswer(LessonErrors::kernelWeights);
                }
                kernel[y][x] = (float) value;
            }
        }
        return kernel;
    }

    /**
     * Reads a number as people write it: {@code 1168}, {@code 1,168}, {@code 1 168} (with any kind of space),
     * {@code 2.65} or {@code 2,65}; fails with a sentence a learner understands.
     */
    static double parseNumber(String text) {
        String plain = text.strip();
        if (GROUPED.matcher(plain).matches()) {
            plain = plain.replaceAll("[,'\u2019 \u00A0\u202F]", "");
        } else if (DECIMAL_COMMA.matcher(plain).matches()) {
            plain = plain.replace(',', '.');
        }
        if (!NUMBER.matcher(plain).matches()) {
            throw new MalformedAnswer(LessonErrors::unreadableNumber);
        }
        double value = Double.parseDouble(plain);
        if (!Double.isFinite(value)) {
            throw new MalformedAnswer(LessonErrors::numberTooLarge);
        }
        return value;
    }

    private boolean checkNumber(String text) {
        double value = parseNumber(text);
        double allowed = tolerance == null ? 1e-9 : tolerance;
        return Math.abs(value - answer.get(0)) <= allowed + 1e-12;
    }

    private boolean checkShape(String text) {
        if (!SHAPE.matcher(text).matches()) {
            throw new MalformedAnswer(LessonErrors::unreadableShape);
        }
        List<Double> given = new ArrayList<>();
        Matcher numbers = Pattern.compile("\\d+").matcher(text);
        while (numbers.find()) {
            given.add(Double.valueOf(numbers.group()));
        }
        return given.equals(answer);
    }
}
