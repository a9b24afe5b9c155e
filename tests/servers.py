"""Real gunicorn servers for the tests that need several processes or a crash.

They are started by ``api.launch``, as the benchmarks' are: ``claims serve``'s command line.
"""

import http.client
import json
from contextlib import contextmanager

from api.launch import Launched, free_port

__all__ = ["Server", "free_port", "servers"]


class Server(Launched):
    """A gunicorn process group serving ``api:create_app()`` for one database."""

    def __init__(self, database_url, workers=2):
        super().__init__(database_url, workers, "--graceful-timeout", "2")

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
