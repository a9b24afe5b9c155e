"""How ``claims serve`` runs gunicorn, and the worker that answers its errors as problems.

Design (why these choices):

- **gevent workers.** A sync worker is held by one connection from its first byte to its
  last: four clients sending headers at one byte a second stalled a two-worker server for
  40 s. A gevent worker reads every connection in its own greenlet, so a slow sender costs
  a socket and a few kilobytes, not a worker: with 50 slow senders connected, other clients
  are answered at once (``tests/processes/test_slow_clients.py``). Each worker holds up to
  ``WORKER_CONNECTIONS`` connections; a connection idle for ``IDLE_SECONDS`` is closed.
  Work inside a request is short by construction (database statement and lock timeouts,
  bounded quote checks), so one greenlet cannot hold the loop for long.
- **Errors before the application** (request line over 4,094 bytes: 414; headers too large
  or too many: 431; malformed HTTP, a lowercase method, Content-Length with
  Transfer-Encoding: 400) are answered by ``Worker.handle_error`` as problem details, like
  every error of the API, and so is the 500 of a worker that dies mid-request.
- **No banner**: the ``Server`` header names no version.
- A buffering proxy (nginx) in front remains a good idea on the open internet; it is not
  needed for the service to stay responsive.
"""

import signal
import socket
import sys
from http import HTTPStatus

from gunicorn.http import errors as http_errors
from gunicorn.workers.ggevent import GeventWorker

from api.errors import PROBLEM_TYPE, problem_bytes

WORKER_CONNECTIONS = 1000
IDLE_SECONDS = 30
WORKER_TIMEOUT = 30

STATUS_OF = (
    (http_errors.LimitRequestLine, 414),
    (http_errors.LimitRequestHeaders, 431),
    (http_errors.UnsupportedTransferCoding, 501),
    (http_errors.ExpectationFailed, 417),
    (http_errors.ForbiddenProxyRequest, 403),
    (http_errors.ConfigurationProblem, 500),
    (http_errors.InvalidResponseHeader, 500),
    (http_errors.InvalidResponseHeaderName, 500),
    (http_errors.ParseException, 400),
)

# Details for what only the HTTP server refuses; other statuses (500) have the API's.
DETAIL = {
    400: "The request is not valid HTTP/1.1.",
    414: "The request line is longer than this server accepts.",
    431: "The request headers are larger or more numerous than this server accepts.",
    501: "That transfer coding is not supported; send chunked or a Content-Length.",
}


def error_response(status):
    """A complete HTTP/1.1 answer carrying a problem document; the connection closes."""
    body = problem_bytes(status, DETAIL.get(status))
    head = (
        f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\n"
        "Connection: close\r\n"
        f"Content-Type: {PROBLEM_TYPE}\r\n"
        "X-Content-Type-Options: nosniff\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode("latin-1") + body


def status_of(error):
    for kind, status in STATUS_OF:
        if isinstance(error, kind):
            return status
    return 500


class Worker(GeventWorker):
    """gunicorn's gevent worker, answering its own errors as problem details."""

    def init_process(self):
        # Until gunicorn installs its handlers (after gevent's patching, which takes a while)
        # the worker carries the master's, which drop a SIGTERM: a server stopped while a
        # worker boots then waited the whole graceful timeout for it. A worker that is not
        # serving yet can simply die.
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        super().init_process()

    def handle(self, listener, client, addr):
        # A connection that sends nothing for this long is closed (a slow sender keeps its
        # own greenlet busy, nobody else's).
        client.settimeout(IDLE_SECONDS)
        super().handle(listener, client, addr)

    def handle_error(self, req, client, addr, exc):
        status = status_of(exc)
        if status == 500:
            self.log.exception("Error handling request")
        else:
            self.log.warning(
                "Invalid request from %s: %s (%s)", (addr or ("",))[0], type(exc).__name__, status
            )
        try:
            client.sendall(error_response(status))
        except (OSError, socket.timeout):
            self.log.debug("Failed to send error message.")


def gunicorn_argv(bind, workers, *options):
    """The command line that serves the API (``claims serve`` and the process tests)."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "--bind",
        bind,
        "--workers",
        str(workers),
        "--worker-class",
        "api.serving.Worker",
        "--worker-connections",
        str(WORKER_CONNECTIONS),
        "--timeout",
        str(WORKER_TIMEOUT),
        "--keep-alive",
        "5",
        "--no-control-socket",
        *options,
        "api:create_app()",
    ]
