"""PyTorch reference for bench/train: the cases of TrainingBenchmark.java, timed the same way, same machine, same run.

  speed stride-2|max-pool BATCH THREADS   images/s over one epoch of the 60,000 training images, SGD at 0.4
  accuracy stride-2|batch-norm SEED [in-order]
                                          t10k accuracy after 5 epochs, SGD at 0.4, batch 256, of the lesson net
                                          or the lesson net with batch norm; in-order trains on the images in the
                                          file's order every epoch, as the course's notebook did (its loader does
                                          not shuffle)
  queue                                   the queue's case: lesson net at batch 64, two runs at once on 1 thread
                                          each, one process each (PyTorch holds the GIL)
Each timed case also prints its CPU time per image (every thread of the processes over the timed part).
"""
import gzip
import multiprocessing
import resource
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

DATA = "/usr/share/datasets/fashion-mnist"
WARM_UP = 1024


def read(split):
    with gzip.open(f"{DATA}/{split}-images-idx3-ubyte.gz") as f:
        images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 1, 28, 28)
    with gzip.open(f"{DATA}/{split}-labels-idx1-ubyte.gz") as f:
        labels = np.frombuffer(f.read(), np.uint8, offset=8)
    return torch.tensor(images, dtype=torch.float32) / 255, torch.tensor(labels, dtype=torch.int64)


def network(kind):
    """The lesson net 1→4→8→16→16→10, 3×3 with padding 1: stride-2 convolutions (batch-norm: each but the last followed
    by BatchNorm2d, as ConvLab builds it), or stride-1 convolutions then 2×2 max-pool."""
    layers = []
    widths = [1, 4, 8, 16, 16, 10]
    for i in range(5):
        last = i == 4
        layers.append(nn.Conv2d(widths[i], widths[i + 1], 3, stride=1 if kind == "max-pool" else 2, padding=1))
        if not last:
            if kind == "batch-norm":
                layers.append(nn.BatchNorm2d(widths[i + 1]))
            layers.append(nn.ReLU())
        if kind == "max-pool":
            layers.append(nn.MaxPool2d(2, ceil_mode=True))
    layers.append(nn.Flatten())
    return nn.Sequential(*layers)


def epoch(model, optimizer, images, labels, batch, generator, shuffle=True):
    order = torch.randperm(len(images), generator=generator) if shuffle else torch.arange(len(images))
    for start in range(0, len(images), batch):
        chosen = order[start:start + batch]
        loss = F.cross_entropy(model(images[chosen]), labels[chosen])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def cpu_seconds():
    """The CPU time of every thread of this process so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def images_per_second(kind, batch, images, labels, seed=1):
    """One timed epoch after a short warm-up: (images/s, CPU seconds)."""
    torch.manual_seed(seed)
    generator = torch.Generator().manual_seed(seed)
    model = network(kind)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.4)
    epoch(model, optimizer, images[:WARM_UP], labels[:WARM_UP], batch, generator)
    cpu = cpu_seconds()
    start = time.perf_counter()
    epoch(model, optimizer, images, labels, batch, generator)
    return len(images) / (time.perf_counter() - start), cpu_seconds() - cpu


def one_of_two(images, labels, seed, start, cpu):
    torch.set_num_threads(1)
    torch.manual_seed(seed)
    generator = torch.Generator().manual_seed(seed)
    model = network("stride-2")
    optimizer = torch.optim.SGD(model.parameters(), lr=0.4)
    epoch(model, optimizer, images[:WARM_UP], labels[:WARM_UP], 64, generator)
    start.wait()
    began = cpu_seconds()
    epoch(model, optimizer, images, labels, 64, generator)
    cpu[seed - 1] = cpu_seconds() - began


def two_runs(images, labels):
    """Two processes warm up, start together; the total counts both over the time until both end: (images/s, CPU seconds)."""
    context = multiprocessing.get_context("fork")
    start = context.Barrier(3)
    cpu = context.Array("d", 2)
    runs = [context.Process(target=one_of_two, args=(images, labels, seed, start, cpu)) for seed in (1, 2)]
    for run in runs:
        run.start()
    start.wait()
    began = time.perf_counter()
    for run in runs:
        run.join()
    return 2 * len(images) / (time.perf_counter() - began), sum(cpu)


def report(engine, name, images, timed):
    rate, cpu = timed
    print(f"{engine}\t{name}\t{rate:.0f}")
    print(f"{engine}\tcpu µs per image: {name}\t{cpu / images * 1e6:.1f}")


def main():
    images, labels = read("train")
    if sys.argv[1] == "speed":
        kind, batch, threads = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
        torch.set_num_threads(threads)
        report(f"torch({threads})", f"speed {kind} b{batch}", len(images), images_per_second(kind, batch, images, labels))
    elif sys.argv[1] == "accuracy":
        kind, seed = sys.argv[2], int(sys.argv[3])
        shuffle = sys.argv[4:] != ["in-order"]
        torch.set_num_threads(2)
        torch.manual_seed(seed)
        generator = torch.Generator().manual_seed(seed)
        model = network(kind)
        optimizer = torch.optim.SGD(model.parameters(), lr=0.4)
        for _ in range(5):
            epoch(model, optimizer, images, labels, 256, generator, shuffle)
        model.eval()
        test_images, test_labels = read("t10k")
        with torch.no_grad():
            accuracy = (model(test_images).argmax(1) == test_labels).float().mean().item()
        print(f"torch\taccuracy {kind} seed {seed}{'' if shuffle else ' in-order'}\t{accuracy:.4f}")
    elif sys.argv[1] == "queue":
        report("torch", "queue: two runs at once, 1 thread each", 2 * len(images), two_runs(images, labels))
    else:
        raise SystemExit("speed, accuracy or queue, not " + sys.argv[1])


if __name__ == "__main__":
    main()
