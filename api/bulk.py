"""NDJSON in and out: the lines of ``claims.bulk`` and ``claims.exports`` as bytes.

Each input line is parsed and held to its resource's contract (``schemas.imports``) here,
at the edge; what the domain checks (existence, uniqueness, quotes) happens in
``claims.bulk``. Blank lines are skipped but counted, so numbers match the file's lines.
"""

import contextlib
import datetime
import json

from marshmallow import ValidationError

from claims.bulk import Line
from schemas.imports import KEY_LENGTH, LINES

NDJSON = "application/x-ndjson"
MAX_LINE_BYTES = 1_000_000


def _messages(messages, prefix=""):
    """Marshmallow's nested messages as ``field: message`` strings."""
    if isinstance(messages, dict):
        for name, inner in messages.items():
            label = name if name != "_schema" else ""
            yield from _messages(
                inner, f"{prefix}.{label}" if prefix and label else prefix or label
            )
    elif isinstance(messages, list):
        for inner in messages:
            yield from _messages(inner, prefix)
    else:
        yield f"{prefix}: {messages}" if prefix else str(messages)


def parse_line(number, raw):
    """The ``Line`` for the bytes or text of one line; None for a blank line."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_LINE_BYTES:
            return Line(number, rejected=f"The line is longer than {MAX_LINE_BYTES} bytes.")
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            return Line(number, rejected="The line is not UTF-8.")
    if not raw.strip():
        return None
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return Line(number, rejected="The line is not JSON.")
    if not isinstance(data, dict):
        return Line(number, rejected="The line is not a JSON object.")
    resource, key = data.pop("resource", None), data.pop("key", None)
    if not isinstance(resource, str) or resource not in LINES:
        return Line(number, rejected="resource: one of " + ", ".join(LINES) + ".")
    if key is not None and not (isinstance(key, str) and 0 < len(key) <= KEY_LENGTH):
        return Line(number, resource, rejected=f"key: a string of 1 to {KEY_LENGTH} characters.")
    try:
        fields = LINES[resource].load(data)
    except ValidationError as error:
        return Line(number, resource, key, rejected="; ".join(_messages(error.messages)))
    return Line(number, resource, key, fields)


def parse(lines):
    """``Line`` objects for an iterable of lines (bytes or text), numbered from 1."""
    for number, raw in enumerate(lines, start=1):
        line = parse_line(number, raw)
        if line is not None:
            yield line


def _parse_chunk(chunk):
    first, raws = chunk
    return [
        line
        for line in (parse_line(first + n, raw) for n, raw in enumerate(raws))
        if line is not None
    ]


def _chunks(lines, size):
    chunk, first = [], 1
    for number, raw in enumerate(lines, start=1):
        chunk.append(raw)
        if len(chunk) == size:
            yield first, chunk
            chunk, first = [], number + 1
    if chunk:
        yield first, chunk


@contextlib.contextmanager
def checks_in_parallel(processes):
    """A ``map`` for ``import_lines``'s checks that spreads them over ``processes`` worker
    processes (forked before they are needed; they never touch the database); with one
    process, ``map`` itself."""
    if processes == 1:
        yield map
        return
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(processes) as pool:
        yield lambda function, items: pool.imap_unordered(function, list(items), chunksize=8)


def parse_in_parallel(lines, processes, chunk_size=2000):
    """What ``parse`` yields, parsed by ``processes`` worker processes while the caller
    writes: parsing and validating a line costs about as much as storing it."""
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(processes) as pool:
        for parsed in pool.imap(_parse_chunk, _chunks(lines, chunk_size)):
            yield from parsed


def _plain(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_plain).encode


def to_ndjson(lines):
    """Each dict of ``lines`` as one line of UTF-8 JSON."""
    for line in lines:
        yield (_encode(line) + "\n").encode("utf-8")
