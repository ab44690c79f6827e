package dev.convlab.kernellab;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convlab.kernellab.KernelLabService.Convolution;
import dev.convlab.kernellab.KernelLabService.ConvolutionResult;
import dev.convlab.limits.ClientLimits;
import dev.convlab.limits.ClientLimits.Client;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Runs learners' kernels on real images with TensorFlow: cross-correlation, as tf.nn.conv2d computes it. A lab
 * page's request is small and, once its graph is built, answered on the I/O thread that read it: handing it to a
 * worker thread cost more than computing it, and doubled the wait at 64 connections. With batching on, one of one grey
 * image shares a TensorFlow call with the others of its shape that the thread read in the same round
 * ({@link ConvolutionBatcher}).
 * The rest go to a worker and wait for an engine slot. Before anything is computed, the answer's size is checked
 * against the caller's budget and charged to the caller's rate limit; a larger answer also holds its share of the
 * bytes in flight until written.
 */
@Path("/api/convolutions")
public class ConvolutionResource {

    /** Bodies up to this size are read on the I/O thread; a lab page's request is a few hundred bytes. */
    static final int SMALL_BODY_BYTES = 16 * 1024;

    @Inject
    KernelLabService kernelLab;

    @Inject
    ConvolutionBatcher batcher;

    @Inject
    ClientLimits limits;

    @Inject
    AnswersInFlight answers;

    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ConvolutionResult> convolve(byte[] body, @Context RoutingContext context) throws IOException {
        Client client = limits.current();
        if (body.length > SMALL_BODY_BYTES) {
            AnswersInFlight.Share share = answers.shareFor(context);
            return onWorker(() -> compute(admit(client, ConvolutionRequest.read(json, body)), share));
        }
        ConvolutionRequest request = ConvolutionRequest.read(json, body);
        if (!kernelLab.readyToPrepare(request)) {
            AnswersInFlight.Share share = answers.shareFor(context);
            return onWorker(() -> compute(admit(client, request), share));
        }
        Convolution convolution = admit(client, request);
        if (batcher.accepts(convolution)) {
            return batcher.submit(convolution, () -> computeOnWorker(convolution, context));
        }
        Optional<ConvolutionResult> quick = kernelLab.convolveQuick(convolution);
        if (quick.isPresent()) {
            return Uni.createFrom().item(quick.get());
        }
        return computeOnWorker(convolution, context);
    }

    /** A checked request whose graph is not built (or gone): its answer holds its share while a worker computes it. */
    private Uni<ConvolutionResult> computeOnWorker(Convolution convolution, RoutingContext context) {
        AnswersInFlight.Share share = answers.shareFor(context);
        share.hold(convolution.outputs());
        return onWorker(() -> kernelLab.convolve(convolution));
    }

    /** Checks the request within the client's output budget and charges its cost to the client's rate limit. */
    private Convolution admit(Client client, ConvolutionRequest request) {
        Convolution convolution = kernelLab.prepare(request, client.outputBudget());
        limits.charge(client, limits.cost(convolution.outputs()));
        return convolution;
    }

    private ConvolutionResult compute(Convolution convolution, AnswersInFlight.Share share) {
        share.hold(convolution.outputs());
        return kernelLab.convolve(convolution);
    }

    private static Uni<ConvolutionResult> onWorker(Callable<ConvolutionResult> work) {
        return Uni.createFrom().<ConvolutionResult>emitter(emitter -> {
            try {
                emitter.complete(work.call());
            } catch (Exception e) {
                emitter.fail(e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
