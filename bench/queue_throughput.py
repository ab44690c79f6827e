"""The class's training throughput: 12 one-epoch Fashion-MNIST runs queued at once on the packaged app, timed until
the last one finishes, for each per-node run concurrency given. Prints a Markdown table.

Usage: python3 bench/queue_throughput.py PORT CONCURRENCY...   (run by ./bench/queue after packaging)
"""
import sys
import time

from convlab_client import Client, running_app

RUNS = 12
PER_LEARNER = 3


def measure(port, concurrency):
    with running_app(port, {"CONVLAB_TRAINING_CONCURRENCY": str(concurrency)}) as base:
        learners = [Client.signed_up(base, f"bench-{i}@example.org") for i in range(RUNS // PER_LEARNER)]
        start = time.monotonic()
        for i, client in enumerate(learners):
            for seed in range(PER_LEARNER):
                client.call("POST", "/api/runs", {"dataset": "fashion-mnist", "epochs": 1, "batchSize": 64, "seed": i * PER_LEARNER + seed})
        runs = Client.await_all(learners)
        seconds = time.monotonic() - start
        return seconds, sum(run["state"] == "succeeded" for run in runs)


def main():
    port = int(sys.argv[1])
    print(f"| runs at once per node | {RUNS} runs finished in | succeeded | runs per hour |")
    print("|---|---|---|---|")
    for concurrency in sys.argv[2:]:
        seconds, succeeded = measure(port, int(concurrency))
        print(f"| {concurrency} | {seconds:.0f} s | {succeeded} | {succeeded * 3600 / seconds:,.0f} |")


if __name__ == "__main__":
    main()
