"""What every benchmark shares: a fresh database, a real gunicorn server, and a timer.

Benchmarks talk to the service over real HTTP on 127.0.0.1, one request at a time, and
report latency percentiles. The server is the one ``claims serve`` runs (gevent workers,
``api.serving.gunicorn_argv``), started by ``api.launch`` as the process tests start theirs.
They are never part of the test run.
"""

import os
import statistics
import tempfile
import time
from contextlib import contextmanager

from api.launch import Launched, get
from claims.db import database, open_database
from claims.migrations import migrate


def database_url(given):
    """``given`` (``--database-url``), or a new SQLite file in a temporary folder."""
    return given or f"sqlite:///{tempfile.mkdtemp()}/bench.db"


def backend_name(url):
    return "PostgreSQL" if url.startswith("postgresql") else "SQLite"


def fresh_database(url):
    """Open ``url`` with an empty schema. A PostgreSQL database is emptied first."""
    if url.startswith("postgresql"):
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("DROP SCHEMA public CASCADE")
            conn.execute("CREATE SCHEMA public")
    else:
        path = url[len("sqlite:///") :]
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
    open_database(url)
    migrate()
    return database


@contextmanager
def server(url, workers=1):
    """The service for the database at ``url``, as ``claims serve`` runs it; yields its port.

    ``api.launch`` starts it with ``claims serve``'s command line and configuration (gevent
    workers, ``api.serving.gunicorn_argv``, the metrics): a benchmark measures the server the
    service runs, not gunicorn's default sync workers. One worker by default: the benchmarks
    send one request at a time.
    """
    # One address sends every request: the per-address rate limit would answer 429s.
    env = {"CLAIMS_RATE_LIMITS": "off"}
    with Launched(url, workers, serve_config=True, env=env) as launched:
        yield launched.port


def measure(port, path, calls, warmup=10):
    """Latencies in milliseconds of ``calls`` sequential GETs (after a warm-up)."""
    for _ in range(warmup):
        get(port, path)
    times = []
    for _ in range(calls):
        started = time.perf_counter()
        status, _ = get(port, path)
        times.append((time.perf_counter() - started) * 1000)
        if status != 200:
            raise RuntimeError(f"GET {path} answered {status}")
    return times


def summary(times):
    ordered = sorted(times)
    p99 = ordered[min(len(ordered) - 1, int(round(0.99 * len(ordered))) - 1)]
    return {"p50": statistics.median(ordered), "p99": p99, "calls": len(ordered)}


def row(what, backend, times):
    """A README table row: what was timed, on which backend, p50, p99 and the calls."""
    result = summary(times)
    print(
        f"| {what} | {backend} | {result['p50']:.1f} ms | {result['p99']:.1f} ms "
        f"| {result['calls']} |",
        flush=True,
    )
