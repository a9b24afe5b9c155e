"""Histories of every versioned resource, and the change feed."""

from flask import g
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import RAISE

from api.docs import LIST, problems
from api.paging import LINK_HEADER, page_response
from claims import history
from schemas.common import PageArgs
from schemas.history import ChangePage, ChangeQuery

blp = Blueprint(
    "history",
    __name__,
    url_prefix="/api/v1",
    description="Every version of every resource, and every change in commit order.",
)


def _history_of(resource):
    class History(MethodView):
        @blp.arguments(PageArgs, location="query", unknown=RAISE)
        @blp.response(200, ChangePage, headers=LINK_HEADER)
        @problems(blp, (404, *LIST))
        def get(self, args, **ids):
            (resource_id,) = ids.values()
            return page_response(history.history(resource, resource_id, viewer=g.editor, **args))

    History.get.__doc__ = f"List every version of a {resource}, newest first, deleted ones too"
    History.__name__ = f"{resource.title()}History"
    # The path names its id as every other route of the resource does (``claim_id``...).
    rule = f"/{resource}s/<id:{resource}_id>/history"
    blp.route(rule, endpoint=f"{resource}_history")(History)


for _resource in history.MODEL_OF:
    _history_of(_resource)


@blp.route("/changes")
class Changes(MethodView):
    @blp.arguments(ChangeQuery, location="query", unknown=RAISE)
    @blp.response(200, ChangePage, headers=LINK_HEADER)
    @problems(blp, LIST)
    def get(self, args):
        """Follow every change in commit order: ask again with since=<last seq seen>"""
        return page_response(history.changes(viewer=g.editor, **args))
