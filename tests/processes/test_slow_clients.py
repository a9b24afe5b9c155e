"""The server in front: slow senders stall no one, and malformed HTTP gets problem details.

A real ``claims serve`` configuration (gunicorn with ``api.serving.Worker``), one worker, so
that nothing hides behind a second process.
"""

import json
import socket
import threading

import pytest

from tests.conftest import POSTGRES_URL, _reset_postgres, open_migrated
from tests.servers import Server

SLOW_SENDERS = 50


@pytest.fixture(scope="module")
def server(tmp_path_factory, migrated_sqlite):
    """One server for the module: the requests here leave nothing behind (the slow senders
    are refused or dropped, the malformed requests never reach the app)."""
    if POSTGRES_URL:
        _reset_postgres(POSTGRES_URL)
        url = POSTGRES_URL
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('slow-clients')}/claims.db"
    open_migrated(url, migrated_sqlite).close_all()
    started = Server(url, workers=1)
    yield started
    started.stop()


def exchange(server, data, timeout=5.0):
    """Send raw bytes; return ``(status, headers, body)`` of the answer."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=timeout) as sock:
        sock.sendall(data)
        received = b""
        while b"\r\n\r\n" not in received or len(received.partition(b"\r\n\r\n")[2]) < int(
            _headers(received).get("content-length", 0)
        ):
            chunk = sock.recv(65536)
            if not chunk:
                break
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    return status, _headers(received), body


def _headers(received):
    head = received.partition(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")[1:]
    return {
        name.strip().lower(): value.strip()
        for name, _, value in (line.partition(":") for line in head)
    }


def test_health_answers_within_a_second_with_50_slow_senders_connected(server):
    stop, senders = threading.Event(), []
    for _ in range(SLOW_SENDERS):
        sock = socket.create_connection(("127.0.0.1", server.port), timeout=5)
        sock.sendall(b"POST /api/v1/sources HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        senders.append(sock)

    def dribble():
        while not stop.wait(0.5):
            for sock in senders:
                try:
                    sock.sendall(b"a")
                except OSError:
                    pass

    thread = threading.Thread(target=dribble, daemon=True)
    thread.start()
    try:
        for _ in range(5):
            # The bound of the contract, as a client would set it: a 1 s timeout.
            with socket.create_connection(("127.0.0.1", server.port), timeout=1.0) as sock:
                sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                answer = b""
                while chunk := sock.recv(65536):
                    answer += chunk
            assert answer.startswith(b"HTTP/1.1 200 "), answer[:200]
    finally:
        stop.set()
        thread.join()
        for sock in senders:
            sock.close()


MALFORMED = [
    (b"GET /api/v1/claims?q=" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
    (b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 10_000 + b"\r\n\r\n", 431),
    (
        b"GET /healthz HTTP/1.1\r\nHost: x\r\n"
        + b"".join(b"X-H%d: 1\r\n" % n for n in range(150))
        + b"\r\n",
        431,
    ),
    (b"get /healthz HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    (
        b"POST /api/v1/sources HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
        b"Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n0\r\n\r\n",
        400,
    ),
    (b"GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n", 400),
    (b"NOT HTTP AT ALL\r\n\r\n", 400),
    (
        b"POST /api/v1/sources HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
        b"Content-Type: application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
        400,
    ),
    (
        b"POST /api/v1/sources HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
        b"Content-Type: application/json\r\n\r\n"
        + b"%x\r\n" % (2 * 1024 * 1024)
        + b" " * (2 * 1024 * 1024)
        + b"\r\n0\r\n\r\n",
        413,
    ),
]


@pytest.mark.parametrize(
    "request_bytes, status",
    MALFORMED,
    ids=[
        "long-line",
        "big-header",
        "150-headers",
        "lowercase-method",
        "length-and-chunked",
        "http-9.9",
        "garbage",
        "bad-chunk",
        "chunked-over-limit",
    ],
)
def test_malformed_http_is_answered_as_a_problem(server, request_bytes, status):
    got, headers, body = exchange(server, request_bytes)
    assert got == status, body[:300]
    assert headers["content-type"] == "application/problem+json"
    problem = json.loads(body)
    assert problem["status"] == status and problem["title"] and problem["detail"]
    assert not any(char.isdigit() for char in headers.get("server", ""))
