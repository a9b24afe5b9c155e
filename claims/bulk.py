"""Bulk import: many sources, speakers, claims, relations and disputes, committed in batches.

Rules:

- Every line obeys the rules of its single-item use case: live and unmerged speakers, live
  sources and claims, unique urls and Wikidata ids, spans within the source text, the quote
  check, anchoring and attribution of ``claims.claims`` (a speaker made earlier in the same
  batch is not yet known as another speaker an attribution names), the relation rules of
  ``claims.relations``.
  Each created resource gets its ``create`` entry in the history and change feed, written
  by the importing editor.
- A line may name a resource made by an earlier line of the same import by its ``key``
  (``speaker_key``, ``source_key``, ``from_claim_key``, ``to_claim_key``, a position's
  ``claim_key``) instead of its id. Keys are the client's strings, unique per resource kind.
- A line that breaks a rule is rejected with its number and the reason; the others go on.
  A line naming the key of a rejected line is rejected too.
- The quote check and the mention of each claim line (the slow, pure part of an import)
  are worked out before the batch's write transaction, from the source texts as they are
  then (in worker processes, while the batch before is written, when ``import_lines`` is
  given a pool's ``mapper``); under the write lock a line uses them only if its source
  text is still the same, and is checked again otherwise. The lock holds the batch's
  lookups, its few remaining queries (speakers an attribution names) and its writes.
- Lines are committed ``batch_size`` at a time, each batch in one write transaction: a
  batch is stored whole or not at all, never in part. ``Report.committed_through`` is the
  number of the last line of the last committed batch, where a stopped import resumes.
- On PostgreSQL an import that created ``ANALYZE_AFTER`` rows or more refreshes the
  statistics of the tables it fills (``ANALYZE``), so that reads are planned on their new
  sizes.
- Work per batch is a fixed number of queries whatever its size (ids reserved at once, one
  existence query per referenced kind, one ``INSERT`` per table), so an import costs its
  rows, not round trips. Memory holds one batch and the map of keys to ids.
"""

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from peewee import JSONField, chunked

from claims import relevance, versioning
from claims.anchoring import check_quote
from claims.attribution import speaker_of
from claims.attribution_check import UNKNOWN, Named
from claims.audience import entry_audience
from claims.claims import _clean_tags, fields_of
from claims.db import database, is_postgres, write
from claims.editors import require
from claims.enums import Action, RelationType, Resource, Role, Stance
from claims.errors import DomainError
from claims.models import (
    Change,
    Claim,
    ClaimTag,
    Dispute,
    Editor,
    Position,
    Relation,
    Source,
    Speaker,
    utcnow,
)
from claims.relations import EXCLUSIVE, pair_key
from claims.speakers import _search_names, _unique_aliases

BATCH_SIZE = 5000
# An import that creates this many rows or more refreshes PostgreSQL's statistics after.
ANALYZE_AFTER = 5000
MODELS = {
    Resource.SOURCE.value: Source,
    Resource.SPEAKER.value: Speaker,
    Resource.CLAIM.value: Claim,
    Resource.RELATION.value: Relation,
    Resource.DISPUTE.value: Dispute,
}
ORDER = (Source, Speaker, Claim, Relation, Dispute)


@dataclass
class Line:
    """One parsed line: its number, the kind of resource, the client's key and the fields.

    ``rejected`` holds the reason when the line could not even be parsed; the line is then
    reported as it is.
    """

    number: int
    resource: str | None = None
    key: str | None = None
    fields: dict = field(default_factory=dict)
    rejected: str | None = None


@dataclass
class Report:
    created: dict = field(default_factory=lambda: {name: 0 for name in MODELS})
    rejected: list = field(default_factory=list)
    lines: int = 0
    committed_through: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "lines": self.lines,
            "created": self.created,
            "rejected": [{"line": n, "reason": r} for n, r in self.rejected],
            "committed_through": self.committed_through,
        }


class Rejected(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def import_lines(
    lines: Iterable[Line],
    *,
    editor: Editor,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[Report], None] | None = None,
    mapper: Callable[..., Iterable[Any]] = map,
) -> Report:
    """Import the parsed ``lines`` (``Line`` objects, in order); return the ``Report``.

    ``progress(report)`` is called after each committed batch. ``mapper`` runs the claims'
    checks (``check_group`` over groups of claims of one source text): ``map`` in this
    process, or a process pool's, as ``claims import --jobs`` gives.
    """
    require(editor, Role.EDITOR)
    report, keys = Report(), {name: {} for name in MODELS}
    # The batch read before the current one, its checks under way: with a pool they are
    # worked out while the batch before them is written.
    waiting = None
    for batch in _batches(lines, batch_size):
        started = _start_checks(batch, keys, mapper)
        if waiting is not None:
            _commit(*waiting, editor, keys, report)
            if progress:
                progress(report)
        waiting = (batch, started)
    if waiting is not None:
        _commit(*waiting, editor, keys, report)
        if progress:
            progress(report)
    if is_postgres() and sum(report.created.values()) >= ANALYZE_AFTER:
        _analyse()
    return report


def _analyse():
    """Refresh PostgreSQL's statistics of the tables an import fills: planned on the sizes of
    the empty tables, the reads of a freshly loaded archive took a sequential scan of the
    disputes and a bitmap over every relation for each claim (1 ms instead of 0.06 ms at
    50,000 claims). Autovacuum would do it later, when it is on. SQLite's planner works
    from its own estimates here: the service's queries are planned without statistics."""
    tables = [model._meta.table_name for model in (*ORDER, ClaimTag, Position, Change)]
    database.execute_sql("ANALYZE " + ", ".join(f'"{name}"' for name in tables))


def _known_id(keys, resource, fields, name):
    """The id a line's ``<name>_id`` gives, or the one its ``<name>_key`` got in an earlier
    batch (None when neither says)."""
    ident = fields.get(name + "_id")
    if ident is None:
        ident = keys[resource].get(fields.get(name + "_key"))
    return ident


def _batches(lines, size):
    batch = []
    for line in lines:
        batch.append(line)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _commit(lines, started, editor, keys, report):
    checks = _finish_checks(started)
    with write():
        batch = _Batch(editor, keys, checks)
        rejected = batch.run(lines)
    report.lines += len(lines)
    report.rejected.extend(rejected)
    for model, rows in batch.rows.items():
        report.created[model._meta.table_name] += len(rows)
    keys_made = batch.keys_made
    for resource, made in keys_made.items():
        keys[resource].update(made)
    report.committed_through = lines[-1].number


def _start_checks(lines, keys, mapper=map):
    """Start working out the quote check and the mention (``speaker_of``) of each claim line
    whose source text can be read now (from the database, or from a source line of the same
    batch), by ``mapper`` over groups of one source text each: they are most of an import's
    time, and pure functions of the text and the line, so they run before the write lock
    (and in other processes when ``mapper`` is a pool's). ``_finish_checks`` collects them.
    Under the lock a line uses its check only when its source text is still the same; a
    line this cannot check (its source made by the batch before, say) is checked there."""
    source = Resource.SOURCE.value
    texts_by_key = {
        line.key: line.fields.get("text")
        for line in lines
        if line.resource == source and not line.rejected and line.key is not None
    }
    claims = [line for line in lines if line.resource == Resource.CLAIM.value and not line.rejected]
    source_ids = {line.number: _known_id(keys, source, line.fields, "source") for line in claims}
    texts_by_id = {}
    for chunk in chunked(sorted(set(source_ids.values()) - {None}), 1000):
        texts_by_id.update(Source.live(Source.id, Source.text).where(Source.id.in_(chunk)).tuples())
    groups, read = {}, {}
    for line in claims:
        fields = line.fields
        ident = source_ids[line.number]
        text = (
            texts_by_key.get(fields.get("source_key")) if ident is None else texts_by_id.get(ident)
        )
        anchor = fields.get("anchor")
        span = (anchor["start"], anchor["end"]) if anchor is not None else None
        if text is None or (span is not None and span[1] > len(text)):
            continue
        read[line.number] = (text, span)
        groups.setdefault(text, []).append((line.number, fields["text"], fields["kind"], span))
    return read, mapper(check_group, groups.items())


def _finish_checks(started):
    """``{line number: (source text, span, QuoteCheck, mention)}`` of ``_start_checks``."""
    read, results = started
    return {
        number: (*read[number], check, found) for group in results for number, check, found in group
    }


def check_group(group):
    """``[(line number, QuoteCheck, mention)]`` of a group ``(source text, [(line number,
    claim text, kind, span)])``: pure, so that it can run in another process. A line whose
    check raises is left out (it is checked again under the lock, and rejected there)."""
    text, items = group
    results = []
    for number, claim_text, kind, span in items:
        try:
            check = check_quote(text, claim_text, kind, span)
        except DomainError:
            continue
        found = speaker_of(text, check.start, check.end) if check.start is not None else None
        results.append((number, check, found))
    return results


class _Batch:
    """The rows of one batch, checked line by line and written table by table."""

    def __init__(self, editor, keys, checks):
        self.editor, self.keys, self.checks = editor, keys, checks
        self.rows = {model: [] for model in ORDER}
        self.tags, self.positions, self.changes = [], [], []
        self.keys_made = {name: {} for name in MODELS}
        self.rejected_keys = {name: set() for name in MODELS}
        self.next_ids = {}
        self.now = utcnow()

    # Checking ---------------------------------------------------------------------------

    def run(self, lines):
        rejected = []
        self._prefetch(lines)
        for line in lines:
            try:
                if line.rejected:
                    raise Rejected(line.rejected)
                if line.resource not in MODELS:
                    raise Rejected(
                        f"Unknown resource {line.resource!r}; one of " + ", ".join(MODELS) + "."
                    )
                if line.key is not None and (
                    line.key in self.keys[line.resource]
                    or line.key in self.keys_made[line.resource]
                ):
                    raise Rejected(
                        f"The {line.resource} key {line.key!r} is used by an earlier line."
                    )
                getattr(self, "_" + line.resource)(line)
            except (Rejected, DomainError) as error:
                reason = error.reason if isinstance(error, Rejected) else _reason(error)
                rejected.append((line.number, reason))
                if line.key is not None and line.resource in MODELS:
                    self.rejected_keys[line.resource].add(line.key)
        self._write()
        return rejected

    def _prefetch(self, lines):
        """What the lines refer to by id or by an earlier batch's key, in a query per kind."""
        wanted = {
            name: set()
            for name in (Resource.SOURCE.value, Resource.SPEAKER.value, Resource.CLAIM.value)
        }
        for line in lines:
            if line.rejected:
                continue
            fields = line.fields
            for name, resource in (
                ("speaker", "speaker"),
                ("source", "source"),
                ("from_claim", "claim"),
                ("to_claim", "claim"),
            ):
                if resource in wanted:
                    ident = _known_id(self.keys, resource, fields, name)
                    if ident is not None:
                        wanted[resource].add(ident)
            for position in fields.get("positions") or ():
                ident = _known_id(self.keys, "claim", position, "claim")
                if ident is not None:
                    wanted["claim"].add(ident)
        self.live_speakers = {}  # id -> (name, aliases), what an attribution check reads
        for chunk in chunked(sorted(wanted["speaker"]), 1000):
            for ident, name, aliases in (
                Speaker.live(Speaker.id, Speaker.name, Speaker.aliases)
                .where(Speaker.id.in_(chunk), Speaker.merged_into.is_null())
                .tuples()
            ):
                self.live_speakers[ident] = Named(ident, name, aliases)
        self.source_texts = {}
        for chunk in chunked(sorted(wanted["source"]), 1000):
            for ident, text in (
                Source.live(Source.id, Source.text).where(Source.id.in_(chunk)).tuples()
            ):
                self.source_texts[ident] = text
        self.live_claims = _existing(Claim, wanted["claim"])
        urls = [
            line.fields["url"]
            for line in lines
            if line.resource == "source" and line.fields.get("url")
        ]
        self.urls_taken = (
            {
                url: ident
                for url, ident in Source.select(Source.url, Source.id)
                .where(Source.url.in_(urls))
                .tuples()
            }
            if urls
            else {}
        )
        wikidata = [
            line.fields["wikidata_id"]
            for line in lines
            if line.resource == "speaker" and line.fields.get("wikidata_id")
        ]
        self.wikidata_taken = _existing_values(Speaker.wikidata_id, wikidata)
        pairs = set()
        for line in lines:
            if line.resource == "relation" and not line.rejected:
                ends = (
                    _known_id(self.keys, "claim", line.fields, "from_claim"),
                    _known_id(self.keys, "claim", line.fields, "to_claim"),
                )
                if None not in ends and line.fields.get("type") in RelationType.values():
                    pairs.update(_pair_keys(RelationType(line.fields["type"]), *ends))
        self.pair_keys_taken = _existing_values(
            Relation.pair_key, pairs, Relation.deleted_at.is_null()
        )
        self.urls_seen, self.wikidata_seen, self.pair_keys = set(), set(), set()

    def _reference(self, resource, fields, name, live):
        """The id a line's ``<name>_id`` or ``<name>_key`` names, checked live."""
        field_name = name + "_id"
        if fields.get(name + "_key") is not None:
            key = fields[name + "_key"]
            if key in self.keys_made[resource]:
                return self.keys_made[resource][key]
            ident = self.keys[resource].get(key)
            if ident is None:
                state = (
                    "was rejected"
                    if key in self.rejected_keys[resource]
                    else "is not the key of an earlier line"
                )
                raise Rejected(f"{name}_key: the {resource} key {key!r} {state}.")
            field_name = name + "_key"
        else:
            ident = fields[field_name]
        if ident not in live:
            raise Rejected(
                f"{field_name}: there is no live {resource} with id {ident}"
                + (" (or it was merged into another)." if resource == "speaker" else ".")
            )
        return ident

    def _new_id(self, model):
        if model not in self.next_ids:
            self.next_ids[model] = _first_free_id(model)
        ident = self.next_ids[model]
        self.next_ids[model] += 1
        return ident

    def _add(self, model, resource, line, values, change_values=None):
        values["id"] = self._new_id(model)
        values["created_at"] = values["updated_at"] = self.now
        self.rows[model].append(_complete(model, values))
        changes = change_values if change_values is not None else values
        self.changes.append(
            {
                "resource": resource,
                "resource_id": values["id"],
                "version": 1,
                "action": Action.CREATE.value,
                "editor": self.editor.id,
                "at": self.now,
                "changes": {
                    name: versioning.entry(None, value)
                    for name, value in changes.items()
                    if name not in versioning.UNRECORDED and name not in BOOKKEEPING
                },
                # Bulk imports make no annotations and no editors: public, by the rule.
                "audience": entry_audience(resource, None, {}),
            }
        )
        if line.key is not None:
            self.keys_made[resource][line.key] = values["id"]
        return values["id"]

    def _source(self, line):
        fields = dict(line.fields)
        url = fields.get("url")
        if url is not None:
            if url in self.urls_seen:
                raise Rejected(f"url: an earlier line has the url {url} already.")
            if url in self.urls_taken:
                raise Rejected(f"url: the source {self.urls_taken[url]} has the url {url} already.")
            self.urls_seen.add(url)
        text = fields.get("text")
        fields["text_sha256"] = (
            hashlib.sha256(text.encode("utf-8")).hexdigest() if text is not None else None
        )
        ident = self._add(Source, Resource.SOURCE.value, line, fields)
        self.source_texts[ident] = text

    def _speaker(self, line):
        fields = dict(line.fields)
        fields["aliases"] = _unique_aliases(fields["name"], fields.get("aliases") or [])
        fields["search_names"] = _search_names(fields["name"], fields["aliases"])
        wikidata_id = fields.get("wikidata_id")
        if wikidata_id is not None:
            if wikidata_id in self.wikidata_seen or wikidata_id in self.wikidata_taken:
                raise Rejected(f"wikidata_id: a speaker has the wikidata_id {wikidata_id} already.")
            self.wikidata_seen.add(wikidata_id)
        ident = self._add(Speaker, Resource.SPEAKER.value, line, fields)
        self.live_speakers[ident] = Named(ident, fields["name"], fields["aliases"])

    def _claim(self, line):
        fields = dict(line.fields)
        speaker_id = self._reference("speaker", fields, "speaker", self.live_speakers)
        source_id = self._reference("source", fields, "source", self.source_texts)
        fields.pop("speaker_key", None)
        fields.pop("source_key", None)
        text = self.source_texts[source_id]
        anchor = fields.pop("anchor", None)
        span = None
        if anchor is not None:
            span = anchor["start"], anchor["end"]
            if text is not None and span[1] > len(text):
                raise Rejected(
                    f"anchor: the span ends at {span[1]}, past the end of the "
                    f"source text ({len(text)} characters)."
                )
        speaker = self.live_speakers[speaker_id]
        early = self.checks.get(line.number)
        if early is not None and early[:2] == (text, span):
            _, _, check, found = early
        else:
            check, found = check_quote(text, fields["text"], fields["kind"], span), UNKNOWN
        values = {
            "speaker_id": speaker_id,
            "source_id": source_id,
            **fields,
            "tags": _clean_tags(fields.get("tags") or ()),
            **fields_of(check, span is not None, text, speaker, found),
        }
        ident = self._add(Claim, Resource.CLAIM.value, line, values)
        self.tags.extend({"claim": ident, "tag": tag} for tag in values["tags"])
        self.live_claims.add(ident)

    def _relation(self, line):
        fields = dict(line.fields)
        from_id = self._reference("claim", fields, "from_claim", self.live_claims)
        to_id = self._reference("claim", fields, "to_claim", self.live_claims)
        if from_id == to_id:
            raise Rejected("A claim cannot relate to itself.")
        relation_type = RelationType(fields["type"])
        key, *clashes = _pair_keys(relation_type, from_id, to_id)
        if key in self.pair_keys or key in self.pair_keys_taken:
            raise Rejected("A live relation links these claims this way already.")
        if any(clash in self.pair_keys or clash in self.pair_keys_taken for clash in clashes):
            raise Rejected(
                "These claims are related the opposite way already; a claim "
                "cannot both support and contradict the same claim."
            )
        self.pair_keys.add(key)
        values = {
            "from_claim_id": from_id,
            "to_claim_id": to_id,
            "type": relation_type.value,
            "rationale": fields.get("rationale"),
            "pair_key": key,
        }
        self._add(Relation, Resource.RELATION.value, line, values)

    def _dispute(self, line):
        fields = dict(line.fields)
        positions = fields.pop("positions", None) or []
        stances, changes = {}, {}
        for index, position in enumerate(positions):
            try:
                claim_id = self._reference("claim", position, "claim", self.live_claims)
            except Rejected as error:
                raise Rejected(f"positions[{index}].{error.reason}") from None
            if claim_id in stances:
                raise Rejected(f"positions[{index}]: the claim {claim_id} has a position already.")
            value = {"stance": Stance(position["stance"]).value, "note": position.get("note")}
            stances[claim_id] = value
            changes[f"positions.{claim_id}"] = value
        values = {
            "question": fields["question"],
            "description": fields.get("description"),
            "status": fields.get("status") or "open",
        }
        ident = self._add(
            Dispute, Resource.DISPUTE.value, line, values, change_values={**values, **changes}
        )
        self.positions.extend(
            {
                "dispute": ident,
                "claim": claim_id,
                **value,
                "created_at": self.now,
                "updated_at": self.now,
            }
            for claim_id, value in stances.items()
        )

    # Writing ----------------------------------------------------------------------------

    def _write(self):
        for model in ORDER:
            _insert(model, self.rows[model])
        relevance.index_claims((row["id"], row["text"]) for row in self.rows[Claim])
        _insert(ClaimTag, self.tags)
        _insert(Position, self.positions)
        _insert(Change, self.changes)
        if is_postgres():
            for model, next_id in self.next_ids.items():
                database.execute_sql(
                    f"SELECT setval(pg_get_serial_sequence('{model._meta.table_name}', 'id'), "
                    "GREATEST(%s, (SELECT last_value FROM "
                    f"{model._meta.table_name}_id_seq)))",
                    (next_id - 1,),
                )


BOOKKEEPING = {"id", "created_at", "updated_at"}


def _complete(model, values):
    """Every column of ``model``: one INSERT takes rows of the same shape."""
    row = {}
    for field_object in model._meta.sorted_fields:
        name = field_object.name
        if name in values:
            row[name] = values[name]
        elif field_object.name + "_id" in values:
            row[name] = values[name + "_id"]
        else:
            default = field_object.default
            row[name] = default() if callable(default) else default
    return row


def _reason(error):
    field_name = getattr(error, "field", None)
    return f"{field_name}: {error.detail}" if field_name else error.detail


def _pair_keys(relation_type, from_id, to_id):
    """The relation's pair key, then the keys of the relations it excludes."""
    excluded = EXCLUSIVE.get(relation_type)
    clashes = (
        (pair_key(excluded, from_id, to_id), pair_key(excluded, to_id, from_id))
        if excluded is not None
        else ()
    )
    return (pair_key(relation_type, from_id, to_id), *clashes)


def _first_free_id(model):
    """The id after every existing one. Inside the write transaction nobody else inserts."""
    last = model.select(model.id).order_by(model.id.desc()).limit(1).scalar()
    return (last or 0) + 1


def _existing(model, ids, *conditions):
    found = set()
    for chunk in chunked(sorted(ids), 1000):
        found.update(
            model.live(model.id).where(model.id.in_(chunk), *conditions).tuples().iterator()
        )
    return {row[0] if isinstance(row, tuple) else row for row in found}


def _existing_values(column, values, *conditions):
    found = set()
    for chunk in chunked(list(values), 1000):
        query = column.model.select(column).where(column.in_(chunk), *conditions)
        found.update(value for (value,) in query.tuples())
    return found


def _to_json(value):
    # JSONField.db_value gives an SQL expression on SQLite, not a parameter.
    return None if value is None else json.dumps(value, separators=(",", ":"))


def _insert(model, rows):
    """``executemany`` of one prepared INSERT: peewee would compile every row's SQL."""
    if not rows:
        return
    fields = [model._meta.fields[name] for name in rows[0]]
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        f'"{model._meta.table_name}"',
        ", ".join(f'"{f.column_name}"' for f in fields),
        ", ".join([database.param] * len(fields)),
    )
    converters = [(f.name, _to_json if isinstance(f, JSONField) else f.db_value) for f in fields]
    cursor = database.cursor()
    cursor.executemany(sql, [[convert(row[name]) for name, convert in converters] for row in rows])
