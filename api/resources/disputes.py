from flask import g
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import RAISE

from api.auth import needs
from api.conditional import CREATED_HEADERS, ETAG_HEADER, expected_version
from api.docs import ACTION, CREATE, DELETE, LIST, READ, UPDATE, problems
from api.paging import LINK_HEADER, page_response
from api.resources import created, looked_up_first, tagged
from claims import disputes
from claims.enums import Role
from schemas.disputes import (
    ComparedClaimPage,
    Comparison,
    ComparisonArgs,
    DisputeCreate,
    DisputeOut,
    DisputePage,
    DisputeQuery,
    DisputeUpdate,
    PositionIn,
    SideArgs,
)

blp = Blueprint(
    "disputes",
    __name__,
    url_prefix="/api/v1/disputes",
    description="Disputed points and the claims that take a position on them.",
)
ID = "<id:dispute_id>"
CLAIM_ID = "<id:claim_id>"
PAGE_OF = tuple(sorted(set(LIST + READ)))  # a list of one dispute's: 404 and 422 both


@blp.route("")
class Disputes(MethodView):
    @blp.arguments(DisputeQuery, location="query", unknown=RAISE)
    @blp.response(200, DisputePage, headers=LINK_HEADER)
    @problems(blp, LIST)
    def get(self, args):
        """List disputes, newest first, by status, speaker taking part or words"""
        return page_response(disputes.list_disputes(**args))

    @needs(blp, Role.EDITOR)
    @blp.arguments(DisputeCreate)
    @blp.response(201, DisputeOut, headers=CREATED_HEADERS)
    @problems(blp, CREATE)
    def post(self, fields):
        """Open a dispute (editor)"""
        dispute = disputes.open_dispute(editor=g.editor, **fields)
        return created(dispute, "disputes.Dispute", dispute_id=dispute.id)


@blp.route(f"/{ID}")
class Dispute(MethodView):
    @blp.response(200, DisputeOut, headers=ETAG_HEADER)
    @problems(blp, READ)
    def get(self, dispute_id):
        """Read a dispute with its positions"""
        return tagged(disputes.get_dispute(dispute_id))

    @needs(blp, Role.EDITOR, if_match=True)
    @blp.arguments(DisputeUpdate)
    @blp.response(200, DisputeOut, headers=ETAG_HEADER)
    @problems(blp, UPDATE)
    def patch(self, fields, dispute_id):
        """Change a dispute's question, description or status (editor)"""
        return tagged(
            disputes.update_dispute(
                dispute_id, editor=g.editor, version=expected_version(), **fields
            )
        )

    @needs(blp, Role.EDITOR, if_match=True)
    @blp.response(204)
    @problems(blp, DELETE)
    def delete(self, dispute_id):
        """Delete a dispute (editor)"""
        disputes.delete_dispute(dispute_id, editor=g.editor, version=expected_version())


@blp.route(f"/{ID}/restore")
class DisputeRestore(MethodView):
    @needs(blp, Role.ADMIN)
    @blp.response(200, DisputeOut, headers=ETAG_HEADER)
    @problems(blp, ACTION)
    def post(self, dispute_id):
        """Restore a deleted dispute (admin)"""
        return tagged(disputes.restore_dispute(dispute_id, editor=g.editor))


@blp.route(f"/{ID}/positions/{CLAIM_ID}")
class DisputePosition(MethodView):
    @needs(blp, Role.EDITOR, if_match=True)
    @blp.arguments(PositionIn)
    @blp.response(200, DisputeOut, headers=ETAG_HEADER)
    @problems(blp, UPDATE)
    def put(self, fields, dispute_id, claim_id):
        """Set a claim's position on the dispute (editor); If-Match is the dispute's ETag"""
        return tagged(
            disputes.take_position(
                dispute_id, claim_id, editor=g.editor, version=expected_version(), **fields
            )
        )

    @needs(blp, Role.EDITOR, if_match=True)
    @blp.response(200, DisputeOut, headers=ETAG_HEADER)
    @problems(blp, DELETE)
    def delete(self, dispute_id, claim_id):
        """Remove a claim's position from the dispute (editor); answers with the dispute"""
        return tagged(
            disputes.drop_position(
                dispute_id, claim_id, editor=g.editor, version=expected_version()
            )
        )


@blp.route(f"/{ID}/comparison")
class DisputeComparison(MethodView):
    @blp.arguments(ComparisonArgs, location="query", unknown=RAISE)
    @blp.response(200, Comparison)
    @problems(blp, PAGE_OF)
    def get(self, args, dispute_id):
        """Compare the sides of a dispute: who stands where, on what evidence"""
        return disputes.compare(dispute_id, viewer=g.editor, **args)


@blp.route(f"/{ID}/comparison/claims")
class DisputeComparisonSide(MethodView):
    @looked_up_first(disputes.get_dispute, "dispute_id")
    @blp.arguments(SideArgs, location="query", unknown=RAISE)
    @blp.response(200, ComparedClaimPage, headers=LINK_HEADER)
    @problems(blp, PAGE_OF)
    def get(self, args, dispute_id):
        """Go on with one side of a comparison, from its next_cursor"""
        return page_response(disputes.compare_side(dispute_id, viewer=g.editor, **args))
