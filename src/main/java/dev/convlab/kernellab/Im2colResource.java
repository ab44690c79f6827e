package dev.convlab.kernellab;

import dev.convlab.datasets.DatasetCatalog;
import dev.convlab.datasets.ImageSet;
import dev.convlab.kernellab.compute.EngineBusyException;
import dev.convlab.kernellab.compute.Im2colRace;
import dev.convlab.kernellab.compute.Im2colRace.Heat;
import dev.convlab.kernellab.compute.Im2colRace.Outcome;
import dev.convlab.kernellab.compute.Im2colRace.Timing;
import dev.convlab.kernellab.compute.Images;
import dev.convlab.kernellab.compute.Kernels;
import dev.convlab.limits.ClientLimits;
import dev.convlab.platform.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * Step 5: the unfolded image, the product that yields the map, and a timing race run by the server, on the one
 * image and on a batch: the image and the digits after it, times the kernel in eight variants. A race costs the
 * caller's rate limit as much as a convolution answering with its batch's maps.
 */
@Path("/api/im2col")
public class Im2colResource {

    static final int RUNS = 200;
    static final int BATCH_IMAGES = 64;
    static final int BATCH_RUNS = 10;
    static final int MAX_KERNEL_SIDE = 7;

    /** Which grey image and which kernel to unfold and race. */
    public record Im2colRequest(String dataset, Integer index, List<List<Double>> kernel) {}

    /**
     * The unfolded matrix (kernel taps × positions), the map from one matrix product, and the race: {@code timings}
     * on the one image and kernel, {@code batch} on many images and kernels.
     */
    public record Im2colAnswer(int rows, int columns, float[][] unfolded, float[][] map, List<Timing> timings, Heat batch,
            String device) {}

    /** The race keeps a core busy for a moment, so one runs at a time per node. */
    private final Semaphore racing = new Semaphore(1);

    @Inject
    Im2colRace race;

    @Inject
    DatasetCatalog datasets;

    @Inject
    ClientLimits limits;

    @POST
    public Im2colAnswer race(Im2colRequest request) {
        if (request == null) {
            throw ProblemException.badField("body", "is required");
        }
        ImageSet set = set(request);
        Images image = new Images(set.values(request.index(), request.index() + 1), 1, set.height(), set.width(), 1);
        Kernels kernel = kernel(request.kernel());
        Images batch = batch(set, request.index());
        Kernels variants = variants(kernel);
        long batchOutputs = (long) batch.count() * variants.count() * (set.height() - kernel.height() + 1) * (set.width() - kernel.width() + 1);
        limits.charge(limits.current(), limits.cost(batchOutputs));
        if (!racing.tryAcquire()) {
            throw new EngineBusyException("another timing race is running");
        }
        try {
            Outcome outcome = race.race(image, kernel, RUNS, batch, variants, BATCH_RUNS);
            float[][] unfolded = new float[outcome.unfolded().rows()][outcome.unfolded().columns()];
            for (int row = 0; row < unfolded.length; row++) {
                System.arraycopy(outcome.unfolded().values(), row * unfolded[row].length, unfolded[row], 0, unfolded[row].length);
            }
            float[][] map = new float[outcome.map().height()][outcome.map().width()];
            float[] values = outcome.map().toArray();
            for (int row = 0; row < map.length; row++) {
                System.arraycopy(values, row * map[row].length, map[row], 0, map[row].length);
            }
            return new Im2colAnswer(unfolded.length, unfolded[0].length, unfolded, map, outcome.single().timings(),
                    outcome.batch(), race.device().label());
        } finally {
            racing.release();
        }
    }

    private ImageSet set(Im2colRequest request) {
        if (request.dataset() == null) {
            throw ProblemException.badField("dataset", "is required");
        }
        ImageSet set = datasets.get(request.dataset());
        if (set.channels() != 1) {
            throw ProblemException.badField("dataset", "must be a set of grey images");
        }
        if (request.index() == null || request.index() < 0 || request.index() >= set.count()) {
            throw ProblemException.badField("index", "must be from 0 to " + (set.count() - 1));
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
        String message = "must be a rectangular kernel of finite numbers, 1 to " + MAX_KERNEL_SIDE + " on a side";
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
