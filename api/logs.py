"""Logs: one line per request, a request id on every line, configured with ``logging.config``.

Rules:

- Every request gets an id: the client's ``X-Request-Id`` when it sends a usable one (1 to
  128 characters of letters, digits and ``._:-``), else a new random one. The answer echoes
  it in ``X-Request-Id``, and every log record written while the request runs carries it as
  ``request_id``, whoever logs it (any standard ``logging`` logger).
- When a request is answered, the ``claims.requests`` logger writes one record with
  ``method``, ``route`` (the URL rule, e.g. ``/api/v1/claims/<id:claim_id>``; ``null``
  for an unknown path), ``path``, ``status``, ``duration_ms``, ``editor_id`` (``null`` when
  anonymous) and ``request_id``.
- Lines are JSON (one object per line) unless standard error is a terminal, where they are
  plain text for people; ``CLAIMS_LOG_FORMAT=json|text`` forces one. ``CLAIMS_LOG_LEVEL``
  sets the level (default INFO).
"""

import logging
import logging.config
import os
import re
import sys
import time
import uuid

from flask import g, has_request_context, request

REQUEST_ID_HEADER = "X-Request-Id"
USABLE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
REQUEST_FIELDS = ("method", "route", "path", "status", "duration_ms", "editor_id")

requests_log = logging.getLogger("claims.requests")


class RequestIdFilter(logging.Filter):
    """Give every record the id of the request being answered (``None`` outside requests)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = g.get("request_id") if has_request_context() else None
        return True


class TextFormatter(logging.Formatter):
    """Plain lines for a terminal: time, level, logger, message, then the request id."""

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        request_id = getattr(record, "request_id", None)
        return f"{line} [{request_id}]" if request_id else line


def logging_settings(log_format: str = "auto", level: str = "INFO") -> dict:
    """The ``logging.config.dictConfig`` settings for ``log_format`` (auto, json or text)."""
    if log_format == "auto":
        log_format = "text" if sys.stderr.isatty() else "json"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
                "datefmt": "%Y-%m-%dT%H:%M:%S%z",
                "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
                "timestamp": False,
            },
            "text": {"()": TextFormatter, "fmt": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        },
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": log_format,
                "filters": ["request_id"],
            },
        },
        "root": {"level": level, "handlers": ["stderr"]},
    }


def configure_logging() -> None:
    """Configure logging from ``CLAIMS_LOG_FORMAT`` and ``CLAIMS_LOG_LEVEL``."""
    log_format = os.environ.get("CLAIMS_LOG_FORMAT", "auto").strip().lower() or "auto"
    if log_format not in ("auto", "json", "text"):
        log_format = "auto"
    level = os.environ.get("CLAIMS_LOG_LEVEL", "INFO").strip().upper() or "INFO"
    logging.config.dictConfig(logging_settings(log_format, level))


def start_request() -> None:
    incoming = request.headers.get(REQUEST_ID_HEADER, "")
    g.request_id = incoming if USABLE_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
    g.request_started = time.perf_counter()


def finish_request(response):
    """Echo the request id and write the request's line."""
    request_id = g.get("request_id")
    if request_id is None:  # answered before start_request ran
        start_request()
        request_id = g.request_id
    response.headers[REQUEST_ID_HEADER] = request_id
    editor = g.get("editor")
    fields = {
        "method": request.method,
        "route": request.url_rule.rule if request.url_rule is not None else None,
        "path": request.path,
        "status": response.status_code,
        "duration_ms": round((time.perf_counter() - g.request_started) * 1000, 2),
        "editor_id": editor.id if editor is not None else None,
        "request_id": request_id,
    }
    requests_log.info(
        "%s %s %s %.1f ms",
        fields["method"],
        request.path,
        fields["status"],
        fields["duration_ms"],
        extra=fields,
    )
    return response


def register(app) -> None:
    app.before_request(start_request)
    app.after_request(finish_request)
