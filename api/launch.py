"""A real gunicorn server of the API on 127.0.0.1, started and stopped from Python.

The process tests (``tests/servers.py``) and the benchmarks (``bench/harness.py``) both start
their servers here, so both run the command line of ``claims serve``
(``api.serving.gunicorn_argv``: gevent workers, its timeouts and keep-alive) and wait for
``/healthz`` the same way. ``serve_config=True`` adds what ``claims serve`` adds on top (the
metrics configuration and its folder), so that a benchmark measures the service as it runs.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import tempfile
import time

from api.serving import gunicorn_argv

START_SECONDS = 30
# The variable prometheus_client reads (api.metrics.MULTIPROCESS_DIR); importing api.metrics
# here would load the metrics registry into every program that only starts a server.
MULTIPROCESS_DIR = "PROMETHEUS_MULTIPROC_DIR"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Launched:
    """A gunicorn process group serving ``api:create_app()`` for the database at ``url``.

    It is answering ``GET /healthz`` with 200 when the constructor returns (or the group is
    killed and ``RuntimeError`` raised). ``stop()`` ends it at once (SIGQUIT, gunicorn's quick
    shutdown: its callers have no request in flight, and a graceful stop costs a second or
    two of the workers' polling), ``kill()`` as a crash would (SIGKILL to the master and every
    worker at once); as a context manager it stops.
    """

    def __init__(
        self,
        url: str,
        workers: int = 2,
        *options: str,
        serve_config: bool = False,
        env: dict[str, str] | None = None,
    ) -> None:
        self.port = free_port()
        environment = {**os.environ, **(env or {}), "CLAIMS_DATABASE_URL": url}
        if serve_config:
            environment[MULTIPROCESS_DIR] = tempfile.mkdtemp(prefix="claims-metrics-")
            options = ("--config", "python:api.metrics", *options)
        self.process = subprocess.Popen(
            gunicorn_argv(f"127.0.0.1:{self.port}", workers, *options),
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                if self.get("/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.1)
        self.kill()
        raise RuntimeError(f"gunicorn did not answer /healthz within {START_SECONDS} s")

    def get(self, path: str) -> tuple[int, bytes]:
        """``(status, body)`` of a GET; raises OSError when the server does not answer."""
        return get(self.port, path)

    def _signal(self, number: int) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, number)
            self.process.wait(timeout=15)

    def stop(self) -> None:
        self._signal(signal.SIGQUIT)

    def kill(self) -> None:
        self._signal(signal.SIGKILL)

    def __enter__(self) -> Launched:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def get(port: int, path: str) -> tuple[int, bytes]:
    """``(status, body)`` of a GET to the local server on ``port``; raises OSError when it
    does not answer."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()
