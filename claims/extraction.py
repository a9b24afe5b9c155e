"""Extraction: the attributed statements of a news text, as candidates for an editor.

``extract(text, published_at)`` reads a text with no database: the attributions of
``claims.attribution`` become candidates. Matching candidates to stored speakers and
recording them are ``claims.candidates``.

Rules:

- Every quotation that an attribution speaks is a ``direct_quote`` whose text is exactly the
  words between its marks (a quotation over several paragraphs is one candidate). A
  sentence that carries a quotation gives only its quotes: the words around a partial quote
  ("called the move "not helpful."") are the reporter's.
- A reporting sentence without a quotation is a ``paraphrase`` whose text is the sentence
  from the speaker's mention on (a leading "However," or "In a statement," and the main
  clause before "... after residents said" are left out), or the part of it that carries
  its attribution when the sentence carries two ("citing" relays share the span). Cues that
  only introduce quotations ("asked", "continued") give no paraphrase, nor does a cue with
  nothing reported ("declined to comment.").
- A statement whose speaker cannot be named (a hedge: "it is believed", "reportedly"; a
  pronoun with no one to point back to) is no candidate, nor is anything in a headline or
  the reporter's narration: only sentences with a cue and a speaker give candidates.
- The speaker is the named mention the attribution resolves to (through pronouns and
  descriptions); its ``kind`` is read from the phrase: plural people nouns are groups,
  institutions and countries organizations, other names people.
- ``said_on``: a day named in the attribution's sentence (not in the reported words, nor
  in another attribution of the sentence; "told the Times on Sunday that" counts) is
  resolved against the source's publication date where it is certain: "today", "tonight",
  "this morning" are that day; "yesterday" the day before; a weekday the last such day on
  or before it ("last Tuesday": before it). "Last week", "next Monday" and a day with no
  publication date are not certain: null.
- ``reported_via``: a statement nested in another ("Reuters reported that officials said
  ...") points to the index of the candidate of the outer one.
- ``confidence`` rises with how directly the speaker is named: by name 0.9, by surname
  0.85, through a description or pronoun 0.75, as a quotation continuing the last speaker's
  0.7; a direct quote adds 0.05 (its words are certain), a nested statement loses 0.1.
"""

import datetime
import re
from dataclasses import dataclass

from claims.attribution import QUOTE_ONLY, Attribution, attributions
from claims.enums import ClaimKind
from claims.sentences import sentences
from claims.timing import timed_function

CONFIDENCE = {
    "name": 0.9,
    "surname": 0.85,
    "description": 0.75,
    "pronoun": 0.75,
    "continuation": 0.7,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_SAID = re.compile(
    r"(?<![\w-])(?:(?P<which>last|this|next)\s+)?(?P<day>" + "|".join(WEEKDAYS) + r"|yesterday"
    r"|today|tonight)(?:\s+(?:morning|afternoon|evening|night))?(?![\w-])"
    r"|(?<![\w-])this\s+(?P<part>morning|afternoon|evening)(?![\w-])",
    re.IGNORECASE,
)
SAME_DAY = ("today", "tonight")
# A day written right after the cue belongs to the attribution ("said Tuesday that ..."),
# unless it is the subject of the reported words ("said Tuesday was the deadline").
_LEADING_DAY = re.compile(
    r"\s*(?:on\s+)?(?:" + DAY_SAID.pattern + r")(?!\s+(?:is|was|will|would|has|had)\b)",
    re.IGNORECASE,
)
# Or after whom it was told, or how, before "that": "told the Times on Sunday that ...",
# "said in a statement on Tuesday that ...".
_DAY_BEFORE_THAT = re.compile(
    r"\s*(?:[\w.'\u2019-]+\s+){0,5}?(?:on\s+)?(?:" + DAY_SAID.pattern + r")\s*,?\s+that\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Candidate:
    """One statement found in a text (offsets into it), before matching stored speakers."""

    kind: str
    text: str
    start: int
    end: int
    cue: str
    mention: dict  # {"text", "start", "end"}: where the source names the speaker
    speaker_name: str
    speaker_kind: str
    speaker_role: str | None
    said_on: datetime.date | None
    reported_via: int | None
    confidence: float


def _date_of(published_at):
    if published_at is None:
        return None
    if isinstance(published_at, datetime.datetime):
        return published_at.date()
    if isinstance(published_at, datetime.date):
        return published_at
    try:
        return datetime.date.fromisoformat(str(published_at)[:10])
    except ValueError:
        return None


def resolve_day(expression: str, published_on: datetime.date | None) -> datetime.date | None:
    """The date a day named as ``expression`` ("Tuesday", "on Monday", "yesterday") stands
    for in a text published on ``published_on``, or None where that is not certain."""
    match = DAY_SAID.search(expression or "")
    if match is None or published_on is None:
        return None
    if match.group("part"):
        return published_on
    day, which = match.group("day").lower(), (match.group("which") or "").lower()
    if day in SAME_DAY:
        return None if which else published_on
    if day == "yesterday":
        return None if which else published_on - datetime.timedelta(days=1)
    if which == "next":
        return None
    back = (published_on.weekday() - WEEKDAYS.index(day)) % 7
    if which == "last" and back == 0:
        back = 7
    if which == "this" and back == 0:
        return published_on
    return published_on - datetime.timedelta(days=back)


def _said_on(text, item: Attribution, found, sentence_start, published_on):
    """The day the attribution says the words were said: searched from its sentence's
    start to its end, outside the reported words, the quotations and the other
    attributions of the sentence, or right at the start of the reported words."""
    holes = [(item.content_start, item.content_end), *item.quotations]
    holes += [
        (other.start, other.end)
        for other in found
        if other.sentence == item.sentence
        and other is not item
        and other.via is None
        and item.via is None
    ]
    chars = list(text[sentence_start : item.end])
    for start, end in holes:
        for at in range(max(start, sentence_start), min(end, item.end)):
            chars[at - sentence_start] = " "
    match = (
        DAY_SAID.search("".join(chars))
        or _LEADING_DAY.match(text, item.content_start)
        or _DAY_BEFORE_THAT.match(text, item.content_start)
    )
    return resolve_day(match.group(), published_on) if match else None


def _confidence(item, kind):
    value = CONFIDENCE.get(item.resolved_by, 0.7)
    if kind == ClaimKind.DIRECT_QUOTE:
        value += 0.05
    if item.via is not None:
        value -= 0.1
    return round(min(value, 0.99), 2)


@timed_function("extraction")
def extract(text: str, published_at: str | datetime.date | None = None) -> list[Candidate]:
    """Every attributed statement of ``text``, in text order (see the module rules)."""
    if not text:
        return []
    published_on = _date_of(published_at)
    found = attributions(text)
    starts = [sentence.start for sentence in sentences(text)]
    pieces = []  # (start, end, kind, attribution index)
    for index, item in enumerate(found):
        if item.speaker is None:
            continue
        if item.quotations:
            pieces.extend(
                (start, end, ClaimKind.DIRECT_QUOTE, index) for start, end in item.quotations
            )
        elif item.cue.lower() not in QUOTE_ONLY and re.search(
            r"\w", text[item.content_start : item.content_end]
        ):
            pieces.append((item.start, item.end, ClaimKind.PARAPHRASE, index))
    pieces.sort()
    first_of = {}
    for position, piece in enumerate(pieces):
        first_of.setdefault(piece[3], position)
    candidates = []
    for start, end, kind, index in pieces:
        item = found[index]
        speaker = item.speaker
        candidates.append(
            Candidate(
                kind=kind.value,
                text=text[start:end],
                start=start,
                end=end,
                cue=item.cue,
                mention={"text": speaker.text, "start": speaker.start, "end": speaker.end},
                speaker_name=speaker.name,
                speaker_kind=speaker.kind,
                speaker_role=speaker.role,
                said_on=_said_on(text, item, found, starts[item.sentence], published_on),
                reported_via=first_of.get(item.via) if item.via is not None else None,
                confidence=_confidence(item, kind),
            )
        )
    return candidates
