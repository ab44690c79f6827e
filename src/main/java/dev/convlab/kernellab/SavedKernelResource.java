package dev.convlab.kernellab;

import dev.convlab.account.CurrentUser;
import dev.convlab.i18n.Text;
import dev.convlab.platform.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** A learner's named kernels: list, save (replacing one of the same name), delete. */
@Path("/api/me/kernels")
@Authenticated
@Transactional
public class SavedKernelResource {

    static final int MAX_KERNELS_PER_LEARNER = 100;

    /** A kernel as the API shows it: weights per channel (1 or 3), rows top to bottom. */
    public record KernelView(String name, List<List<List<Double>>> weights, Instant updatedAt) {
        static KernelView of(SavedKernel kernel) {
            return new KernelView(kernel.name, kernel.weights, kernel.updatedAt);
        }
    }

    /** What a learner sends to keep a kernel. */
    public record KernelWeights(List<List<List<Double>>> weights) {}

    @Inject
    CurrentUser currentUser;

    @GET
    public List<KernelView> list() {
        return SavedKernel.listFor(currentUser.requireAccountId()).stream().map(KernelView::of).toList();
    }

    @PUT
    @Path("/{name}")
    public KernelView save(@PathParam("name") String name, KernelWeights body) {
        long learner = currentUser.requireAccountId();
        String cleanName = checkName(name);
        List<List<List<Double>>> weights = checkWeights(body == null ? null : body.weights());
        SavedKernel kernel = SavedKernel.findByName(learner, cleanName).orElse(null);
        if (kernel == null) {
            if (SavedKernel.countFor(learner) >= MAX_KERNELS_PER_LEARNER) {
                throw ProblemException.conflict(Text.of(KernelLabErrors.class, m -> m.tooManySaved(MAX_KERNELS_PER_LEARNER)));
            }
            kernel = new SavedKernel();
            kernel.accountId = learner;
            kernel.name = cleanName;
        }
        kernel.weights = weights;
        kernel.updatedAt = Instant.now();
        kernel.persist();
        return KernelView.of(kernel);
    }

    @DELETE
    @Path("/{name}")
    public Response delete(@PathParam("name") String name) {
        long deleted = SavedKernel.delete("accountId = ?1 and name = ?2", currentUser.requireAccountId(), name);
        if (deleted == 0) {
            throw ProblemException.notFound(Text.of(KernelLabErrors.class, m -> m.noKernelNamed(name)));
        }
        return Response.noContent().build();
    }

    private static String checkName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 60 || clean.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badField("name", Text.of(KernelLabErrors.class, KernelLabErrors::kernelName));
        }
        return clean;
    }

    private static List<List<List<Double>>> checkWeights(List<List<List<Double>>> weights) {
        Text message = Text.of(KernelLabErrors.class, KernelLabErrors::savedWeights);
        if (weights == null || (weights.size() != 1 && weights.size() != 3)) {
            throw ProblemException.badField("weights", message);
        }
        List<List<Double>> first = weights.get(0);
        if (first == null || first.isEmpty() || first.size() > 15 || first.get(0) == null || first.get(0).isEmpty() || first.get(0).size() > 15) {
            throw ProblemException.badField("weights", message);
        }
        for (List<List<Double>> channel : weights) {
            if (channel == null || channel.size() != first.size()) {
                throw ProblemException.badField("weights", message);
            }
            for (List<Double> row : channel) {
                if (row == null || row.size() != first.get(0).size()
                        || row.stream().anyMatch(v -> v == null || !Double.isFinite(v) || Math.abs(v) > 1e6)) {
                    throw ProblemException.badField("weights", message);
                }
            }
        }
        return weights;
    }
}
