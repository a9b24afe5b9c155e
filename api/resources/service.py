"""The service itself: an index at ``/``, the health check, and who a token belongs to."""

import logging

from flask import g
from flask.views import MethodView
from flask_smorest import Blueprint
from peewee import DatabaseError

from api.auth import needs
from api.config import SERVICE_VERSION
from api.docs import problems
from api.errors import problem
from claims.db import first_line, ping
from claims.enums import Role
from claims.migrations import schema_state
from schemas.editors import Health as HealthOut
from schemas.editors import Index as IndexOut
from schemas.editors import Me

log = logging.getLogger(__name__)

INDEX_LINKS = {
    "docs": "/api/v1/docs",
    "openapi": "/api/v1/openapi.json",
    "health": "/healthz",
}

blp = Blueprint("service", __name__, description="The service itself and who is asking.")


@blp.route("/")
class Index(MethodView):
    @blp.response(200, IndexOut)
    @problems(blp, (401, 429, 500))
    def get(self):
        """Point to the API, its documentation and spec, and the health check"""
        return {"service": "claims", "version": SERVICE_VERSION, "links": INDEX_LINKS}


@blp.route("/healthz")
class Health(MethodView):
    @blp.response(200, HealthOut)
    @problems(blp, (401, 500, 503))
    def get(self):
        """Answer 200 when the database answers with the current schema, else 503 saying why

        Both answers carry the service's ``version`` and the database's ``schema_version``
        (null when the database does not answer).
        """
        versions = {"version": SERVICE_VERSION, "schema_version": None}
        try:
            ping()
            state = schema_state()
        except DatabaseError as error:
            log.warning("Health check: the database does not answer: %s", first_line(error))
            return problem(
                503,
                "The database does not answer.",
                extensions=versions,
                headers={"Retry-After": "5"},
            )
        versions["schema_version"] = state.version
        if not state.current:
            return problem(503, f"The service is not ready: {state.advice()}.", extensions=versions)
        return {"status": "ok", **versions}


@blp.route("/api/v1/me")
class WhoAmI(MethodView):
    @needs(blp, Role.READER)
    @blp.response(200, Me)
    @problems(blp, (401, 429, 500, 503))
    def get(self):
        """Tell the editor and role of the token"""
        return g.editor
