package dev.convlab.kernellab;

import dev.convlab.datasets.DatasetCatalog;
import dev.convlab.datasets.ImageSet;
import dev.convlab.i18n.Text;
import dev.convlab.kernellab.compute.FeatureMaps;
import dev.convlab.kernellab.compute.Im2colRace;
import dev.convlab.kernellab.compute.Im2colRace.Heat;
import dev.convlab.kernellab.compute.Im2colRace.Timing;
import dev.convlab.kernellab.compute.Im2colRace.Unfolded;
import dev.convlab.kernellab.compute.Images;
import dev.convlab.kernellab.compute.Kernels;
import dev.convlab.limits.ClientLimits;
import dev.convlab.limits.ClientLimits.Client;
import dev.convlab.platform.ProblemException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Step 5: the unfolded image and the product that yields the map, computed for each request on the learner's digit
 * and kernel, and a timing race on the one image and on a batch (the image and the digits after it, times the kernel
 * in eight variants). The race's times depend only on the shape of the work, so they are shared (see
 * {@link RaceTimings}): a request that races, or asks for a fresh race, costs the caller's rate limit as much as a
 * convolution answering with its batch's maps; one that shares a race costs only its matrix and map.
 */
@Path("/api/im2col")
public class Im2colResource {

    static final int RUNS = 200;
    static final int BATCH_IMAGES = 64;
    /**
     * Timed runs of each batch contender: the loop takes 13 ms a run on a quiet machine and 70–120 ms on a busy one,
     * so five (after three untimed) keep a race under a second while the median still drops the two slowest.
     */
    static final int BATCH_RUNS = 5;
    static final int MAX_KERNEL_SIDE = 7;

    /** Which grey image and which kernel to unfold, and whether to race anew rather than share a recent race. */
    public record Im2colRequest(String dataset, Integer index, List<List<Double>> kernel, Boolean fresh) {}

    /**
     * The unfolded matrix (kernel taps × positions), the map from one matrix product, and the race: {@code timings}
     * on one image and kernel, {@code batch} on many images and kernels, measured at {@code measuredAt}
     * ({@code ageSeconds} before this answer, by the server's clock); {@code shared} when another request's race measured
     * them (for the same dataset and kernel shape), which is shared for {@code sharedForSeconds} after it.
     */
    public record Im2colAnswer(int rows, int columns, float[][] unfolded, float[][] map, List<Timing> timings, Heat batch,
            String device, Instant measuredAt, long ageSeconds, boolean shared, long sharedForSeconds) {}

    @Inject
    Im2colRace race;

    @Inject
    RaceTimings raceTimings;

    @Inject
    DatasetCatalog datasets;

    @Inject
    ClientLimits limits;

    @Inject
    ComputeConfig config;

    /** Blocking: this thread computes the map and may run the race; a request that waits for another's race holds no thread. */
    @POST
    @Blocking
    public Uni<Im2colAnswer> race(Im2colRequest request) {
        if (request == null) {
            throw ProblemException.required("body");
        }
        ImageSet set = set(request);
        Images image = new Images(set.values(request.index(), request.index() + 1), 1, set.height(), set.width(), 1);
        Kernels kernel = kernel(request.kernel());
        int positions = (set.height() - kernel.height() + 1) * (set.width() - kernel.width() + 1);
        long batchOutputs = (long) BATCH_IMAGES * 8 * positions;
        Client client = limits.current();
        boolean fresh = Boolean.TRUE.equals(request.fresh());
        Runnable chargeRace = () -> limits.charge(client, limits.cost(batchOutputs));
        if (fresh) {
            chargeRace.run();
        }
        Unfolded unfolded = Im2colRace.unfold(image, kernel.height(), kernel.width());
        float[][] map;
        try (FeatureMaps maps = race.matMul(image, kernel)) {
            map = rows(maps.toArray(), maps.height(), maps.width());
        }
        RaceTimings.Shape shape = new RaceTimings.Shape(request.dataset(), kernel.height(), kernel.width());
        RaceTimings.Shared timings = raceTimings.timings(shape, fresh, fresh ? () -> {} : chargeRace,
                () -> race.race(image, kernel, RUNS, batch(set, request.index()), variants(kernel), BATCH_RUNS));
        if (timings.shared() && !fresh) {
            limits.charge(client, limits.cost((long) unfolded.values().length + positions));
        }
        float[][] matrix = rows(unfolded.values(), unfolded.rows(), unfolded.columns());
        return Uni.createFrom().completionStage(timings.measurement()).map(measurement -> new Im2colAnswer(matrix.length,
                matrix[0].length, matrix, map, measurement.outcome().single().timings(), measurement.outcome().batch(),
                race.device().label(), measurement.measuredAt(), Duration.between(measurement.measuredAt(), Instant.now()).toSeconds(),
                timings.shared(), config.raceMaxAge().toSeconds()));
    }

    /** Row-major numbers as {@code height} rows of {@code width}. */
    private static float[][] rows(float[] values, int height, int width) {
        float[][] rows = new float[height][width];
        for (int row = 0; row < height; row++) {
            System.arraycopy(values, row * width, rows[row], 0, width);
        }
        return rows;
    }

    private ImageSet set(Im2colRequest request) {
        if (request.dataset() == null) {
            throw ProblemException.required("dataset");
        }
        ImageSet set = datasets.get(request.dataset());
        if (set.channels() != 1) {
            throw ProblemException.badField("dataset", Text.of(KernelLabErrors.class, KernelLabErrors::greyImages));
        }
        if (request.index() == null || request.index() < 0 || request.index() >= set.count()) {
            throw ProblemException.badField("index", Text.of(KernelLabErrors.class, m -> m.indexRange(set.count() - 1)));
        }
        return set;
    }

    /** The image and the digits after it (from the first again at the end of the set). */
    static Images batch(ImageSet set, int first) {
        int size = set.height() * set.width();
        float[] values = new float[BATCH_IMAGES * size];
        for (int i = 0; i < BATCH_IMAGES; i++) {
            set.copyInto((first + i) % set.count(), values, i * size);
        }
        return new Images(values, BATCH_IMAGES, set.height(), set.width(), 1);
    }

    /** Eight kernels from one: as typed, upside down, mirrored, both, and the four negated. */
    static Kernels variants(Kernels kernel) {
        int h = kernel.height();
        int w = kernel.width();
        float[] values = new float[8 * h * w];
        for (int v = 0; v < 8; v++) {
            boolean flipRows = (v & 1) != 0;
            boolean flipColumns = (v & 2) != 0;
            float sign = v < 4 ? 1 : -1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    values[(v * h + y) * w + x] = sign * kernel.at(0, flipRows ? h - 1 - y : y, flipColumns ? w - 1 - x : x, 0);
                }
            }
        }
        return new Kernels(values, 8, h, w, 1);
    }

    private static Kernels kernel(List<List<Double>> rows) {
        Text message = Text.of(KernelLabErrors.class, m -> m.raceKernel(MAX_KERNEL_SIDE));
        if (rows == null || rows.isEmpty() || rows.size() > MAX_KERNEL_SIDE || rows.get(0) == null
                || rows.get(0).isEmpty() || rows.get(0).size() > MAX_KERNEL_SIDE) {
            throw ProblemException.badField("kernel", message);
        }
        int width = rows.get(0).size();
        float[] values = new float[rows.size() * width];
        for (int y = 0; y < rows.size(); y++) {
            List<Double> row = rows.get(y);
            if (row == null || row.size() != width) {
                throw ProblemException.badField("kernel", message);
            }
            for (int x = 0; x < width; x++) {
                Double value = row.get(x);
                if (value == null || !Double.isFinite(value) || Math.abs(value) > 1e6) {
                    throw ProblemException.badField("kernel", message);
                }
                values[y * width + x] = value.floatValue();
            }
        }
        return new Kernels(values, 1, rows.size(), width, 1);
    }
}
