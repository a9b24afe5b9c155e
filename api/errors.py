"""One error shape (RFC 9457 problem details) and one table from domain errors to statuses."""

import json
import logging
from http import HTTPStatus

from flask import g, jsonify, request, url_for
from peewee import DatabaseError, InterfaceError, OperationalError
from werkzeug.exceptions import HTTPException

from api.headers import public_url
from claims import deadlines, errors
from claims.db import database
from claims.migrations import schema_state

PROBLEM_TYPE = "application/problem+json"

STATUS_OF = {
    errors.Unauthenticated: 401,
    errors.Forbidden: 403,
    errors.NotFound: 404,
    errors.Conflict: 409,
    errors.StaleVersion: 412,
    errors.InvalidField: 422,
    errors.Moved: 308,
    errors.Unavailable: 503,
    deadlines.TimedOut: 503,
}

DETAILS = {
    400: "The request body is not valid JSON.",
    404: "There is nothing at this address.",
    405: "This address does not accept that method.",
    413: "The request body is larger than this server accepts.",
    500: "The server failed to answer; the failure was logged.",
    503: "The service cannot answer now; try again shortly.",
}

log = logging.getLogger(__name__)
security_log = logging.getLogger("claims.security")


def problem_body(status, detail=None):
    return {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail or DETAILS.get(status, HTTPStatus(status).description),
    }


def problem_bytes(status, detail=None):
    """The problem document as bytes, for answers given outside Flask (WSGI middleware and
    the HTTP server's own refusals)."""
    return json.dumps(problem_body(status, detail)).encode("utf-8")


def problem(status, detail=None, *, errors=None, headers=None, extensions=None):
    """A problem details response; ``extensions`` are extra members (RFC 9457, section 3.2)."""
    body = problem_body(status, detail)
    if errors:
        body["errors"] = errors
    body.update(extensions or {})
    response = jsonify(body)
    response.status_code = status
    response.mimetype = PROBLEM_TYPE
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _flatten(messages):
    """webargs nests messages by location ({"json": {...}}); clients want field -> messages."""
    flat = {}
    for location_errors in messages.values():
        if isinstance(location_errors, dict):
            for field, field_errors in location_errors.items():
                flat[str(field)] = _as_list(field_errors)
        else:
            flat.setdefault("_body", []).extend(_as_list(location_errors))
    return flat


def _as_list(value):
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    if isinstance(value, dict):
        return [
            f"{key}: {message}" for key, messages in value.items() for message in _as_list(messages)
        ]
    return [str(v) for v in (value if isinstance(value, list) else [value])]


def handle_http_exception(error):
    headers = {}
    if error.code == 405 and getattr(error, "valid_methods", None):
        headers["Allow"] = ", ".join(sorted(error.valid_methods))
    if getattr(error, "retry_after", None):
        headers["Retry-After"] = str(error.retry_after)
    data = getattr(error, "data", None) or {}
    messages = data.get("messages")
    if error.code == 422 and messages:
        return problem(422, "Some fields are invalid.", errors=_flatten(messages))
    # A description given where the error was raised says more than the generic one.
    given = error.description != type(error).description
    detail = error.description if given else DETAILS.get(error.code) or error.description
    return problem(error.code or 500, detail, headers=headers)


def log_refusal(status, detail):
    """Failed logins (401) and refused roles (403), with who or where they came from and the
    request id, for whoever watches for abuse."""
    editor = g.get("editor")
    who = f"editor {editor.id} {editor.name!r}" if editor is not None else "anonymous"
    security_log.warning(
        "%s %s %s from %s (%s): %s",
        status,
        request.method,
        request.path,
        request.remote_addr,
        who,
        detail,
        extra={
            "request_id": g.get("request_id"),
            "status": status,
            "editor_id": editor.id if editor is not None else None,
            "address": request.remote_addr,
        },
    )


def handle_domain_error(error):
    status = next(s for kind, s in STATUS_OF.items() if isinstance(error, kind))
    if status in (401, 403):
        log_refusal(status, error.detail)
    headers = {}
    if status == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="claims"'
    if isinstance(error, errors.StaleVersion):
        headers["ETag"] = f'"{error.current_version}"'
    if isinstance(error, errors.Moved):
        # The same operation, on the resource that now answers for the moved one.
        ((name, _),) = (item for item in request.view_args.items() if item[0].endswith("_id"))
        headers["Location"] = public_url(
            url_for(request.endpoint, **{**request.view_args, name: error.target_id})
        )
    return problem(status, error.detail, errors=getattr(error, "errors", None), headers=headers)


def handle_unexpected(error):
    if isinstance(error, HTTPException):
        return handle_http_exception(error)
    if isinstance(error, DatabaseError) and (advice := _schema_advice()):
        # No table, or a missing column: retrying will not help, an operator must act.
        log.error("The database schema is not current: %s", advice)
        return problem(503, f"The service is not ready: {advice}.")
    if isinstance(error, (OperationalError, InterfaceError)):
        # The database went away or stayed locked: the request may succeed if sent again.
        log.warning("Database unavailable: %s", error)
        return problem(503, headers={"Retry-After": "1"})
    log.exception("Unhandled error")
    return problem(500)


def _schema_advice():
    """What to run when the schema is missing or behind; None if it is current or unknown."""
    try:
        if database.in_transaction():
            return None
        return schema_state().advice() or None
    except DatabaseError:
        return None


def register(app):
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(errors.DomainError, handle_domain_error)
    app.register_error_handler(Exception, handle_unexpected)
