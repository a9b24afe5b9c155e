from flask import g
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import RAISE

from api.auth import needs
from api.conditional import CREATED_HEADERS, ETAG_HEADER, expected_version
from api.docs import ACTION, CREATE, DELETE, LIST, READ, UPDATE, problems
from api.paging import LINK_HEADER, page_response
from api.resources import created, tagged
from claims import annotations
from claims.enums import Role
from schemas.annotations import (
    AnnotationCreate,
    AnnotationOut,
    AnnotationPage,
    AnnotationQuery,
    AnnotationUpdate,
)

blp = Blueprint(
    "annotations",
    __name__,
    url_prefix="/api/v1",
    description="Editors' notes, evidence and verdicts on claims.",
)
ID = "<id:annotation_id>"
CLAIM_ID = "<id:claim_id>"


@blp.route(f"/claims/{CLAIM_ID}/annotations")
class ClaimAnnotations(MethodView):
    @blp.arguments(AnnotationQuery, location="query", unknown=RAISE)
    @blp.response(200, AnnotationPage, headers=LINK_HEADER)
    @problems(blp, (404, *LIST))
    def get(self, args, claim_id):
        """List a claim's annotations, newest first (internal ones need a token)"""
        return page_response(annotations.list_annotations(claim_id, viewer=g.editor, **args))

    @needs(blp, Role.EDITOR)
    @blp.arguments(AnnotationCreate)
    @blp.response(201, AnnotationOut, headers=CREATED_HEADERS)
    @problems(blp, (404, *CREATE))
    def post(self, fields, claim_id):
        """Annotate a claim with a note, evidence or a verdict (editor)"""
        annotation = annotations.annotate(claim_id, editor=g.editor, **fields)
        return created(annotation, "annotations.Annotation", annotation_id=annotation.id)


@blp.route(f"/annotations/{ID}")
class Annotation(MethodView):
    @blp.response(200, AnnotationOut, headers=ETAG_HEADER)
    @problems(blp, READ)
    def get(self, annotation_id):
        """Read an annotation"""
        return tagged(annotations.get_annotation(annotation_id, viewer=g.editor))

    @needs(blp, Role.EDITOR, if_match=True)
    @blp.arguments(AnnotationUpdate)
    @blp.response(200, AnnotationOut, headers=ETAG_HEADER)
    @problems(blp, UPDATE)
    def patch(self, fields, annotation_id):
        """Change an annotation (its author or an admin); a verdict's change needs a rationale"""
        return tagged(
            annotations.update_annotation(
                annotation_id, editor=g.editor, version=expected_version(), **fields
            )
        )

    @needs(blp, Role.EDITOR, if_match=True)
    @blp.response(204)
    @problems(blp, DELETE)
    def delete(self, annotation_id):
        """Delete an annotation (its author or an admin)"""
        annotations.delete_annotation(annotation_id, editor=g.editor, version=expected_version())


@blp.route(f"/annotations/{ID}/restore")
class AnnotationRestore(MethodView):
    @needs(blp, Role.ADMIN)
    @blp.response(200, AnnotationOut, headers=ETAG_HEADER)
    @problems(blp, ACTION)
    def post(self, annotation_id):
        """Restore a deleted annotation (admin)"""
        return tagged(annotations.restore_annotation(annotation_id, editor=g.editor))
