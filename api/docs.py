"""The OpenAPI side of the edge: the Api class, and the errors each kind of operation can give.

Every error response is documented as ``application/problem+json`` with the ``Problem``
schema, by reference to one component per status.
"""

from http import HTTPStatus

from apispec.ext.marshmallow import MarshmallowPlugin
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


def make_api(app):
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
