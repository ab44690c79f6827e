package dev.convlab.kernellab;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Runs learners' kernels on real images with TensorFlow: cross-correlation, as tf.nn.conv2d computes it. A lab
 * page's request is small and, once its graph is built, answered on the I/O thread that read it: handing it to a
 * worker thread cost more than computing it, and doubled the wait at 64 connections. With batching on, one of one grey
 * image shares a TensorFlow call with the others of its shape that the thread read in the same round
 * ({@link ConvolutionBatcher}).
 * The rest go to a worker and wait for an engine slot, and the worker also writes their JSON: written on the I/O
 * thread, the colour lab's 331,776 numbers held it for tens of milliseconds, and every page and lab request of the
 * connections it serves waited behind them (bench/class). Before anything is computed, the answer's size is checked
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
    @Produces({MediaType.APPLICATION_JSON, MapsAnswer.TYPE})
    @APIResponse(responseCode = "200", description = "As JSON, or as " + MapsAnswer.TYPE + " when asked for first (see MapsAnswer)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConvolutionResult.class)))
    public Uni<Response> convolve(byte[] body, @Context RoutingContext context) throws IOException {
        Client client = limits.current();
        boolean maps = MapsAnswer.wanted(context);
        if (body.length > SMALL_BODY_BYTES) {
            AnswersInFlight.Share share = answers.shareFor(context);
            return onWorker(() -> compute(admit(client, ConvolutionRequest.read(json, body)), share), maps);
        }
        ConvolutionRequest request = ConvolutionRequest.read(json, body);
        if (!kernelLab.readyToPrepare(request)) {
            AnswersInFlight.Share share = answers.shareFor(context);
            return onWorker(() -> compute(admit(client, request), share), maps);
        }
        Convolution convolution = admit(client, request);
        if (batcher.accepts(convolution)) {
            return batcher.submit(convolution, () -> computeOnWorker(convolution, context)).map(result -> answer(result, maps));
        }
        Optional<ConvolutionResult> quick = kernelLab.convolveQuick(convolution);
        if (quick.isPresent()) {
            return Uni.createFrom().item(answer(quick.get(), maps));
        }
        return onWorker(() -> compute(convolution, answers.shareFor(context)), maps);
    }

    /** A batched request whose graph is gone meanwhile: its answer holds its share while a worker computes it. */
    private Uni<ConvolutionResult> computeOnWorker(Convolution convolution, RoutingContext context) {
        AnswersInFlight.Share share = answers.shareFor(context);
        return Uni.createFrom().item(() -> compute(convolution, share)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** A small answer: as JSON, written by the thread that sends it, or as maps. */
    private Response answer(ConvolutionResult result, boolean maps) {
        try {
            return maps ? Response.ok(MapsAnswer.write(json, result), MapsAnswer.TYPE).build() : Response.ok(result, MediaType.APPLICATION_JSON_TYPE).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A convolution's answer always serializes", e);
        }
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

    /** Computes on a worker thread and writes the answer there too, so the I/O thread only sends bytes. */
    private Uni<Response> onWorker(Callable<ConvolutionResult> work, boolean maps) {
        return Uni.createFrom().<Response>emitter(emitter -> {
            try {
                ConvolutionResult result = work.call();
                emitter.complete(maps ? answer(result, true) : Response.ok(json.writeValueAsBytes(result), MediaType.APPLICATION_JSON_TYPE).build());
            } catch (Exception e) {
                emitter.fail(e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
