"""Real gunicorn servers for the tests that need several processes or a crash."""

import http.client
import json
import os
import signal
import socket
import subprocess
import time
from contextlib import contextmanager

from api.serving import gunicorn_argv


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A gunicorn process group serving ``api:create_app()`` for one database."""

    def __init__(self, database_url, workers=2):
        self.port = free_port()
        self.process = subprocess.Popen(
            gunicorn_argv(f"127.0.0.1:{self.port}", workers, "--graceful-timeout", "2"),
            env={**os.environ, "CLAIMS_DATABASE_URL": database_url},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if self.request("GET", "/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.1)
        self.kill()
        raise RuntimeError("gunicorn did not start within 30 s")

    def request(self, method, path, body=None, headers=None):
        """``(status, headers, json body or None)``; raises OSError when the server is gone."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            payload = json.dumps(body).encode() if body is not None else None
            all_headers = dict(headers or {})
            if payload is not None:
                all_headers["Content-Type"] = "application/json"
            conn.request(method, path, body=payload, headers=all_headers)
            response = conn.getresponse()
            raw = response.read()
            return response.status, dict(response.getheaders()), json.loads(raw) if raw else None
        finally:
            conn.close()

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=15)

    def kill(self):
        """SIGKILL the master and every worker at once, as a crash or the OOM killer would."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=15)


@contextmanager
def servers(database_url, count=1, workers=2):
    started = []
    try:
        for _ in range(count):
            started.append(Server(database_url, workers=workers))
        yield started
    finally:
        for server in started:
            server.stop()
