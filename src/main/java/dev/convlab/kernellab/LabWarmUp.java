package dev.convlab.kernellab;

import dev.convlab.account.CsrfTokens;
import dev.convlab.limits.OwnRequests;
import dev.convlab.platform.BackgroundThreads;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Sends the kernel lab's own requests to this node, through its HTTP server, before it reports ready: the JIT has
 * then compiled the whole path (HTTP, JSON, limits, TensorFlow), and a class that opens the lab right after a deploy
 * or a restart no longer gets the slow first minute (bench/run, cold against warm). They are {@link OwnRequests}, charged
 * to no one's rate limit.
 */
@Readiness
@ApplicationScoped
public class LabWarmUp implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(LabWarmUp.class);
    /** Requests in flight at once: enough to keep both cores and the event loops busy. */
    private static final int IN_FLIGHT = 64;

    @Inject
    ComputeConfig config;

    @Inject
    CsrfTokens csrfTokens;

    @Inject
    OwnRequests ownRequests;


    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean done;

    void start(@ObservesAsync HttpServerStart server) {
        Duration duration = config.warmUp();
        if (!started.compareAndSet(false, true)) {
            return;
        }
        if (duration.isZero()) {
            ownRequests.close();
            done = true;
            return;
        }
        long begun = System.nanoTime();
        try {
            warm(server.options().getPort(), duration);
            LOG.infof("Kernel lab warmed up: %,d requests in %.1f s", answered.get(), (System.nanoTime() - begun) / 1e9);
        } catch (Exception e) {
            LOG.warnf("Kernel lab warm-up stopped after %,d requests (%s); ready anyway", answered.get(), e.toString());
        } finally {
            ownRequests.close();
            done = true;
        }
    }

    /**
     * The client's own threads take the answers: without an executor, the JDK hands each to a new thread on a
     * two-core machine (the common pool has one thread there), and 30 s of warm-up started 37,000 threads.
     */
    private void warm(int port, Duration duration) throws InterruptedException {
        ExecutorService answers = Executors.newFixedThreadPool(2, BackgroundThreads.named("lab-warm-up"));
        try {
            warm(port, duration, answers);
        } finally {
            answers.shutdown();
        }
    }

    private void warm(int port, Duration duration, ExecutorService answers) throws InterruptedException {
        String token = csrfTokens.issue(null);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(answers).build();
        URI uri = URI.create("http://localhost:" + port + "/api/convolutions");
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header(CsrfTokens.HEADER, token)
                    .header("Cookie", CsrfTokens.COOKIE + "=" + token)
                    .header(OwnRequests.HEADER, ownRequests.secret())
                    .POST(HttpRequest.BodyPublishers.ofString(labRequest()))
                    .build();
            CompletableFuture<HttpResponse<Void>> answer = client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
            answer.whenComplete((response, failure) -> {
                inFlight.release();
                if (response != null && response.statusCode() == 200) {
                    answered.incrementAndGet();
                } else {
                    refused.incrementAndGet();
                }
            });
        }
        inFlight.tryAcquire(IN_FLIGHT, 10, TimeUnit.SECONDS);
    }

    /** A request as the lab sends it: one digit (now and then 64), one to three kernels of the lab's sizes and settings. */
    static String labRequest() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int side = List.of(3, 3, 3, 5).get(random.nextInt(4));
        StringBuilder kernels = new StringBuilder("[");
        int count = 1 + random.nextInt(3);
        for (int k = 0; k < count; k++) {
            kernels.append(k == 0 ? "[" : ",[");
            for (int row = 0; row < side; row++) {
                kernels.append(row == 0 ? "[" : ",[");
                for (int column = 0; column < side; column++) {
                    kernels.append(column == 0 ? "" : ",").append(random.nextInt(-2, 3));
                }
                kernels.append(']');
            }
            kernels.append(']');
        }
        kernels.append(']');
        String indices = random.nextInt(50) == 0 ? "[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,"
                + "32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63]" : "[" + random.nextInt(64) + "]";
        String settings = switch (random.nextInt(4)) {
            case 0 -> ",\"stride\":2";
            case 1 -> ",\"dilation\":2";
            case 2 -> ",\"padding\":1";
            default -> "";
        };
        return String.format(Locale.ROOT, "{\"input\":{\"dataset\":\"mnist\",\"indices\":%s},\"kernels\":%s%s}", indices, kernels, settings);
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("kernel lab warm-up").status(done).withData("requests", answered.get())
                .withData("refused", refused.get()).build();
    }
}
