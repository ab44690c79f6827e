package dev.convlab.kernellab.compute;

import java.util.Arrays;

/** Times a piece of work the way the im2col race and bench/ do: warm up, run it many times, take the median. */
public final class MedianTimer {

    private MedianTimer() {}

    /** The median of {@code runs} timings in microseconds, after {@code warmUp} untimed runs. */
    public static double medianMicros(Runnable work, int warmUp, int runs) {
        for (int i = 0; i < warmUp; i++) {
            work.run();
        }
        double[] micros = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            micros[i] = (System.nanoTime() - start) / 1000.0;
        }
        Arrays.sort(micros);
        return micros[runs / 2];
    }
}
