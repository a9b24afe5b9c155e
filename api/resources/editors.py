from flask import g
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import RAISE

from api.auth import needs
from api.conditional import CREATED_HEADERS, ETAG_HEADER, expected_version
from api.docs import ACTION, CREATE, LIST, READ, UPDATE, problems
from api.paging import LINK_HEADER, page_response
from api.resources import created, tagged
from claims import editors
from claims.enums import Role
from schemas.editors import (
    EditorCreate,
    EditorOut,
    EditorPage,
    EditorQuery,
    EditorUpdate,
    NewEditor,
    TokenReissue,
)

blp = Blueprint(
    "editors",
    __name__,
    url_prefix="/api/v1/editors",
    description="The people who use the API, and their roles (admins only).",
)
ID = "<id:editor_id>"


@blp.route("")
class Editors(MethodView):
    @needs(blp, Role.ADMIN)
    @blp.arguments(EditorQuery, location="query", unknown=RAISE)
    @blp.response(200, EditorPage, headers=LINK_HEADER)
    @problems(blp, (403, *LIST))
    def get(self, args):
        """List editors (admin)"""
        return page_response(editors.list_editors(by=g.editor, **args))

    @needs(blp, Role.ADMIN)
    @blp.arguments(EditorCreate)
    @blp.response(201, NewEditor, headers=CREATED_HEADERS)
    @problems(blp, CREATE)
    def post(self, fields):
        """Create an editor (admin); the answer carries its token, shown only this once"""
        editor, token = editors.create_editor(by=g.editor, **fields)
        editor.token = token
        return created(editor, "editors.Editor", editor_id=editor.id)


@blp.route(f"/{ID}")
class Editor(MethodView):
    @needs(blp, Role.ADMIN)
    @blp.response(200, EditorOut, headers=ETAG_HEADER)
    @problems(blp, (403, *READ))
    def get(self, editor_id):
        """Read an editor (admin)"""
        return tagged(editors.get_editor(editor_id, by=g.editor))

    @needs(blp, Role.ADMIN, if_match=True)
    @blp.arguments(EditorUpdate)
    @blp.response(200, EditorOut, headers=ETAG_HEADER)
    @problems(blp, UPDATE)
    def patch(self, fields, editor_id):
        """Change an editor's role, or deactivate it with active=false (admin)"""
        return tagged(
            editors.update_editor(editor_id, by=g.editor, version=expected_version(), **fields)
        )


@blp.route(f"/{ID}/token")
class EditorToken(MethodView):
    @needs(blp, Role.ADMIN)
    @blp.arguments(TokenReissue, required=False)
    @blp.response(200, NewEditor, headers=ETAG_HEADER)
    @problems(blp, ACTION)
    def post(self, fields, editor_id):
        """Reissue an editor's token (admin): the old one stops working at once; the answer
        carries the new one, shown only this once"""
        editor, token = editors.reissue_token(editor_id, by=g.editor, **fields)
        editor.token = token
        return tagged(editor)
