package dev.convlab.kernellab;

import dev.convlab.kernellab.KernelLabService.Convolution;
import dev.convlab.kernellab.KernelLabService.ConvolutionResult;
import dev.convlab.kernellab.compute.Signature;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Lets the kernel lab's small requests share TensorFlow calls, as model servers batch requests. The requests an I/O
 * thread reads in one round of its event loop are computed after that round's other work: those of one signature
 * (shape, stride, padding, dilation) in one call of up to {@code convlab.compute.batch.max-size}, each answered with
 * exactly the maps it gets alone. Nothing waits on a timer: a request that arrives alone, on an idle server, is computed
 * as soon as the thread has read it, and under load the requests that arrived while the thread was busy go together.
 * Every request is checked and charged to its client before it waits ({@link ConvolutionResource}), so one request's
 * problem is its own; if a shared call fails, its requests are computed again one at a time.
 */
@ApplicationScoped
public class ConvolutionBatcher {

    private static final Logger LOG = Logger.getLogger(ConvolutionBatcher.class);

    /** A request waiting for the end of its round, and how to compute it alone on a worker if its graph is gone. */
    private record Waiting(Convolution convolution, UniEmitter<? super ConvolutionResult> emitter,
            Supplier<Uni<ConvolutionResult>> onWorker) {}

    @Inject
    KernelLabService kernelLab;

    @Inject
    ComputeConfig config;

    private final DistributionSummary callSizes;
    private final ThreadLocal<Map<Signature, List<Waiting>>> rounds = ThreadLocal.withInitial(LinkedHashMap::new);

    @Inject
    public ConvolutionBatcher(MeterRegistry registry) {
        callSizes = DistributionSummary.builder("convlab.compute.batch.requests")
                .description("Kernel-lab requests per TensorFlow call, for requests that could be computed together")
                .register(registry);
    }

    /** Whether this checked request, read on an I/O thread, can wait for the others of its round. */
    boolean accepts(Convolution convolution) {
        return config.batch().enabled() && Context.isOnEventLoopThread() && kernelLab.maxTogether(convolution) > 1;
    }

    /**
     * The answer of an {@link #accepts accepted} request, computed at the end of the I/O thread's round; if its graph is
     * gone by then, {@code onWorker} computes it instead.
     */
    Uni<ConvolutionResult> submit(Convolution convolution, Supplier<Uni<ConvolutionResult>> onWorker) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().emitter(emitter -> {
            Map<Signature, List<Waiting>> round = rounds.get();
            if (round.isEmpty()) {
                context.runOnContext(ignored -> computeRound());
            }
            round.computeIfAbsent(signature(convolution), ignored -> new ArrayList<>()).add(new Waiting(convolution, emitter, onWorker));
        });
    }

    private void computeRound() {
        Map<Signature, List<Waiting>> round = rounds.get();
        List<List<Waiting>> groups = new ArrayList<>(round.values());
        round.clear();
        for (List<Waiting> group : groups) {
            try {
                int most = Math.max(1, kernelLab.maxTogether(group.get(0).convolution()));
                for (int from = 0; from < group.size(); from += most) {
                    compute(group.subList(from, Math.min(group.size(), from + most)));
                }
            } catch (RuntimeException e) {
                group.forEach(waiting -> waiting.emitter().fail(e));
            }
        }
    }

    private void compute(List<Waiting> call) {
        callSizes.record(call.size());
        if (call.size() == 1) {
            computeAlone(call.get(0));
            return;
        }
        Optional<List<ConvolutionResult>> answers;
        try {
            answers = kernelLab.convolveTogether(call.stream().map(Waiting::convolution).toList());
        } catch (RuntimeException e) {
            LOG.warnf(e, "%d kernel-lab requests computed together failed; computing them one at a time", call.size());
            answers = Optional.empty();
        }
        if (answers.isEmpty()) {
            call.forEach(this::computeAlone);
            return;
        }
        for (int i = 0; i < call.size(); i++) {
            call.get(i).emitter().complete(answers.get().get(i));
        }
    }

    private void computeAlone(Waiting waiting) {
        try {
            Optional<ConvolutionResult> quick = kernelLab.convolveQuick(waiting.convolution());
            if (quick.isPresent()) {
                waiting.emitter().complete(quick.get());
            } else {
                waiting.onWorker().get().subscribe().with(waiting.emitter()::complete, waiting.emitter()::fail);
            }
        } catch (RuntimeException e) {
            waiting.emitter().fail(e);
        }
    }

    private static Signature signature(Convolution convolution) {
        return Signature.of(convolution.images(), convolution.kernels(), convolution.spec());
    }
}
