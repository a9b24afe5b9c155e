"""Candidates: the statements extraction finds in a stored source, and accepting them.

Rules:

- ``find_candidates`` extracts from the source's current text (``claims.extraction``) and
  stores nothing. A source without text is a conflict: there is nothing to read.
- A candidate's speaker is a stored speaker when the source's name for it matches exactly
  one live speaker (by name or alias, then by surname alone; ``claims.speaker_names``),
  looked up in the speakers' name index by the name's last word. A full name whose surname
  is a stored person's but whose given name is not ("Matt Toner" for Mark Toner) is that
  person when the role written beside it fits what is stored of them (a word of the role
  in their description, affiliation or aliases, "spokesman" fitting "spokesperson"), and
  the candidate carries a ``speaker_name_warning``; without a fitting role it is a new
  speaker. Otherwise the candidate proposes a new speaker: its name and kind.
- ``recorded_claim_id`` is the live claim of the source with the candidate's kind, span
  (or text) and speaker, if there is one: a relayed statement shares its span with its
  relay's ("The Herald, citing two officials, said ..."), and is another claim.
- ``accept_candidates`` records candidates (as found, or edited) as claims through the
  rules of ``claims.claims``, in one write transaction: new speakers are created once each
  (candidates naming the same new name and kind share one; a live speaker of exactly that
  name and kind is used instead of a twin), candidates already recorded (or repeated in the
  request) are skipped and reported, and the first invalid candidate refuses the whole
  request, naming its index, with nothing stored. The quote checks run before the
  transaction; they run again inside it only if the source's text changed meanwhile.
"""

import re
from dataclasses import dataclass
from typing import Any

from claims import speaker_names, versioning
from claims.anchoring import check_quote
from claims.attribution_check import candidates_query
from claims.claims import add_claim, claims_by_id, fields_of
from claims.db import write
from claims.editors import require
from claims.enums import Role
from claims.errors import Conflict, InvalidField
from claims.extraction import extract
from claims.models import Claim, Editor, Source, Speaker
from claims.speakers import add_speaker

SPOKES = re.compile(r"^spokes(?:man|woman|person|people)$")
ROLE_STOPWORDS = frozenset("a an the of for to and in at on with by from".split())


@dataclass(frozen=True)
class _Name:
    """A speaker's name as the source writes it, shaped for the name index."""

    name: str
    text: str


def _role_words(value):
    words = set()
    for word in speaker_names.words(value or ""):
        key = word.casefold().replace(".", "")
        if key in ROLE_STOPWORDS or len(key) < 3:
            continue
        words.add("spokes" if SPOKES.match(key) else key)
    return words


def _role_fits(role, speaker):
    stored = " ".join(
        [speaker.description or "", speaker.affiliation or "", *(speaker.aliases or [])]
    )
    return bool(_role_words(role) & _role_words(stored))


def _surname_match(candidate, stored):
    """The one stored person with the candidate's surname, when its role fits them."""
    name = speaker_names.normalised(candidate.speaker_name)
    if candidate.speaker_kind != "person" or len(name) < 2 or not candidate.speaker_role:
        return None
    same = [
        s
        for s in stored
        if s.kind == "person" and speaker_names.normalised(s.name)[-1:] == name[-1:]
    ]
    if len(same) == 1 and _role_fits(candidate.speaker_role, same[0]):
        return same[0]
    return None


def _speaker_of(candidate, cache):
    """``(speaker, warning)``: the stored speaker the candidate names, or None."""
    key = (candidate.speaker_name, candidate.mention["text"], candidate.speaker_role)
    if key not in cache:
        query = candidates_query(_Name(candidate.speaker_name, candidate.mention["text"]), 0)
        stored = [] if query is None else list(query)
        speaker = (
            speaker_names.unique_match(candidate.speaker_name, stored)
            or speaker_names.unique_match(candidate.mention["text"], stored)
            or _surname_match(candidate, stored)
        )
        warning = None
        if speaker is not None and speaker_names.given_name_conflict(
            candidate.speaker_name, speaker.name, speaker.aliases or ()
        ):
            warning = (
                f'The source calls the speaker "{candidate.speaker_name}"; the stored '
                f"speaker {speaker.id} is {speaker.name}."
            )
        cache[key] = (speaker, warning)
    return cache[key]


def _recorded(source_id):
    """``{(kind, start, end, speaker id) or (kind, text, speaker id): claim id}`` of the
    source's live claims."""
    found = {}
    rows = (
        Claim.live(
            Claim.id, Claim.kind, Claim.text, Claim.anchor_start, Claim.anchor_end, Claim.speaker
        )
        .where(Claim.source == source_id)
        .order_by(Claim.id)
        .tuples()
    )
    for claim_id, kind, text, start, end, speaker_id in rows:
        if start is not None:
            found.setdefault((kind, start, end, speaker_id), claim_id)
        found.setdefault((kind, text.strip(), speaker_id), claim_id)
    return found


def _recorded_id(recorded, kind, text, start, end, speaker_id):
    if speaker_id is None:
        return None  # a speaker not stored yet has no claims
    return recorded.get((kind, start, end, speaker_id)) or recorded.get(
        (kind, text.strip(), speaker_id)
    )


def _text_of(source):
    if source.text is None:
        raise Conflict(
            f"The source {source.id} has no text to extract statements from; "
            "give it its text first."
        )
    return source.text


def find_candidates(source_id: int) -> list[dict[str, Any]]:
    """The candidates of the live source's text, each as a dict of the contract's fields."""
    source = versioning.get_live(Source, source_id)
    found = extract(_text_of(source), source.published_at)
    recorded, cache, items = _recorded(source.id), {}, []
    for candidate in found:
        speaker, warning = _speaker_of(candidate, cache)
        if speaker is not None:
            proposed = {"id": speaker.id, "name": speaker.name, "kind": speaker.kind}
        else:
            proposed = {"id": None, "name": candidate.speaker_name, "kind": candidate.speaker_kind}
        items.append(
            {
                "kind": candidate.kind,
                "text": candidate.text,
                "start": candidate.start,
                "end": candidate.end,
                "cue": candidate.cue,
                "speaker_mention": candidate.mention,
                "speaker": proposed,
                "speaker_role": candidate.speaker_role,
                "speaker_name_warning": warning,
                "said_on": candidate.said_on,
                "reported_via": candidate.reported_via,
                "confidence": candidate.confidence,
                "recorded_claim_id": _recorded_id(
                    recorded,
                    candidate.kind,
                    candidate.text,
                    candidate.start,
                    candidate.end,
                    proposed["id"],
                ),
            }
        )
    return items


def _invalid(index, field, message):
    return InvalidField(f"items.{index}.{field}", message)


def _span_of(index, item, text):
    start, end = item.get("start"), item.get("end")
    if start is None:
        return None
    if end > len(text):
        raise _invalid(
            index,
            "end",
            f"The span ends at {end}, past the end of the source text ({len(text)} characters).",
        )
    return start, end


def _checks(items, text):
    """The quote check of every item against ``text``, each with whether its span was
    given."""
    checks = []
    for index, item in enumerate(items):
        span = _span_of(index, item, text)
        checks.append((check_quote(text, item["text"], item["kind"], span), span is not None))
    return checks


def _new_key(item):
    return speaker_names.normalised(item["speaker"]["name"]), item["speaker"]["kind"]


def _new_speaker(item):
    mention = item.get("speaker_mention")
    return {
        "name": item["speaker"]["name"].strip(),
        "kind": item["speaker"]["kind"],
        "aliases": [mention["text"]] if mention else [],
    }


def _speaker_for(index, item, made):
    """The live speaker an item names, or the one it asks for if it exists (made earlier in
    the request, or a live speaker of exactly that name and kind), else None."""
    wanted = item["speaker"]
    if wanted.get("id") is not None:
        speaker = (
            Speaker.live().where(Speaker.id == wanted["id"], Speaker.merged_into.is_null()).first()
        )
        if speaker is None:
            raise _invalid(
                index,
                "speaker.id",
                f"There is no speaker with id {wanted['id']} (or it was merged into another).",
            )
        return speaker
    key = _new_key(item)
    if key not in made:
        made[key] = (
            Speaker.live()
            .where(
                Speaker.merged_into.is_null(),
                Speaker.kind == wanted["kind"],
                Speaker.name == wanted["name"].strip(),
            )
            .order_by(Speaker.id)
            .first()
        )
    return made[key]


def accept_candidates(
    source_id: int, items: list[dict[str, Any]], *, editor: Editor
) -> tuple[list[Claim], list[dict[str, int]]]:
    """Record ``items`` as claims of the source; ``(created claims, skipped)`` where each
    skipped entry is ``{"index", "claim_id"}`` of a candidate already recorded."""
    require(editor, Role.EDITOR)
    source = versioning.get_live(Source, source_id)
    text = _text_of(source)
    based_on, checks = source.text_sha256, _checks(items, text)
    with write():
        source = versioning.get_live(Source, source_id)
        text = _text_of(source)
        if source.text_sha256 != based_on:
            checks = _checks(items, text)
        recorded, made, created, skipped = _recorded(source.id), {}, [], []
        for index, (item, (check, given)) in enumerate(zip(items, checks)):
            speaker = _speaker_for(index, item, made)
            claim_id = _recorded_id(
                recorded,
                item["kind"],
                item["text"],
                check.start,
                check.end,
                speaker.id if speaker is not None else None,
            )
            if claim_id is not None:
                skipped.append({"index": index, "claim_id": claim_id})
                continue
            if speaker is None:
                speaker = made[_new_key(item)] = add_speaker(editor=editor, **_new_speaker(item))
            mention = item.get("speaker_mention") or {}
            claim = add_claim(
                editor=editor,
                speaker_id=speaker.id,
                source_id=source.id,
                kind=item["kind"],
                text=item["text"],
                tags=item.get("tags") or (),
                speaker_name_as_written=mention.get("text"),
                speaker_role=item.get("speaker_role"),
                cue=item.get("cue"),
                said_on=item.get("said_on"),
                **fields_of(check, given, text, speaker),
            )
            created.append(claim.id)
            if check.start is not None:
                recorded.setdefault((item["kind"], check.start, check.end, speaker.id), claim.id)
            recorded.setdefault((item["kind"], item["text"].strip(), speaker.id), claim.id)
        found = claims_by_id(created)
        return [found[claim_id] for claim_id in created], skipped
