package dev.convlab.kernellab;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convlab.kernellab.KernelLabService.Convolution;
import dev.convlab.kernellab.KernelLabService.ConvolutionResult;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * Runs learners' kernels on real images with TensorFlow: cross-correlation, as tf.nn.conv2d computes it. A lab
 * page's request is small and, once its graph is built, answered on the I/O thread that read it: handing it to a
 * worker thread cost more than computing it, and doubled the wait at 64 connections. The rest go to a worker and
 * wait for an engine slot.
 */
@Path("/api/convolutions")
public class ConvolutionResource {

    /** Bodies up to this size are read on the I/O thread; a lab page's request is a few hundred bytes. */
    static final int SMALL_BODY_BYTES = 16 * 1024;

    @Inject
    KernelLabService kernelLab;

    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ConvolutionResult> convolve(byte[] body) throws IOException {
        if (body.length > SMALL_BODY_BYTES) {
            return onWorker(() -> kernelLab.convolve(kernelLab.prepare(ConvolutionRequest.read(json, body))));
        }
        ConvolutionRequest request = ConvolutionRequest.read(json, body);
        if (!kernelLab.readyToPrepare(request)) {
            return onWorker(() -> kernelLab.convolve(kernelLab.prepare(request)));
        }
        Convolution convolution = kernelLab.prepare(request);
        return kernelLab.convolveQuick(convolution).map(Uni.createFrom()::item)
                .orElseGet(() -> onWorker(() -> kernelLab.convolve(convolution)));
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
