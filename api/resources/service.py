from flask import g
from flask.views import MethodView
from flask_smorest import Blueprint, abort
from peewee import DatabaseError

from api.auth import needs
from api.docs import problems
from claims.db import ping
from claims.enums import Role
from schemas.editors import Health as HealthOut
from schemas.editors import Me

blp = Blueprint("service", __name__, description="The service itself and who is asking.")


@blp.route("/healthz")
class Health(MethodView):
    @blp.response(200, HealthOut)
    @problems(blp, (401, 500, 503))
    def get(self):
        """Answer 200 when the database answers, 503 when it does not"""
        try:
            ping()
        except DatabaseError:
            abort(503, message="The database does not answer.")
        return {"status": "ok"}


@blp.route("/api/v1/me")
class WhoAmI(MethodView):
    @needs(blp, Role.READER)
    @blp.response(200, Me)
    @problems(blp, (401, 500, 503))
    def get(self):
        """Tell the editor and role of the token"""
        return g.editor
