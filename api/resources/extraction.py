from flask import g
from flask.views import MethodView
from flask_smorest import Blueprint

from api.auth import needs, reads
from api.docs import ACTION, problems
from api.resources import looked_up_first
from claims import candidates, sources
from claims.enums import Role
from schemas.extraction import Accepted, AcceptedClaims, CandidateList

blp = Blueprint(
    "extraction",
    __name__,
    url_prefix="/api/v1/sources",
    description="The attributed statements found in a source's text, for an editor to accept.",
)
ID = "<id:source_id>"


@blp.route(f"/{ID}/extraction")
class SourceExtraction(MethodView):
    @reads(blp)
    @blp.response(200, CandidateList)
    @problems(blp, ACTION)
    def post(self, source_id):
        """Find the attributed statements in the source's text (stores nothing)"""
        return {"items": candidates.find_candidates(source_id)}


@blp.route(f"/{ID}/extraction/accept")
class SourceExtractionAccept(MethodView):
    @needs(blp, Role.EDITOR)
    @looked_up_first(sources.get_source, "source_id")
    @blp.arguments(Accepted)
    @blp.response(201, AcceptedClaims)
    @blp.alt_response(
        200, schema=AcceptedClaims, description="Nothing new: every candidate was recorded already."
    )
    @problems(blp, ACTION)
    def post(self, body, source_id):
        """Record accepted candidates as claims, in one step (editor); 200 when all were
        recorded already"""
        created, skipped = candidates.accept_candidates(source_id, body["items"], editor=g.editor)
        return {"items": created, "skipped": skipped}, 201 if created else 200
