"""Relations: typed, directed links between two claims.

Rules (each a ``Conflict`` when broken):

- A claim cannot relate to itself.
- A second identical live relation is refused. ``contradicts`` and ``repeats`` are
  symmetric: B→A is the same relation as A→B.
- A claim cannot both support and contradict the same claim: a ``supports`` between two
  claims (either way) excludes a ``contradicts`` between them, and the reverse.

Both claims must be live (else an invalid field). Only the rationale of a relation can
change; to change its type or ends, delete it and relate the claims again.
"""

from collections.abc import Collection

from peewee import IntegrityError, ModelSelect

from claims import pages, versioning
from claims.db import database, write
from claims.editors import require
from claims.enums import RelationType, Resource, Role
from claims.errors import Conflict, NotFound
from claims.models import Claim, Editor, Relation
from claims.prepared import prepared

RESOURCE = Resource.RELATION.value
EXCLUSIVE = {
    RelationType.SUPPORTS: RelationType.CONTRADICTS,
    RelationType.CONTRADICTS: RelationType.SUPPORTS,
}


def pair_key(relation_type: str, from_id: int, to_id: int) -> str:
    relation_type = RelationType(relation_type)
    if relation_type.symmetric:
        from_id, to_id = sorted((from_id, to_id))
    return f"{relation_type.value}:{from_id}:{to_id}"


def _live_with_key(*keys):
    return Relation.live().where(Relation.pair_key.in_(keys)).first()


def _check_rules(relation_type, from_claim_id, to_claim_id):
    """Enforce the module's rules for a new live relation; return its pair key."""
    if from_claim_id == to_claim_id:
        raise Conflict("A claim cannot relate to itself.")
    versioning.get_referenced(Claim, from_claim_id, "from_claim_id")
    versioning.get_referenced(Claim, to_claim_id, "to_claim_id")
    key = pair_key(relation_type, from_claim_id, to_claim_id)
    same = _live_with_key(key)
    if same is not None:
        raise Conflict(f"The relation {same.id} links these claims this way already.")
    excluded = EXCLUSIVE.get(relation_type)
    if excluded is not None:
        clash = _live_with_key(
            pair_key(excluded, from_claim_id, to_claim_id),
            pair_key(excluded, to_claim_id, from_claim_id),
        )
        if clash is not None:
            raise Conflict(
                f"The relation {clash.id} says one of these claims {excluded.value} the "
                "other; a claim cannot both support and contradict the same claim."
            )
    return key


def relate(
    *,
    editor: Editor,
    from_claim_id: int,
    to_claim_id: int,
    type: str,
    rationale: str | None = None,
) -> Relation:
    """Link two claims; return the new relation."""
    require(editor, Role.EDITOR)
    relation_type = RelationType(type)
    with write():
        key = _check_rules(relation_type, from_claim_id, to_claim_id)
        fields = {
            "from_claim_id": from_claim_id,
            "to_claim_id": to_claim_id,
            "type": relation_type.value,
            "rationale": rationale,
            "pair_key": key,
        }
        try:
            with database.atomic():
                return versioning.create(Relation, fields, resource=RESOURCE, editor=editor)
        except IntegrityError:
            raise Conflict("An identical relation was just recorded.") from None


def get_relation(relation_id: int) -> Relation:
    """A live relation between live claims (a relation of a deleted claim is hidden, to
    reads and to changes alike)."""
    relation = _between_live_claims(Relation.live()).where(Relation.id == relation_id).first()
    if relation is None:
        raise NotFound(f"There is no relation with id {relation_id}.")
    return relation


def list_relations(
    *,
    limit: int,
    cursor: str | None = None,
    claim_id: int | None = None,
    type: str | None = None,
) -> pages.Page:
    """Live relations between live claims, newest first."""
    query = Relation.live()
    if claim_id is not None:
        query = query.where((Relation.from_claim == claim_id) | (Relation.to_claim == claim_id))
    if type is not None:
        query = query.where(Relation.type == type)
    return pages.by_id(_between_live_claims(query), Relation, limit=limit, cursor=cursor)


def _between_live_claims(query):
    From, To = Claim.alias(), Claim.alias()
    return (
        query.join_from(Relation, From, on=(Relation.from_claim == From.id))
        .join_from(Relation, To, on=(Relation.to_claim == To.id))
        .where(From.deleted_at.is_null(), To.deleted_at.is_null())
    )


def relations_among(claim_ids: "Collection[int] | ModelSelect[Claim]") -> list[Relation]:
    """Every live relation with both ends in ``claim_ids`` (ids or a subquery), in one
    query."""
    return list(
        Relation.live()
        .where(Relation.from_claim.in_(claim_ids), Relation.to_claim.in_(claim_ids))
        .order_by(Relation.id)
    )


@prepared
def newest_relations_of(claim_id: int, limit: int) -> "ModelSelect[Relation]":
    """The ``limit`` newest live relations of a claim with other live claims: the first page
    of ``list_relations(claim_id=...)``, its SQL compiled once (claim detail embeds it)."""
    query = Relation.live().where(
        (Relation.from_claim == claim_id) | (Relation.to_claim == claim_id)
    )
    return _between_live_claims(query).order_by(Relation.id.desc()).limit(limit)


def update_relation(
    relation_id: int,
    *,
    editor: Editor,
    version: int | Collection[int] | None,
    rationale: str | None,
) -> Relation:
    require(editor, Role.EDITOR)
    with write():
        relation = get_relation(relation_id)
        versioning.save(
            relation, version, {"rationale": rationale}, resource=RESOURCE, editor=editor
        )
        return relation


def delete_relation(
    relation_id: int, *, editor: Editor, version: int | Collection[int] | None
) -> None:
    require(editor, Role.EDITOR)
    with write():
        relation = get_relation(relation_id)
        versioning.soft_delete(relation, version, resource=RESOURCE, editor=editor)


def restore_relation(relation_id: int, *, editor: Editor) -> Relation:
    require(editor, Role.ADMIN)
    with write():
        relation = versioning.get_deleted(Relation, relation_id)
        for claim_id in (relation.from_claim_id, relation.to_claim_id):
            versioning.require_live(Claim, claim_id, "relation's claim")
        _check_rules(RelationType(relation.type), relation.from_claim_id, relation.to_claim_id)
        versioning.restore(relation, resource=RESOURCE, editor=editor)
        return relation
