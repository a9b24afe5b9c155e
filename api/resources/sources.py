from flask import g, jsonify, request
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import RAISE

from api.auth import needs
from api.conditional import CREATED_HEADERS, ETAG_HEADER, expected_version
from api.docs import ACTION, CREATE, DELETE, LIST, READ, UPDATE, problems
from api.paging import LINK_HEADER, page_response
from api.resources import created, tagged
from claims import sources, web_annotations
from claims.enums import Role
from schemas.sources import SourceCreate, SourceOut, SourcePage, SourceQuery, SourceUpdate
from schemas.web_annotations import WebAnnotationCollection

blp = Blueprint(
    "sources",
    __name__,
    url_prefix="/api/v1/sources",
    description="Where claims appeared: articles, transcripts, posts.",
)
ID = "<id:source_id>"
JSON_LD = "application/ld+json"


@blp.route("")
class Sources(MethodView):
    @blp.arguments(SourceQuery, location="query", unknown=RAISE)
    @blp.response(200, SourcePage, headers=LINK_HEADER)
    @problems(blp, LIST)
    def get(self, args):
        """List sources, newest first (without their text)"""
        return page_response(sources.list_sources(**args))

    @needs(blp, Role.EDITOR)
    @blp.arguments(SourceCreate)
    @blp.response(201, SourceOut, headers=CREATED_HEADERS)
    @problems(blp, CREATE)
    def post(self, fields):
        """Create a source (editor)"""
        source = sources.create_source(editor=g.editor, **fields)
        return created(source, "sources.Source", source_id=source.id)


@blp.route(f"/{ID}")
class Source(MethodView):
    @blp.response(200, SourceOut, headers=ETAG_HEADER)
    @problems(blp, READ)
    def get(self, source_id):
        """Read a source, with its text"""
        return tagged(sources.get_source(source_id))

    @needs(blp, Role.EDITOR, if_match=True)
    @blp.arguments(SourceUpdate)
    @blp.response(200, SourceOut, headers=ETAG_HEADER)
    @problems(blp, UPDATE)
    def patch(self, fields, source_id):
        """Change a source (editor); a new text re-anchors its claims"""
        return tagged(
            sources.update_source(source_id, editor=g.editor, version=expected_version(), **fields)
        )

    @needs(blp, Role.ADMIN, if_match=True)
    @blp.response(204)
    @problems(blp, DELETE)
    def delete(self, source_id):
        """Delete a source and its claims (admin)"""
        sources.delete_source(source_id, editor=g.editor, version=expected_version())


@blp.route(f"/{ID}/restore")
class SourceRestore(MethodView):
    @needs(blp, Role.ADMIN)
    @blp.response(200, SourceOut, headers=ETAG_HEADER)
    @problems(blp, ACTION)
    def post(self, source_id):
        """Restore a deleted source and the claims deleted with it (admin)"""
        return tagged(sources.restore_source(source_id, editor=g.editor))


@blp.route(f"/{ID}/annotations.jsonld")
class SourceWebAnnotations(MethodView):
    @blp.response(200, WebAnnotationCollection, content_type=JSON_LD)
    @problems(blp, READ)
    def get(self, source_id):
        """Export the source's claims as a W3C Web Annotation AnnotationCollection (JSON-LD)"""
        collection = web_annotations.annotation_collection(source_id, base_url=request.host_url)
        response = jsonify(WebAnnotationCollection().dump(collection))
        response.mimetype = JSON_LD
        return response
