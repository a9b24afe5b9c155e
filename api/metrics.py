"""Prometheus metrics at ``/metrics``, correct under any number of gunicorn workers.

Rules:

- ``claims_http_requests_total{method, route, status}`` counts answered requests and
  ``claims_http_request_duration_seconds{method, route}`` is their latency histogram;
  ``route`` is the URL rule (``/api/v1/claims/<int(max=2147483647):claim_id>``), never the
  raw path, so the
  number of series stays bounded (unknown paths count as route ``none``).
- ``claims_db_pool_connections{state}`` is how many pooled database connections are
  ``in_use`` and ``idle``, summed over the live worker processes.
- ``claims_work_duration_seconds{kind}`` times a piece of work (``quote_check``,
  ``extraction``): the domain reports durations through ``claims.timing`` and this module
  records them.
- With several workers, ``claims serve`` sets ``PROMETHEUS_MULTIPROC_DIR`` to an empty
  folder before they start: each worker writes its samples there and a scrape, whichever
  worker answers it, adds up every worker's.
"""

import os
import time

from flask import Response, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)

from claims import timing
from claims.db import database

MULTIPROCESS_DIR = "PROMETHEUS_MULTIPROC_DIR"

REQUESTS = Counter(
    "claims_http_requests_total", "Requests answered.", ["method", "route", "status"]
)
LATENCY = Histogram(
    "claims_http_request_duration_seconds", "Time to answer a request.", ["method", "route"]
)
POOL = Gauge(
    "claims_db_pool_connections",
    "Pooled database connections by state.",
    ["state"],
    multiprocess_mode="livesum",
)
WORK = Histogram(
    "claims_work_duration_seconds",
    "Time spent on one piece of work.",
    ["kind"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)


def _record_work(kind: str, seconds: float) -> None:
    WORK.labels(kind=kind).observe(seconds)


def _start() -> None:
    g.metrics_started = time.perf_counter()


def _count(response):
    started = g.get("metrics_started")
    route = request.url_rule.rule if request.url_rule is not None else "none"
    REQUESTS.labels(method=request.method, route=route, status=str(response.status_code)).inc()
    if started is not None:
        LATENCY.labels(method=request.method, route=route).observe(time.perf_counter() - started)
    return response


def _pool_use(_exception=None) -> None:
    pool = database.obj
    if pool is None or not hasattr(pool, "_in_use"):
        return
    POOL.labels(state="in_use").set(len(pool._in_use))
    POOL.labels(state="idle").set(len(pool._connections))


def scrape():
    """The metrics of every worker (or of this process when there is one)."""
    if os.environ.get(MULTIPROCESS_DIR):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    return Response(generate_latest(registry), mimetype=CONTENT_TYPE_LATEST)


def child_exit(_server, worker) -> None:
    """gunicorn's hook (``claims serve`` passes ``-c python:api.metrics``): a dead worker's
    live gauges stop counting."""
    if os.environ.get(MULTIPROCESS_DIR):
        multiprocess.mark_process_dead(worker.pid)


def register(app) -> None:
    app.before_request(_start)
    app.after_request(_count)
    app.teardown_appcontext(_pool_use)
    app.add_url_rule("/metrics", "metrics", scrape)
    timing.observe(_record_work)
