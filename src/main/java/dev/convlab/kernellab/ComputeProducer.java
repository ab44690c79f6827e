package dev.convlab.kernellab;

import dev.convlab.kernellab.compute.ConvolutionEngine;
import dev.convlab.kernellab.compute.ConvolutionSpec;
import dev.convlab.kernellab.compute.Device;
import dev.convlab.kernellab.compute.GpuProbe;
import dev.convlab.kernellab.compute.Im2colRace;
import dev.convlab.kernellab.compute.Images;
import dev.convlab.kernellab.compute.Kernels;
import dev.convlab.kernellab.compute.Padding;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.tensorflow.TensorFlow;

/** Creates the one convolution engine of this node on the configured device, and loads TensorFlow at start-up. */
@ApplicationScoped
public class ComputeProducer {

    private static final Logger LOG = Logger.getLogger(ComputeProducer.class);

    @Produces
    @Singleton
    ConvolutionEngine engine(ComputeConfig config) {
        Device device = Device.select(config.device(), GpuProbe::gpuVisible);
        int concurrency = config.concurrency().orElse(Runtime.getRuntime().availableProcessors());
        LOG.infof("TensorFlow %s computes on the %s (device=%s), %d at once", TensorFlow.version(), device.label(),
                config.device().name().toLowerCase(Locale.ROOT), concurrency);
        return new ConvolutionEngine(device, concurrency, config.maxWait(), config.cachedGraphs(),
                config.batch().enabled() ? config.batch().maxSize() : 1);
    }

    /** Publishes how loaded the engine is at /q/metrics. */
    void registerMetrics(@Observes StartupEvent event, ConvolutionEngine engine, AnswersInFlight answers, MeterRegistry registry) {
        Gauge.builder("convlab.compute.free.slots", engine, ConvolutionEngine::availableSlots)
                .description("Convolution slots free on this node").register(registry);
        Gauge.builder("convlab.compute.answers.bytes", answers, AnswersInFlight::held)
                .description("Bytes held by convolution answers being computed and written (limit: convlab.limits.bytes-in-flight)")
                .register(registry);
        Gauge.builder("convlab.compute.cached.graphs", engine, ConvolutionEngine::cachedGraphs)
                .description("Convolution graphs built and kept ready").register(registry);
    }

    void close(@Disposes ConvolutionEngine engine) {
        engine.close();
    }

    @Produces
    @Singleton
    Im2colRace im2colRace(ConvolutionEngine engine) {
        return new Im2colRace(engine);
    }

    void close(@Disposes Im2colRace race) {
        race.close();
    }

    /** Loads the native library and builds a first graph now, so no learner waits for it. */
    void warmUp(@Observes StartupEvent event, ConvolutionEngine engine) {
        engine.convolve(new Images(new float[9], 1, 3, 3, 1), new Kernels(new float[9], 1, 3, 3, 1),
                ConvolutionSpec.of(1, 1, Padding.valid())).close();
    }
}
