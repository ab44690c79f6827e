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

    /**
     * A GPU session's settings with soft placement off, so that the addition fails without a GPU. Its threads matter:
     * TensorFlow sizes its process-wide thread pools from the first session, and this probe is the first.
     * With TensorFlow's default (a pool of one thread per core) every training run of the app shared that pool, and
     * trained at 5.6–6.9k images/s where a run alone in its process reaches 30k.
     */
    static ConfigProto config() {
        return Device.GPU.sessionConfig().toBuilder().setAllowSoftPlacement(false).build();
    }

    public static boolean gpuVisible() {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph).withDevice(DeviceSpec.newBuilder()
                    .deviceType(DeviceSpec.DeviceType.GPU).deviceIndex(0).build());
            Operand<TFloat32> sum = tf.math.add(tf.constant(1f), tf.constant(1f));
            try (Session session = new Session(graph, config()); Result result = session.runner().fetch(sum).run()) {
                return result.size() == 1;
            }
        } catch (RuntimeException e) {
            return false;
        }
    }
}
