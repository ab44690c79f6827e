package dev.convlab.kernellab.compute;

import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/** Asks TensorFlow itself whether it has a GPU: one addition pinned to GPU 0, with soft placement off. */
public final class GpuProbe {

    private GpuProbe() {}

    public static boolean gpuVisible() {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph).withDevice(DeviceSpec.newBuilder()
                    .deviceType(DeviceSpec.DeviceType.GPU).deviceIndex(0).build());
            Operand<TFloat32> sum = tf.math.add(tf.constant(1f), tf.constant(1f));
            ConfigProto strict = ConfigProto.newBuilder().setAllowSoftPlacement(false).build();
            try (Session session = new Session(graph, strict); Result result = session.runner().fetch(sum).run()) {
                return result.size() == 1;
            }
        } catch (RuntimeException e) {
            return false;
        }
    }
}
