"""PyTorch reference for bench/run: the same cases as EngineBenchmark.java, same machine, same run."""
import statistics
import sys
import time

import torch
import torch.nn.functional as F


def median_micros(work, warm_up, runs):
    for _ in range(warm_up):
        work()
    samples = []
    for _ in range(runs):
        start = time.perf_counter_ns()
        work()
        samples.append((time.perf_counter_ns() - start) / 1000)
    return statistics.median(samples), runs


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else torch.get_num_threads()
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    with torch.no_grad():
        one = torch.rand(1, 1, 28, 28)
        top_edge = torch.rand(1, 1, 3, 3) * 2 - 1
        print("torch(%d) one 28x28, one 3x3\t%.1f\t%d" % ((threads,) + median_micros(lambda: F.conv2d(one, top_edge).numpy(), 500, 5000)))
        thousand = torch.rand(1000, 1, 28, 28)
        eight = torch.rand(8, 1, 3, 3) * 2 - 1
        print("torch(%d) 1000 28x28, 8 3x3, stride 2\t%.1f\t%d" % ((threads,) + median_micros(
            lambda: F.conv2d(thousand, eight, stride=2, padding=1).numpy(), 100, 100)))


if __name__ == "__main__":
    main()
