"""The app: ``create_app()`` builds everything stateful, nothing happens at import.

One process serves one database: ``create_app`` binds the domain's database proxy to the
configured URL. Tables are made by ``claims init-db``, never here.
"""

import logging
from inspect import CO_ASYNC_GENERATOR, CO_COROUTINE

from flask import Flask, current_app, request
from peewee import DatabaseError
from werkzeug.exceptions import UnsupportedMediaType
from werkzeug.middleware.proxy_fix import ProxyFix

from api import auth, bodies, converters, errors, headers, logs, metrics, rate_limits
from api.bulk import NDJSON
from api.config import load_config
from api.docs import DOCS_ASSETS_PATH, make_api
from api.encoding import OrjsonProvider
from api.resources import (
    annotations,
    bulk,
    claims,
    disputes,
    editors,
    extraction,
    history,
    relations,
    service,
    sources,
    speakers,
)
from claims import deadlines
from claims.db import database, first_line, open_database
from claims.errors import Unavailable

BODY_METHODS = {"POST", "PUT", "PATCH"}
HEALTH_ENDPOINT = "service.Health"

log = logging.getLogger(__name__)
NDJSON_PATHS = {"/api/v1/import"}


class App(Flask):
    def ensure_sync(self, func):
        """``func`` as it is when it is a plain function or method, not a coroutine function.

        Flask asks this of every hook, view and teardown of every request (twenty a request)
        through ``inspect.iscoroutinefunction``, which unwraps and checks far more than a
        code object's flags; this service has no coroutine functions, and anything that is
        not a plain function or method still goes through Flask's own test.
        """
        code = getattr(getattr(func, "__func__", func), "__code__", None)
        if code is not None and not code.co_flags & (CO_COROUTINE | CO_ASYNC_GENERATOR):
            return func
        return super().ensure_sync(func)


def create_app(config=None):
    settings = load_config(config)
    app = App(__name__)
    app.json = OrjsonProvider(app)
    app.config.update(
        DATABASE_URL=settings["DATABASE_URL"],
        PUBLIC_READ=settings["PUBLIC_READ"],
        PUBLISHER_NAME=settings["PUBLISHER_NAME"],
        PUBLISHER_URL=settings["PUBLISHER_URL"],
        PUBLIC_URL=settings["PUBLIC_URL"],
        TRUSTED_PROXIES=settings["TRUSTED_PROXIES"],
        MAX_CONTENT_LENGTH=settings["MAX_BODY_BYTES"],
        API_TITLE="claims",
        API_VERSION="1",
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/api/v1",
        OPENAPI_JSON_PATH="openapi.json",
        OPENAPI_SWAGGER_UI_PATH="docs",
        OPENAPI_SWAGGER_UI_URL=DOCS_ASSETS_PATH,
        API_SPEC_OPTIONS={
            "info": {"description": "Who said what, where, and who says otherwise."},
        },
    )
    app.json.sort_keys = False
    open_database(
        settings["DATABASE_URL"],
        statement_timeout_ms=settings["STATEMENT_TIMEOUT_MS"],
        lock_timeout_ms=settings["LOCK_TIMEOUT_MS"],
    )

    logs.configure_logging()
    logs.register(app)  # first: every answer, refusals included, gets its id and its line
    metrics.register(app)
    app.config["REQUEST_DEADLINE_MS"] = settings["REQUEST_DEADLINE_MS"]
    app.before_request(_start_deadline)
    app.teardown_request(_end_deadline)
    app.before_request(_connect)
    limits = rate_limits.install(app, settings)
    if limits is not None:
        app.before_request(limits.before_authentication)
    app.before_request(auth.identify)
    if limits is not None:
        app.before_request(limits.after_authentication)
    app.before_request(_require_json_body)
    app.after_request(headers.secure)
    app.teardown_appcontext(_close)

    api = make_api(app)
    converters.register(app, api)
    for module in (
        service,
        sources,
        extraction,
        speakers,
        claims,
        relations,
        disputes,
        annotations,
        history,
        editors,
        bulk,
    ):
        api.register_blueprint(module.blp)
    errors.register(app)
    app.wsgi_app = bodies.BoundedBody(app.wsgi_app, settings["MAX_BODY_BYTES"])
    if settings["TRUSTED_PROXIES"]:
        hops = settings["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(
            app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_port=hops, x_prefix=hops
        )
    return app


def _start_deadline():
    deadlines.start(current_app.config["REQUEST_DEADLINE_MS"] / 1000)


def _end_deadline(_exception):
    deadlines.clear()


def _connect():
    if request.endpoint == HEALTH_ENDPOINT:
        return  # the health check connects itself, to say what is wrong in its own answer
    try:
        database.connect(reuse_if_open=True)
    except DatabaseError as error:
        log.warning("The database does not answer: %s", first_line(error))
        raise Unavailable("The database does not answer; try again shortly.") from None


def _close(_exception):
    if not database.is_closed():
        database.close()


def _require_json_body():
    if request.routing_exception is not None:
        return
    # BoundedBody has read the whole body: its length is known, whatever its framing.
    if request.method not in BODY_METHODS or not request.content_length:
        return
    if request.path in NDJSON_PATHS:
        if request.mimetype != NDJSON:
            raise UnsupportedMediaType(f"Send the body as {NDJSON}, one JSON object a line.")
    elif not request.is_json:
        raise UnsupportedMediaType("Send the body as application/json.")
    else:
        bodies.check_json(request.get_data(cache=True))
