"""Request bodies, read whole and bounded before anything parses them.

Rules:

- A body is read completely, whatever its framing (``Content-Length`` or chunked), and a
  body longer than ``CLAIMS_MAX_BODY_BYTES`` is refused with 413: never cut to the limit
  and parsed (werkzeug stops reading a chunked body at the limit without saying so).
- A body the HTTP server cannot de-chunk (``zz`` as a chunk size), or that ends before its
  ``Content-Length``, is refused with 400.
- A JSON body is refused with 400 when it nests deeper than ``MAX_DEPTH`` arrays or objects
  (Python's parser raises ``RecursionError`` on deep input) or writes an integer of more than
  ``MAX_DIGITS`` digits (``int()`` refuses more than 4,300 digits with ``ValueError``; no
  field of the contract holds more than 19), or is not valid UTF-8 JSON.

``BoundedBody`` is WSGI middleware: it runs before Flask so that the body the application
sees is already whole (a ``BytesIO`` with a true ``Content-Length``). ``check_json`` runs as
a ``before_request`` hook, before webargs parses the body again for the schemas.
"""

import io
import json
import re
from http import HTTPStatus
from itertools import accumulate

from werkzeug.exceptions import BadRequest

from api.errors import problem_bytes

MAX_DEPTH = 32
MAX_DIGITS = 30
READ_SIZE = 64 * 1024

_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKET = re.compile(rb"[^\[\]{}]")
_STEP = [0] * 256
_STEP[ord("[")] = _STEP[ord("{")] = 1
_STEP[ord("]")] = _STEP[ord("}")] = -1


class BodyRefused(Exception):
    def __init__(self, status, detail):
        super().__init__(detail)
        self.status, self.detail = status, detail


def read_bounded(environ, limit):
    """The whole body as bytes; ``BodyRefused`` (413 or 400) when it cannot be."""
    stream = environ.get("wsgi.input")
    chunked = "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
    raw_length = environ.get("CONTENT_LENGTH") or ""
    if not chunked and not raw_length:
        return b""
    length = None
    if not chunked:
        if not raw_length.isascii() or not raw_length.isdigit():
            raise BodyRefused(400, "Content-Length must be a number of bytes.")
        length = int(raw_length)
        if length > limit:
            raise BodyRefused(413, "The request body is larger than this server accepts.")
    wanted = limit + 1 if length is None else length
    parts, received = [], 0
    try:
        while received < wanted:
            part = stream.read(min(READ_SIZE, wanted - received))
            if not part:
                break
            parts.append(part)
            received += len(part)
    except Exception:  # noqa: BLE001 - the server's own parse errors (bad chunk sizes) vary
        raise BodyRefused(
            400, "The request body is not valid HTTP framing (bad chunks or a body cut short)."
        ) from None
    if received > limit:
        raise BodyRefused(413, "The request body is larger than this server accepts.")
    if length is not None and received < length:
        raise BodyRefused(400, "The request body ended before its Content-Length.")
    return b"".join(parts)


class BoundedBody:
    """WSGI middleware: replace the input stream by the whole body, read within the limit."""

    def __init__(self, app, limit):
        self.app, self.limit = app, limit

    def __call__(self, environ, start_response):
        try:
            body = read_bounded(environ, self.limit)
        except BodyRefused as refusal:
            payload = problem_bytes(refusal.status, refusal.detail)
            start_response(
                f"{refusal.status} {HTTPStatus(refusal.status).phrase}",
                [
                    ("Content-Type", "application/problem+json"),
                    ("Content-Length", str(len(payload))),
                    ("Connection", "close"),
                ],
            )
            return [payload]
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        environ.pop("HTTP_TRANSFER_ENCODING", None)
        # The body is whole: werkzeug need not wrap the stream in a limit of its own.
        environ["wsgi.input_terminated"] = True
        return self.app(environ, start_response)


def depth(body):
    """How deep arrays and objects nest in a JSON text (strings skipped)."""
    brackets = _NOT_BRACKET.sub(b"", _STRING.sub(b"", body))
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def _bounded_int(text):
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise ValueError(f"an integer of more than {MAX_DIGITS} digits")
    return int(text)


def check_json(body):
    """Raise ``BadRequest`` unless ``body`` is JSON within the bounds above."""
    if depth(body) > MAX_DEPTH:
        raise BadRequest(f"The JSON body nests deeper than {MAX_DEPTH} levels.")
    try:
        json.loads(body.decode("utf-8"), parse_int=_bounded_int)
    except UnicodeDecodeError:
        raise BadRequest("The request body is not valid UTF-8.") from None
    except RecursionError:
        raise BadRequest(f"The JSON body nests deeper than {MAX_DEPTH} levels.") from None
    except ValueError as error:
        raise BadRequest(f"The request body is not valid JSON: {error}.") from None
