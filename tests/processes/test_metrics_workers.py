"""Metrics under several gunicorn workers: whichever worker answers a scrape, it counts all."""

import http.client
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.servers import free_port

pytestmark = pytest.mark.slow

CLAIMS_COMMAND = Path(sys.executable).parent / "claims"


def get(port, path):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read().decode()
    finally:
        conn.close()


def health_count(text):
    return sum(
        sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == "claims_http_requests_total"
        and sample.labels == {"method": "GET", "route": "/healthz", "status": "200"}
    )


def test_every_scrape_adds_up_the_requests_of_every_worker(db, database_url, tmp_path):
    port = free_port()
    server = subprocess.Popen(
        [str(CLAIMS_COMMAND), "serve", "--bind", f"127.0.0.1:{port}", "--workers", "3"],
        env={**os.environ, "CLAIMS_DATABASE_URL": database_url, "CLAIMS_LOG_FORMAT": "json"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        answered, deadline = 0, time.monotonic() + 60
        while not answered:
            assert time.monotonic() < deadline, "the server did not start"
            try:
                answered += get(port, "/healthz")[0] == 200
            except OSError:
                time.sleep(0.2)
        for _ in range(30):
            assert get(port, "/healthz")[0] == 200
            answered += 1
        counts = {health_count(get(port, "/metrics")[1]) for _ in range(9)}
        assert counts == {answered}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
