package dev.convlab.training.compute;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained network's state: every trainable variable and the batch-norm moving statistics, in the order the network
 * builds them. Kernels are laid out as TensorFlow's [height][width][in][out].
 */
public record TrainedWeights(List<Tensor> tensors) {

    private static final int MAGIC = 0x434C5754; // "CLWT"
    private static final int VERSION = 1;
    private static final int MAX_RANK = 4;

    /** One named tensor, its values row-major in {@code shape}. */
    public record Tensor(String name, long[] shape, float[] values) {

        public Tensor {
            long size = 1;
            for (long side : shape) {
                if (side < 0) {
                    throw new IllegalArgumentException(name + " has a negative side in its shape");
                }
                size *= side;
            }
            if (size != values.length) {
                throw new IllegalArgumentException(name + " holds " + values.length + " values, not the " + size + " its shape needs");
            }
        }
    }

    public TrainedWeights {
        tensors = List.copyOf(tensors);
    }

    /** The tensor called {@code name}; fails naming it when there is none. */
    public Tensor tensor(String name) {
        return tensors.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the weights hold no tensor " + name));
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(tensors.size());
            for (Tensor tensor : tensors) {
                out.writeUTF(tensor.name());
                out.writeInt(tensor.shape().length);
                for (long side : tensor.shape()) {
                    out.writeLong(side);
                }
                for (float value : tensor.values()) {
                    out.writeFloat(value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory does not fail", e);
        }
        return bytes.toByteArray();
    }

    /** Reads what {@link #toBytes} wrote; fails with IllegalArgumentException saying what is wrong with other bytes. */
    public static TrainedWeights fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not ConvLab weights");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("weights format version " + version + " is not " + VERSION);
            }
            int count = in.readInt();
            if (count < 0 || count > bytes.length) {
                throw new IllegalArgumentException("weights claim " + count + " tensors");
            }
            List<Tensor> tensors = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                int rank = in.readInt();
                if (rank < 0 || rank > MAX_RANK) {
                    throw new IllegalArgumentException(name + " has rank " + rank);
                }
                long[] shape = new long[rank];
                long size = 1;
                for (int d = 0; d < rank; d++) {
                    shape[d] = in.readLong();
                    if (shape[d] < 0 || shape[d] > bytes.length) {
                        throw new IllegalArgumentException(name + " has a side of " + shape[d]);
                    }
                    size *= shape[d];
                    if (size * Float.BYTES > in.available()) {
                        throw new IllegalArgumentException(name + " needs more values than the bytes hold");
                    }
                }
                float[] values = new float[(int) size];
                for (int v = 0; v < values.length; v++) {
                    values[v] = in.readFloat();
                }
                tensors.add(new Tensor(name, shape, values));
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException(in.available() + " bytes follow the last tensor");
            }
            return new TrainedWeights(tensors);
        } catch (IOException e) {
            throw new IllegalArgumentException("weights end early", e);
        }
    }
}
