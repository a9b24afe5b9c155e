from flask import g
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import RAISE

from api.auth import needs
from api.conditional import CREATED_HEADERS, ETAG_HEADER, expected_version
from api.docs import ACTION, CREATE, DELETE, LIST, READ, UPDATE, problems
from api.paging import LINK_HEADER, page_response
from api.resources import created, tagged
from claims import relations
from claims.enums import Role
from schemas.relations import (
    RelationCreate,
    RelationOut,
    RelationPage,
    RelationQuery,
    RelationUpdate,
)

blp = Blueprint(
    "relations",
    __name__,
    url_prefix="/api/v1/relations",
    description="Typed links between claims: contradicts, supports, qualifies, repeats.",
)
ID = "<id:relation_id>"


@blp.route("")
class Relations(MethodView):
    @blp.arguments(RelationQuery, location="query", unknown=RAISE)
    @blp.response(200, RelationPage, headers=LINK_HEADER)
    @problems(blp, LIST)
    def get(self, args):
        """List relations between live claims, newest first"""
        return page_response(relations.list_relations(**args))

    @needs(blp, Role.EDITOR)
    @blp.arguments(RelationCreate)
    @blp.response(201, RelationOut, headers=CREATED_HEADERS)
    @problems(blp, CREATE)
    def post(self, fields):
        """Relate two claims (editor); 409 for a self, duplicate or contradictory relation"""
        relation = relations.relate(editor=g.editor, **fields)
        return created(relation, "relations.Relation", relation_id=relation.id)


@blp.route(f"/{ID}")
class Relation(MethodView):
    @blp.response(200, RelationOut, headers=ETAG_HEADER)
    @problems(blp, READ)
    def get(self, relation_id):
        """Read a relation"""
        return tagged(relations.get_relation(relation_id))

    @needs(blp, Role.EDITOR, if_match=True)
    @blp.arguments(RelationUpdate)
    @blp.response(200, RelationOut, headers=ETAG_HEADER)
    @problems(blp, UPDATE)
    def patch(self, fields, relation_id):
        """Change a relation's rationale (editor)"""
        return tagged(
            relations.update_relation(
                relation_id, editor=g.editor, version=expected_version(), **fields
            )
        )

    @needs(blp, Role.EDITOR, if_match=True)
    @blp.response(204)
    @problems(blp, DELETE)
    def delete(self, relation_id):
        """Delete a relation (editor)"""
        relations.delete_relation(relation_id, editor=g.editor, version=expected_version())


@blp.route(f"/{ID}/restore")
class RelationRestore(MethodView):
    @needs(blp, Role.ADMIN)
    @blp.response(200, RelationOut, headers=ETAG_HEADER)
    @problems(blp, ACTION)
    def post(self, relation_id):
        """Restore a deleted relation (admin), if its rules still hold"""
        return tagged(relations.restore_relation(relation_id, editor=g.editor))
