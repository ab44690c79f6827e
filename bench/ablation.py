"""The lesson's open question, answered the way the class answers it: the lesson network with stride-2 convolutions,
max-pooling and average pooling, each over several seeds on Fashion-MNIST with the course's recipe (SGD lr 0.4,
batch 256), trained by the packaged app's queue; the per-variant table is read back from GET /api/leaderboard.

Usage: python3 bench/ablation.py PORT EPOCHS SEED...   (run by ./bench/ablation after packaging)
ABLATION_OPTIMIZER and ABLATION_LR change the recipe (e.g. ADAM and 0.003).
"""
import os
import sys

from convlab_client import Client, running_app

VARIANTS = {"STRIDE2": "stride-2 convolutions", "MAX_POOL": "stride-1 conv + max-pool", "AVG_POOL": "stride-1 conv + average pool"}


def main():
    port, epochs, seeds = int(sys.argv[1]), int(sys.argv[2]), [int(s) for s in sys.argv[3:]]
    recipe = {"optimizer": os.environ.get("ABLATION_OPTIMIZER", "SGD"), "learningRate": float(os.environ.get("ABLATION_LR", "0.4"))}
    with running_app(port, {}) as base:
        learners = []
        for variant in VARIANTS:
            for first in range(0, len(seeds), 3):  # a learner may have 3 runs queued at once
                client = Client.signed_up(base, f"{variant.lower()}-{first}@example.org")
                learners.append(client)
                for seed in seeds[first:first + 3]:
                    client.call("POST", "/api/runs", {"dataset": "fashion-mnist", "downsampling": variant, "epochs": epochs, "seed": seed, **recipe})
        Client.await_all(learners)
        board = learners[0].call("GET", f"/api/leaderboard?dataset=fashion-mnist&epochs={epochs}")
    comparison = board["comparisons"]["downsampling"][0]  # the fullest set of runs alike in everything but the variant
    print(f"Recipe: {recipe['optimizer']} at {recipe['learningRate']}, batch 256, {epochs} epochs, seeds {seeds}")
    print(f"Compared: {comparison['shared']}")
    print()
    print(f"| variant ({epochs} epochs, Fashion-MNIST test set) | seeds | test accuracy, mean ± sd | range | training time | parameters |")
    print("|---|---|---|---|---|---|")
    for group in comparison["groups"]:
        spread = f" ± {group['spread'] * 100:.2f}" if group["spread"] is not None else ""
        print(f"| {VARIANTS[group['value']]} | {group['seeds']} | {group['mean'] * 100:.2f}%{spread} | "
              f"{group['min'] * 100:.2f}–{group['max'] * 100:.2f}% | {group['meanSeconds']:.0f} s | {group['meanParameters']:,.0f} |")
    print()
    print("| variant | seed | test accuracy | training time | images/s |")
    print("|---|---|---|---|---|")
    for entry in sorted(board["entries"], key=lambda e: (e["downsampling"], e["seed"])):
        print(f"| {VARIANTS[entry['downsampling']]} | {entry['seed']} | {entry['testAccuracy'] * 100:.2f}% | "
              f"{entry['trainingSeconds']:.1f} s | {entry['imagesPerSecond']:,.0f} |")


if __name__ == "__main__":
    main()
