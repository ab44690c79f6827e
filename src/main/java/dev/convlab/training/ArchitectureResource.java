package dev.convlab.training;

import dev.convlab.limits.ClientLimits;
import dev.convlab.platform.ProblemException;
import dev.convlab.training.compute.Architecture;
import dev.convlab.training.compute.Architecture.Layer;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;

/**
 * Plans a network before anyone trains it (step 7's network builder and the ablation form): every layer's output
 * shape, parameters and theoretical receptive field, or the 400 that submitting it as a run would get.
 */
@Path("/api/architectures")
public class ArchitectureResource {

    /** The planned network; {@code multiplyAdds} counts one per weight per output position, as step 7 does. */
    public record Plan(List<Layer> layers, long parameters, long multiplyAdds) {}

    @Inject
    ClientLimits limits;

    @POST
    public Plan plan(RunSettings request) {
        limits.charge(limits.current(), limits.cost(0));
        if (request == null) {
            throw ProblemException.required("body");
        }
        Architecture architecture = request.withDefaults().check().architecture();
        List<Layer> layers = architecture.plan();
        return new Plan(layers, architecture.parameters(), RunSettings.multiplyAdds(architecture.kernelSize(), layers));
    }
}
