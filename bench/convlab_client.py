"""A small ConvLab API client for the benchmarks: starts the packaged app on a fresh embedded database and talks to
it like a browser (session cookie, CSRF token)."""
import contextlib
import http.cookiejar
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

FINISHED = ("succeeded", "failed", "diverged", "canceled")


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

    @staticmethod
    def signed_up(base, email):
        client = Client(base)
        client.call("POST", "/api/accounts", {"email": email, "displayName": email.split("@")[0], "password": "a-long-enough-password"})
        return client

    @staticmethod
    def await_all(clients):
        """Polls until every run of these learners has finished; returns them all."""
        while True:
            runs = [run for client in clients for run in client.call("GET", "/api/runs")]
            if all(run["state"] in FINISHED for run in runs):
                return runs
            time.sleep(0.5)


def wait_ready(management, process):
    for _ in range(180):
        if process.poll() is not None:
            sys.exit("the app stopped while starting; see target/bench-app.log")
        try:
            urllib.request.urlopen(management + "/q/health/ready").read()
            return
        except OSError:
            time.sleep(1)
    sys.exit("the app did not become ready in 3 minutes")


@contextlib.contextmanager
def running_app(port, environment):
    """The packaged app on a throw-away embedded database, yielding its base URL; its log goes to target/."""
    data = tempfile.mkdtemp()
    env = dict(os.environ, CONVLAB_DATA_DIR=data + "/postgres", **environment)
    env.pop("CONVLAB_DB_URL", None)
    log = open("target/bench-app.log", "w")
    # Health lives on the management interface, one port above the app's here.
    app = subprocess.Popen(["java", f"-Dquarkus.http.port={port}", f"-Dquarkus.management.port={port + 1}", "-jar",
                            "target/quarkus-app/quarkus-run.jar"], env=env, stdout=log, stderr=log)
    base = f"http://localhost:{port}"
    try:
        wait_ready(f"http://localhost:{port + 1}", app)
        yield base
    finally:
        app.terminate()
        app.wait()
        shutil.rmtree(data, ignore_errors=True)
