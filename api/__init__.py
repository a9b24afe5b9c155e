"""The HTTP edge: ``create_app()`` builds everything stateful, nothing happens at import.

One process serves one database: ``create_app`` binds the domain's database proxy to the
configured URL. Tables are made by ``claims init-db``, never here.
"""

import logging

from flask import Flask, request
from peewee import DatabaseError
from werkzeug.exceptions import UnsupportedMediaType

from api import auth, errors, logs, metrics
from api.bulk import NDJSON
from api.config import load_config
from api.docs import DOCS_ASSETS_PATH, make_api
from api.resources import (
    annotations,
    bulk,
    claims,
    disputes,
    editors,
    history,
    relations,
    service,
    sources,
    speakers,
)
from claims.db import database, first_line, open_database
from claims.errors import Unavailable

BODY_METHODS = {"POST", "PUT", "PATCH"}
HEALTH_ENDPOINT = "service.Health"

log = logging.getLogger(__name__)
NDJSON_PATHS = {"/api/v1/import"}


def create_app(config=None):
    settings = load_config(config)
    app = Flask(__name__)
    app.config.update(
        DATABASE_URL=settings["DATABASE_URL"],
        PUBLIC_READ=settings["PUBLIC_READ"],
        PUBLISHER_NAME=settings["PUBLISHER_NAME"],
        PUBLISHER_URL=settings["PUBLISHER_URL"],
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
    open_database(settings["DATABASE_URL"])

    logs.configure_logging()
    logs.register(app)  # first: every answer, refusals included, gets its id and its line
    metrics.register(app)
    app.before_request(_connect)
    app.before_request(auth.identify)
    app.before_request(_require_json_body)
    app.teardown_appcontext(_close)

    api = make_api(app)
    for module in (service, sources, speakers, claims, relations, disputes, annotations,
                   history, editors, bulk):
        api.register_blueprint(module.blp)
    errors.register(app)
    return app


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
    has_body = request.content_length or request.headers.get("Transfer-Encoding")
    if request.method not in BODY_METHODS or not has_body:
        return
    if request.path in NDJSON_PATHS:
        if request.mimetype != NDJSON:
            raise UnsupportedMediaType(f"Send the body as {NDJSON}, one JSON object a line.")
    elif not request.is_json:
        raise UnsupportedMediaType("Send the body as application/json.")
