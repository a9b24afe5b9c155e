"""The OpenAPI side of the edge: the Api class, and the errors each kind of operation can give.

Every error response is documented as ``application/problem+json`` with the ``Problem``
schema, by reference to one component per status.

The reference for people (``/api/v1/docs``) is Swagger UI from the files installed with the
pinned ``flask-swagger-ui`` package, served under ``/api/v1/docs/assets/``: the page loads
nothing from elsewhere, so it works with no internet access.

Every schema component carries one ``example``: the ``Examples`` plugin takes it from the
table in schemas/examples.py, keyed by the marshmallow schema class (a page of a list has its
item's example). apispec runs the plugins' ``schema_helper`` in order, and flask-smorest
puts the marshmallow plugin before the extra plugins: the example joins a component whose
properties are already built. tests/api/test_openapi_spec.py checks that every component has
one, that each validates against its component, and that the server loads each example of a
request body.
"""

import inspect
import re
from http import HTTPStatus
from pathlib import Path

import flask_swagger_ui
from apispec import BasePlugin
from apispec.ext.marshmallow import MarshmallowPlugin, OpenAPIConverter
from flask import send_from_directory
from flask_smorest import Api as SmorestApi
from flask_smorest.utils import prepare_response

from api.errors import PROBLEM_TYPE
from schemas.common import Problem
from schemas.examples import example_of

# Every operation but the health check counts against a rate limit (429).
LIST = (401, 422, 429, 500, 503)
READ = (401, 404, 429, 500, 503)
CREATE = (400, 401, 403, 409, 413, 415, 422, 429, 500, 503)
UPDATE = (400, 401, 403, 404, 409, 412, 413, 415, 422, 428, 429, 500, 503)
DELETE = (401, 403, 404, 409, 412, 428, 429, 500, 503)
ACTION = (400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 503)


# The headers that error answers carry (api/errors.py, api/rate_limits.py), by status.
RETRY_AFTER = {
    "schema": {"type": "integer", "minimum": 1},
    "description": "Seconds to wait before trying again.",
}
ERROR_HEADERS = {
    308: {
        "Location": {
            "schema": {"type": "string"},
            "description": "The same operation on the resource that now answers for this one.",
        }
    },
    401: {
        "WWW-Authenticate": {
            "schema": {"type": "string"},
            "description": 'How to authenticate: `Bearer realm="claims"`.',
        }
    },
    405: {
        "Allow": {
            "schema": {"type": "string"},
            "description": "The methods this address accepts.",
        }
    },
    412: {
        "ETag": {
            "schema": {"type": "string"},
            "description": "The current version, quoted, when the If-Match was stale.",
        }
    },
    429: {"Retry-After": RETRY_AFTER},
    503: {
        "Retry-After": {
            **RETRY_AFTER,
            "description": "Seconds to wait, when trying again may help (absent when an "
            "operator must act first).",
        }
    },
}


class Converter(OpenAPIConverter):
    """Schemas as the spec writes them: described by their docstrings, and a nullable
    nested object as ``allOf: [$ref]`` with ``nullable: true``.

    apispec writes it as ``anyOf: [{$ref}, {type: object, nullable: true}]``: a client
    generated from that parses any object as the empty alternative and never as the
    referenced schema (openapi-python-client does), so a claim's verdict came back untyped.
    """

    def schema2jsonschema(self, schema):
        """A schema's own docstring (not an inherited one) is its description."""
        jsonschema = super().schema2jsonschema(schema)
        cls = schema if isinstance(schema, type) else type(schema)
        doc = cls.__dict__.get("__doc__")
        if doc and "description" not in jsonschema:
            jsonschema["description"] = inspect.cleandoc(doc)
        return jsonschema

    def field2nullable(self, field, ret):
        if field.allow_none and ("$ref" in ret or "allOf" in ret):
            refs = ret.pop("allOf", None) or [{"$ref": ret.pop("$ref")}]
            return {"allOf": refs, "nullable": True}
        return super().field2nullable(field, ret)


class Marshmallow(MarshmallowPlugin):
    Converter = Converter


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
            if status in ERROR_HEADERS:
                response["headers"] = ERROR_HEADERS[status]
            prepare_response(response, self.spec, PROBLEM_TYPE)
            self.spec.components.response(status.name, response, lazy=True)


DOCS_ASSETS_PATH = "/api/v1/docs/assets/"
DOCS_ASSETS_ENDPOINT = "docs_assets"
DOCS_ASSETS = Path(flask_swagger_ui.__file__).with_name("dist")


def _docs_asset(filename):
    return send_from_directory(DOCS_ASSETS, filename, max_age=86400)


def make_api(app):
    app.add_url_rule(DOCS_ASSETS_PATH + "<path:filename>", DOCS_ASSETS_ENDPOINT, _docs_asset)
    api = Api(
        app,
        spec_kwargs={
            "marshmallow_plugin": Marshmallow(),
            "extra_plugins": [OperationIds(), Examples()],
        },
    )
    api.spec.components.security_scheme(
        "bearer",
        {
            "type": "http",
            "scheme": "bearer",
            "description": "A token from `claims editors create` or POST /api/v1/editors.",
        },
    )
    return api


def problems(blp, codes):
    """Document the problem responses ``codes`` on an operation."""

    def decorate(view):
        for code in codes:
            view = blp.alt_response(code, response=HTTPStatus(code).name)(view)
        return view

    return decorate


# operationId of every operation, by endpoint and method: stable verb_noun names for
# generated clients. An operation not listed gets ``<verb>_<view name in snake case>``.
OPERATION_IDS = {
    "service.Index": {"get": "get_index"},
    "service.Health": {"get": "get_health"},
    "service.WhoAmI": {"get": "get_me"},
    "sources.Sources": {"get": "list_sources", "post": "create_source"},
    "sources.Source": {"get": "get_source", "patch": "update_source", "delete": "delete_source"},
    "sources.SourceRestore": {"post": "restore_source"},
    "extraction.SourceExtraction": {"post": "extract_source_statements"},
    "extraction.SourceExtractionAccept": {"post": "accept_source_statements"},
    "speakers.Speakers": {"get": "list_speakers", "post": "create_speaker"},
    "speakers.Speaker": {
        "get": "get_speaker",
        "patch": "update_speaker",
        "delete": "delete_speaker",
    },
    "speakers.SpeakerRestore": {"post": "restore_speaker"},
    "speakers.SpeakerMerge": {"post": "merge_speaker"},
    "speakers.SpeakerScorecard": {"get": "get_speaker_scorecard"},
    "claims.Claims": {"get": "list_claims", "post": "create_claim"},
    "claims.Claim": {"get": "get_claim", "patch": "update_claim", "delete": "delete_claim"},
    "claims.ClaimRestore": {"post": "restore_claim"},
    "claims.ClaimContradictions": {"get": "list_claim_contradictions"},
    "claims.ClaimReviewExport": {"get": "get_claim_review"},
    "relations.Relations": {"get": "list_relations", "post": "create_relation"},
    "relations.Relation": {
        "get": "get_relation",
        "patch": "update_relation",
        "delete": "delete_relation",
    },
    "relations.RelationRestore": {"post": "restore_relation"},
    "disputes.Disputes": {"get": "list_disputes", "post": "create_dispute"},
    "disputes.Dispute": {
        "get": "get_dispute",
        "patch": "update_dispute",
        "delete": "delete_dispute",
    },
    "disputes.DisputeRestore": {"post": "restore_dispute"},
    "disputes.DisputePosition": {
        "put": "set_dispute_position",
        "delete": "delete_dispute_position",
    },
    "disputes.DisputeComparison": {"get": "get_dispute_comparison"},
    "disputes.DisputeComparisonSide": {"get": "list_dispute_comparison_side"},
    "annotations.ClaimAnnotations": {
        "get": "list_claim_annotations",
        "post": "create_claim_annotation",
    },
    "annotations.Annotation": {
        "get": "get_annotation",
        "patch": "update_annotation",
        "delete": "delete_annotation",
    },
    "annotations.AnnotationRestore": {"post": "restore_annotation"},
    "history.source_history": {"get": "list_source_history"},
    "history.speaker_history": {"get": "list_speaker_history"},
    "history.claim_history": {"get": "list_claim_history"},
    "history.relation_history": {"get": "list_relation_history"},
    "history.dispute_history": {"get": "list_dispute_history"},
    "history.annotation_history": {"get": "list_annotation_history"},
    "history.Changes": {"get": "list_changes"},
    "editors.Editors": {"get": "list_editors", "post": "create_editor"},
    "editors.Editor": {"get": "get_editor", "patch": "update_editor"},
    "bulk.Import": {"post": "import_resources"},
    "bulk.Export": {"get": "export_resources"},
}
VERB_OF = {"get": "get", "post": "create", "put": "set", "patch": "update", "delete": "delete"}


def operation_id(endpoint: str, method: str) -> str:
    """The operationId of ``method`` on ``endpoint`` (see ``OPERATION_IDS``)."""
    named = OPERATION_IDS.get(endpoint, {}).get(method)
    if named:
        return named
    view = endpoint.rsplit(".", 1)[-1]
    return f"{VERB_OF.get(method, method)}_{re.sub(r'(?<!^)(?=[A-Z])', '_', view).lower()}"


class OperationIds(BasePlugin):
    """An apispec plugin giving every operation its operationId."""

    def operation_helper(self, path=None, operations=None, **kwargs):
        rule = kwargs.get("rule")
        if rule is None or not operations:
            return
        for method, operation in operations.items():
            operation.setdefault("operationId", operation_id(rule.endpoint, method))


class Examples(BasePlugin):
    """An apispec plugin giving every schema component its example (schemas/examples.py).

    ``schemas`` maps each component's name to its marshmallow schema class, for the tests.
    """

    def __init__(self):
        self.schemas = {}

    def schema_helper(self, name, definition, **kwargs):
        schema = kwargs.get("schema")
        if schema is None:
            return None
        cls = schema if isinstance(schema, type) else type(schema)
        self.schemas[name] = cls
        example = example_of(cls)
        return None if example is None else {"example": example}
