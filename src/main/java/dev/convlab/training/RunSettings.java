package dev.convlab.training;

import dev.convlab.i18n.Text;
import dev.convlab.platform.PlatformErrors;
import dev.convlab.platform.ProblemException;
import dev.convlab.platform.ProblemException.FieldText;
import dev.convlab.training.compute.Architecture;
import dev.convlab.training.compute.TrainingSettings;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a learner asks to train, as sent and as stored; {@link #check()} turns it into trainer settings or a 400. */
public record RunSettings(String dataset, Architecture.Downsampling downsampling, Integer kernelSize, List<Integer> channels,
        Boolean batchNorm, Architecture.Head head, TrainingSettings.Optimizer optimizer, Float learningRate, Integer batchSize,
        Integer epochs, Long seed) {

    static final Set<String> DATASETS = Set.of("mnist", "fashion-mnist");
    static final int MAX_EPOCHS = 20;
    static final int MAX_BATCH = 4096;
    /** About 16 times the lesson network with max-pooling: a 5-epoch Fashion-MNIST run stays within minutes. */
    static final long MAX_MULTIPLY_ADDS = 5_000_000;
    /** Steps of one run: 20 epochs of Fashion-MNIST at batch 64 take 18,750; at batch 1, a step costs ~60× its compute. */
    static final long MAX_STEPS = 20_000;
    /**
     * Multiply-adds of one run, training and evaluation ({@link RunEstimate#work}): about ten minutes of a worker here
     * (the pooled lesson network trains at 6.8 billion a second). 20 epochs of Fashion-MNIST through the lesson network
     * in every variant, with 5×5 kernels, or twice as wide (pooled: 3.2e12) fit; 5 epochs fit up to ~4M per image.
     */
    static final double MAX_WORK = 4e12;

    /**
     * Step 8's default run, which step 9 also trains "now": the lesson network on the shipped digits. The notebook's
     * recipe (SGD 0.4, batch 256) has only 35 steps an epoch on 9,000 digits, and one epoch of it learned nothing
     * (11% for seeds 1–3). Adam at 0.005, batch 64, 8 epochs (1,128 steps) reached 0.962, 0.967, 0.966, 0.961 and
     * 0.963 for seeds 1–5 ({@link LessonNumbers#DEFAULT_RUN_MNIST}); at 0.003 it reached 0.956–0.970 for seeds 1–3.
     */
    public static RunSettings lessonDefault() {
        Architecture lesson = Architecture.lesson();
        return new RunSettings("mnist", lesson.downsampling(), lesson.kernelSize(), lesson.channels(), false, lesson.head(),
                TrainingSettings.Optimizer.ADAM, 0.005f, 64, 8, 1L);
    }

    /** The lesson's network with the course's recipe, as the default of every field left out. */
    public RunSettings withDefaults() {
        Architecture lesson = Architecture.lesson();
        return new RunSettings(dataset == null ? "fashion-mnist" : dataset,
                downsampling == null ? lesson.downsampling() : downsampling, kernelSize == null ? lesson.kernelSize() : kernelSize,
                channels == null ? lesson.channels() : channels, batchNorm == null ? Boolean.FALSE : batchNorm,
                head == null ? lesson.head() : head, optimizer == null ? TrainingSettings.Optimizer.SGD : optimizer,
                learningRate == null ? 0.4f : learningRate, batchSize == null ? 256 : batchSize, epochs == null ? 5 : epochs,
                seed == null ? 1L : seed);
    }

    /** The settings as people read them, seed aside: what groups the seeds of one experiment. */
    public static String describe(RunSettings s) {
        return describe(s, s.batchNorm() ? "batch norm" : "no batch norm", "batch " + s.batchSize(),
                s.epochs() + (s.epochs() == 1 ? " epoch" : " epochs"));
    }

    /** The same, its words (batch norm, batch size, epochs) in the reader's language, for the run's page. */
    public static String describe(RunSettings s, TrainingMessages words) {
        return describe(s, words.batchNorm(s.batchNorm()), words.batchSize(s.batchSize()), words.epochs(s.epochs()));
    }

    private static String describe(RunSettings s, String batchNorm, String batchSize, String epochs) {
        return String.join(" · ", s.dataset(), s.downsampling().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                s.kernelSize() + "×" + s.kernelSize(), s.channels().stream().map(String::valueOf).collect(Collectors.joining("-")),
                batchNorm, s.head().name().toLowerCase(Locale.ROOT).replace('_', ' '), s.optimizer().name() + " " + s.learningRate(),
                batchSize, epochs);
    }

    /** Each convolution (the layers with weights) does k·k·c_in multiply-adds per output value. */
    static long multiplyAdds(int kernelSize, List<Architecture.Layer> layers) {
        long total = 0;
        int inChannels = 1;
        for (Architecture.Layer layer : layers) {
            if (layer.parameters() > 0) {
                total += (long) kernelSize * kernelSize * inChannels * layer.channels() * layer.height() * layer.width();
                inChannels = layer.channels();
            }
        }
        return total;
    }

    /** Checks every field; the architecture is planned so that a network that cannot be built is refused here. */
    public TrainingSettings check() {
        if (!DATASETS.contains(dataset)) {
            throw ProblemException.badField("dataset", text(TrainingErrors::datasetChoice));
        }
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw ProblemException.badField("epochs", text(m -> m.fromOneTo(MAX_EPOCHS)));
        }
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw ProblemException.badField("batchSize", text(m -> m.fromOneTo(MAX_BATCH)));
        }
        if (!Float.isFinite(learningRate) || learningRate <= 0 || learningRate > 10) {
            throw ProblemException.badField("learningRate", text(TrainingErrors::learningRate));
        }
        Architecture architecture = new Architecture(downsampling, kernelSize, channels, batchNorm, head);
        List<Architecture.Layer> layers;
        try {
            layers = architecture.plan();
        } catch (Architecture.Unbuildable e) {
            throw ProblemException.badField(e.reason() == Architecture.Unbuildable.Reason.KERNEL_SIZE ? "kernelSize" : "channels",
                    text(m -> unbuildable(m, e)));
        }
        long cost = multiplyAdds(kernelSize, layers);
        if (cost > MAX_MULTIPLY_ADDS) {
            throw ProblemException.badField("channels", text(m -> m.tooManyMultiplyAdds(grouped(cost), grouped(MAX_MULTIPLY_ADDS))));
        }
        return new TrainingSettings(architecture, optimizer, learningRate, batchSize, epochs, seed);
    }

    /** Training steps of a run: one per batch, over every epoch. */
    static long steps(int trainImages, int batchSize, int epochs) {
        return (long) epochs * ((trainImages + batchSize - 1) / batchSize);
    }

    /**
     * Checks the work of the whole run on {@code trainImages} and {@code validationImages} (after {@link #check()}):
     * its steps, each with a fixed cost however small the batch, and its multiply-adds, so that no combination of
     * allowed fields holds a worker for long.
     */
    public void checkWork(int trainImages, int validationImages) {
        long steps = steps(trainImages, batchSize, epochs);
        if (steps > MAX_STEPS) {
            Text message = text(m -> m.tooManySteps(epochs, grouped(trainImages), batchSize, grouped(steps), grouped(MAX_STEPS)));
            throw invalid(message, "batchSize", "epochs");
        }
        Architecture architecture = new Architecture(downsampling, kernelSize, channels, batchNorm, head);
        double work = RunEstimate.work(multiplyAdds(kernelSize, architecture.plan()), trainImages, validationImages, epochs);
        if (work > MAX_WORK) {
            Text message = text(m -> m.tooMuchWork(epochs, grouped(trainImages),
                    String.format(Locale.ROOT, "%,.0f", work / 1e9), String.format(Locale.ROOT, "%,.0f", MAX_WORK / 1e9)));
            throw invalid(message, "epochs", "channels");
        }
    }

    private static Text text(Function<TrainingErrors, String> message) {
        return Text.of(TrainingErrors.class, message);
    }

    /** One message for two fields that together make the run too large: each alone may be within its range. */
    private static ProblemException invalid(Text message, String field, String otherField) {
        return new ProblemException(400, Text.of(PlatformErrors.class, PlatformErrors::invalidRequest),
                language -> field + ": " + message.in(language),
                List.of(new FieldText(field, message), new FieldText(otherField, message)));
    }

    /** A count with thousands grouped, as the messages write it in both languages: 18,750. */
    private static String grouped(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    private static String unbuildable(TrainingErrors messages, Architecture.Unbuildable e) {
        return switch (e.reason()) {
            case KERNEL_SIZE -> messages.kernelSizeChoice();
            case LAYER_COUNT -> messages.layerCount(e.number());
            case WIDTH -> messages.widthRange(e.number());
            case BELOW_ONE_PIXEL -> messages.belowOnePixel(e.number());
            case FLATTEN_NEEDS_MORE_LAYERS -> messages.flattenNeedsMoreLayers(e.number());
            case FLATTEN_NEEDS_FEWER_LAYERS -> messages.flattenNeedsFewerLayers(e.number());
        };
    }
}
