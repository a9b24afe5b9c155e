from flask import current_app, g, jsonify
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import RAISE

from api.auth import needs
from api.conditional import CREATED_HEADERS, ETAG_HEADER, expected_version
from api.docs import ACTION, CREATE, DELETE, LIST, READ, UPDATE, problems
from api.paging import LINK_HEADER, page_response
from api.resources import created, tagged
from claims import claimreview, claims, contradictions, suggestions
from claims.enums import Role
from schemas.claims import (
    ClaimCreate,
    ClaimDetail,
    ClaimOut,
    ClaimPage,
    ClaimQuery,
    ClaimUpdate,
    ContradictionPage,
    SuggestionPage,
)
from schemas.common import PageArgs
from schemas.records import ClaimReview

blp = Blueprint(
    "claims",
    __name__,
    url_prefix="/api/v1/claims",
    description="Attributed statements, anchored and checked in their sources.",
)
ID = "<id:claim_id>"
JSON_LD = "application/ld+json"


@blp.route("")
class Claims(MethodView):
    @blp.arguments(ClaimQuery, location="query", unknown=RAISE)
    @blp.response(200, ClaimPage, headers=LINK_HEADER)
    @problems(blp, LIST)
    def get(self, args):
        """List claims: newest first, or by relevance with q"""
        return page_response(claims.list_claims(viewer=g.editor, **args))

    @needs(blp, Role.EDITOR)
    @blp.arguments(ClaimCreate)
    @blp.response(201, ClaimOut, headers=CREATED_HEADERS)
    @problems(blp, CREATE)
    def post(self, fields):
        """Record a claim (editor); the server anchors it and checks the quote"""
        claim = claims.record_claim(editor=g.editor, **fields)
        return created(claim, "claims.Claim", claim_id=claim.id)


@blp.route(f"/{ID}")
class Claim(MethodView):
    @blp.response(200, ClaimDetail, headers=ETAG_HEADER)
    @problems(blp, READ)
    def get(self, claim_id):
        """Read a claim, with the claims that contradict it and its relations"""
        return tagged(contradictions.claim_detail(claim_id, viewer=g.editor))

    @needs(blp, Role.EDITOR, if_match=True)
    @blp.arguments(ClaimUpdate)
    @blp.response(200, ClaimOut, headers=ETAG_HEADER)
    @problems(blp, UPDATE)
    def patch(self, fields, claim_id):
        """Change a claim (editor); a new text, kind, source or anchor is checked again"""
        return tagged(
            claims.update_claim(claim_id, editor=g.editor, version=expected_version(), **fields)
        )

    @needs(blp, Role.EDITOR, if_match=True)
    @blp.response(204)
    @problems(blp, DELETE)
    def delete(self, claim_id):
        """Delete a claim (editor)"""
        claims.delete_claim(claim_id, editor=g.editor, version=expected_version())


@blp.route(f"/{ID}/restore")
class ClaimRestore(MethodView):
    @needs(blp, Role.ADMIN)
    @blp.response(200, ClaimOut, headers=ETAG_HEADER)
    @problems(blp, ACTION)
    def post(self, claim_id):
        """Restore a deleted claim (admin), while its source and speaker are live"""
        return tagged(claims.restore_claim(claim_id, editor=g.editor))


@blp.route(f"/{ID}/contradictions")
class ClaimContradictions(MethodView):
    @blp.arguments(PageArgs, location="query", unknown=RAISE)
    @blp.response(200, ContradictionPage, headers=LINK_HEADER)
    @problems(blp, (422, *READ))
    def get(self, args, claim_id):
        """List every claim that contradicts this one, and why (via)"""
        return page_response(contradictions.list_contradictions(claim_id, **args))


@blp.route(f"/{ID}/suggestions")
class ClaimSuggestions(MethodView):
    @blp.arguments(PageArgs, location="query", unknown=RAISE)
    @blp.response(200, SuggestionPage, headers=LINK_HEADER)
    @problems(blp, (422, *READ))
    def get(self, args, claim_id):
        """Suggest claims that may repeat, support or contradict this one, with the reasons"""
        return page_response(suggestions.suggestions_for(claim_id, **args))


@blp.route(f"/{ID}/claimreview")
class ClaimReviewExport(MethodView):
    @blp.response(200, ClaimReview, content_type=JSON_LD)
    @problems(blp, (409, *READ))
    def get(self, claim_id):
        """Export the latest public verdict as schema.org ClaimReview (JSON-LD)"""
        review = claimreview.claim_review(
            claim_id,
            publisher_name=current_app.config["PUBLISHER_NAME"],
            publisher_url=current_app.config["PUBLISHER_URL"],
        )
        response = jsonify(ClaimReview().dump(review))
        response.mimetype = JSON_LD
        return response
