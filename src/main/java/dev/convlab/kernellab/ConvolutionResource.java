package dev.convlab.kernellab;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convlab.kernellab.KernelLabService.ConvolutionResult;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;

/** Runs learners' kernels on real images with TensorFlow: cross-correlation, as tf.nn.conv2d computes it. */
@Path("/api/convolutions")
public class ConvolutionResource {

    @Inject
    KernelLabService kernelLab;

    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ConvolutionResult convolve(InputStream body) throws IOException {
        return kernelLab.convolve(ConvolutionRequest.read(json, body));
    }
}
