"""The class's training throughput: 12 one-epoch Fashion-MNIST runs queued at once on the packaged app, timed until
the last one finishes, for each per-node run concurrency given. Prints a Markdown table.

Usage: python3 bench/queue_throughput.py PORT CONCURRENCY...   (run by ./bench/queue after packaging)
"""
import http.cookiejar
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

RUNS = 12
PER_LEARNER = 3


class Client:
    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.opener.open(base + "/").read()
        self.csrf = next(c.value for c in self.jar if c.name == "convlab_csrf")

    def call(self, method, path, body=None):
        request = urllib.request.Request(self.base + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                         headers={"Content-Type": "application/json", "Accept": "application/json", "X-CSRF-TOKEN": self.csrf})
        with self.opener.open(request) as response:
            return json.loads(response.read() or b"null")


def wait_ready(base, process):
    for _ in range(180):
        if process.poll() is not None:
            sys.exit("the app stopped while starting; see target/bench-queue-app.log")
        try:
            urllib.request.urlopen(base + "/q/health/ready").read()
            return
        except OSError:
            time.sleep(1)
    sys.exit("the app did not become ready in 3 minutes")


def measure(port, concurrency):
    data = tempfile.mkdtemp()
    env = dict(os.environ, CONVLAB_DATA_DIR=data + "/postgres", CONVLAB_TRAINING_CONCURRENCY=str(concurrency))
    log = open("target/bench-queue-app.log", "w")
    app = subprocess.Popen(["java", f"-Dquarkus.http.port={port}", "-jar", "target/quarkus-app/quarkus-run.jar"], env=env, stdout=log, stderr=log)
    base = f"http://localhost:{port}"
    try:
        wait_ready(base, app)
        learners = []
        for i in range(RUNS // PER_LEARNER):
            client = Client(base)
            client.call("POST", "/api/accounts", {"email": f"bench-{i}@example.org", "displayName": f"Bench {i}", "password": "a-long-enough-password"})
            learners.append(client)
        start = time.monotonic()
        for i, client in enumerate(learners):
            for seed in range(PER_LEARNER):
                client.call("POST", "/api/runs", {"dataset": "fashion-mnist", "epochs": 1, "batchSize": 64, "seed": i * PER_LEARNER + seed})
        while True:
            runs = [run for client in learners for run in client.call("GET", "/api/runs")]
            if all(run["state"] in ("succeeded", "failed", "diverged", "canceled") for run in runs):
                break
            time.sleep(0.5)
        seconds = time.monotonic() - start
        succeeded = sum(run["state"] == "succeeded" for run in runs)
        return seconds, succeeded
    finally:
        app.terminate()
        app.wait()
        shutil.rmtree(data, ignore_errors=True)


def main():
    port = int(sys.argv[1])
    print(f"| runs at once per node | {RUNS} runs finished in | succeeded | runs per hour |")
    print("|---|---|---|---|")
    for concurrency in sys.argv[2:]:
        seconds, succeeded = measure(port, int(concurrency))
        print(f"| {concurrency} | {seconds:.0f} s | {succeeded} | {succeeded * 3600 / seconds:,.0f} |")


if __name__ == "__main__":
    main()
