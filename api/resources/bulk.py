from flask import Response, g, request, stream_with_context
from flask.views import MethodView
from flask_smorest import Blueprint

from api.auth import needs
from api.bulk import NDJSON, parse, to_ndjson
from api.docs import problems
from claims import bulk, exports
from claims.enums import Role
from schemas.imports import ImportReport

blp = Blueprint(
    "bulk",
    __name__,
    url_prefix="/api/v1",
    description="Bulk import and export as NDJSON, one resource per line.",
)
# One JSON object per line: described as the array of those objects.
NDJSON_BODY = {"content": {NDJSON: {"schema": {"type": "array", "items": {"type": "object"}}}}}


@blp.route("/import")
class Import(MethodView):
    @needs(blp, Role.EDITOR)
    @blp.doc(
        requestBody={
            **NDJSON_BODY,
            "required": True,
            "description": (
                'One JSON object per line: {"resource": "source"|"speaker"|"claim"|'
                '"relation"|"dispute", "key": optional client key, ...the create fields}; '
                "later lines may name earlier ones by key (speaker_key, source_key, "
                "from_claim_key, to_claim_key, a position's claim_key)."
            ),
        }
    )
    @blp.response(200, ImportReport)
    @problems(blp, (400, 401, 403, 415, 429, 500, 503))
    def post(self):
        """Import sources, speakers, claims, relations and disputes (editor), in batches"""
        request.max_content_length = None
        return bulk.import_lines(parse(request.stream), editor=g.editor).as_dict()


@blp.route("/export")
class Export(MethodView):
    @needs(blp, Role.EDITOR)
    @blp.doc(
        responses={"200": {"description": "Every live resource, one per line.", **NDJSON_BODY}}
    )
    @problems(blp, (401, 403, 429, 500, 503))
    def get(self):
        """Export every live resource as NDJSON lines that the import takes back (editor)"""
        return Response(stream_with_context(to_ndjson(exports.export_lines())), mimetype=NDJSON)
