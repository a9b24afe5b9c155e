"""The OpenAPI side of the edge: the Api class, and the errors each kind of operation can give.

Every error response is documented as ``application/problem+json`` with the ``Problem``
schema, by reference to one component per status.

The reference for people (``/api/v1/docs``) is Swagger UI from the files installed with the
pinned ``flask-swagger-ui`` package, served under ``/api/v1/docs/assets/``: the page loads
nothing from elsewhere, so it works with no internet access.
"""

from http import HTTPStatus
from pathlib import Path

import flask_swagger_ui
from apispec.ext.marshmallow import MarshmallowPlugin
from flask import send_from_directory
from flask_smorest import Api as SmorestApi
from flask_smorest.utils import prepare_response

from api.errors import PROBLEM_TYPE
from schemas.common import Problem

LIST = (401, 422, 500, 503)
READ = (401, 404, 500, 503)
CREATE = (400, 401, 403, 409, 413, 415, 422, 500, 503)
UPDATE = (400, 401, 403, 404, 409, 412, 413, 415, 422, 428, 500, 503)
DELETE = (401, 403, 404, 409, 412, 428, 500, 503)
ACTION = (400, 401, 403, 404, 409, 413, 415, 422, 500, 503)


class Api(SmorestApi):
    ERROR_SCHEMA = Problem
    DEFAULT_ERROR_RESPONSE_NAME = None

    def _register_error_handlers(self):
        """Errors are handled by api.errors, in one shape for the whole application."""

    def _register_responses(self):
        for status in HTTPStatus:
            if status < 300 or status == 304:
                continue
            response = {"description": status.phrase, "schema": self.ERROR_SCHEMA}
            prepare_response(response, self.spec, PROBLEM_TYPE)
            self.spec.components.response(status.name, response, lazy=True)


DOCS_ASSETS_PATH = "/api/v1/docs/assets/"
DOCS_ASSETS_ENDPOINT = "docs_assets"
DOCS_ASSETS = Path(flask_swagger_ui.__file__).with_name("dist")


def _docs_asset(filename):
    return send_from_directory(DOCS_ASSETS, filename, max_age=86400)


def make_api(app):
    app.add_url_rule(DOCS_ASSETS_PATH + "<path:filename>", DOCS_ASSETS_ENDPOINT, _docs_asset)
    api = Api(app, spec_kwargs={"marshmallow_plugin": MarshmallowPlugin()})
    api.spec.components.security_scheme(
        "bearer",
        {"type": "http", "scheme": "bearer",
         "description": "A token from `claims editors create` or POST /api/v1/editors."},
    )
    return api


def problems(blp, codes):
    """Document the problem responses ``codes`` on an operation."""

    def decorate(view):
        for code in codes:
            view = blp.alt_response(code, response=HTTPStatus(code).name)(view)
        return view

    return decorate
