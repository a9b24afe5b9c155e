"""Suggested links: stored claims that may repeat, support or contradict a claim, and why.

Candidates (all live, never the claim itself, never a claim already related to it by a live
relation in either direction):

- claims sharing the claim's terms in the full-text index (``claims.search``); a term
  found in few claims counts more than one found in many (each term's matches are counted
  up to ``PROBE_LIMIT``; on PostgreSQL a term its statistics put in ``COMMON_ESTIMATE``
  claims or more is not looked up: it weighs ``COMMON_WEIGHT`` all the same, and the few
  claims of thousands it would bring are chance);
- the speaker's other claims, and the other claims of the claim's source;
- the claims taking a position in a dispute the claim takes a position in.

Reasons, each shown with a detail an editor can judge:

- ``shared_terms``: the distinctive terms both claims use (``claims.wording``);
- ``same_speaker``: the same speaker, or ``speaker_affiliation``: one speaker speaks for
  the other ("Mark Toner", of the "U.S. Department of State");
- ``negation``: one negates what the other states ("has" against "does not have");
- ``opposing_cue``: one rejects ("denied", "dismissed", "there is no") what the other
  states, or the source sets the two against each other in one sentence ("While ...");
- ``numbers_differ``: the same thing counted with different numbers ("186 dead" against "97
  deaths", ``claims.quantities``);
- ``same_denial``: one denies ("denies", "rejected") what the other negates: they agree;
- ``numbers_agree``: the same thing counted with the same number ("10,000 jobs" and "ten
  thousand jobs");
- ``same_source``: the claims stand close together in one source (with another reason);
- ``same_dispute_other_side`` (affirms against denies), ``same_dispute_same_side``, or
  ``same_dispute`` (one qualifies).

Negation, opposing cues and differing numbers hold only between claims about the same
thing: sharing distinctive terms. ``type`` is ``contradicts`` when a contradiction reason
holds (negation, opposing cue, numbers, other side of a dispute); ``repeats`` when the same
speaker (or one speaking for the other) says the same content (the terms of the shorter
claim stand in the longer one); else ``supports``. ``score`` (0-1) grows with the share of
distinctive terms and with each reason; suggestions under ``MIN_SCORE`` are left out.

The list is best first (score, then newest), keyset-paginated by ``(score, id)``; nothing is
stored. Each call costs the same few queries whatever the number of claims.
"""

import functools
import math
from dataclasses import dataclass, field

from peewee import SQL

from claims import pages, search, wording
from claims.db import is_postgres
from claims.enums import ClaimKind, RelationType, Stance
from claims.errors import NotFound
from claims.models import Claim, Dispute, Position, Relation, Source, Speaker
from claims.prepared import prepared
from claims.quantities import agreeing, differing, quantities
from claims.sentences import sentences

TERM_PROBES = 12
PROBE_LIMIT = 60
# A term in this many claims or more weighs COMMON_WEIGHT; which of them it finds is chance.
COMMON_ESTIMATE = 10 * PROBE_LIMIT
SPEAKER_LIMIT = 50
SOURCE_LIMIT = 50
DISPUTE_LIMIT = 200
MAX_CANDIDATES = 30
MIN_SCORE = 0.2
# Words alone never make a certainty: the other reasons still raise the score.
CONTENT_STRENGTH = 0.85
UNKNOWN_WEIGHT = 0.5
COMMON_WEIGHT = 0.05
NEAR_IN_SOURCE = 600
NEGATION_SIMILARITY = 0.5
NEGATION_HEAD = 3
# Two claims are about the same thing when they share two terms, not both common, or
# much of their words.
SAME_THING_WEIGHT = 0.6
SAME_THING_SIMILARITY = 0.3
PLACED_LIMIT = 20
PLACEMENT_CANDIDATES = 40
PLACEMENT_LIMIT = 10
PLACEMENT_SCORE = 0.45

CONTRADICTING = {"negation", "opposing_cue", "numbers_differ", "same_dispute_other_side"}
OPPOSITE = {Stance.AFFIRMS.value: Stance.DENIES.value, Stance.DENIES.value: Stance.AFFIRMS.value}
STRENGTH = {
    "same_speaker": 0.3,
    "speaker_affiliation": 0.2,
    "same_dispute_other_side": 0.5,
    "same_dispute_same_side": 0.5,
    "same_dispute": 0.35,
    "negation": 0.3,
    "opposing_cue": 0.3,
    "numbers_differ": 0.35,
    "same_source": 0.1,
    "numbers_agree": 0.25,
    "same_denial": 0.3,
}


@dataclass
class Suggestion:
    claim: Claim
    type: str
    score: float
    reasons: list = field(default_factory=list)

    @property
    def id(self):
        return self.claim.id


class _Text:
    """A claim's words, each read once and only when a rule asks for it: most candidates
    share too little with the claim for negations, cues or numbers to matter."""

    def __init__(self, text, kind=None, cue=None):
        self.text, self.kind, self.cue = text, kind, cue

    @classmethod
    def of(cls, claim):
        return cls(claim.text, claim.kind, claim.cue)

    @functools.cached_property
    def terms(self):
        return wording.terms(self.text)

    @functools.cached_property
    def content(self):
        """What is said, without the attribution."""
        if self.kind == ClaimKind.PARAPHRASE.value:
            return wording.content(self.text, self.cue)
        return self.text

    @functools.cached_property
    def said(self):
        """The terms of what is said."""
        return self.terms if self.content == self.text else wording.terms(self.content)

    @functools.cached_property
    def negated(self):
        return wording.negated_terms(self.content)

    @functools.cached_property
    def negations(self):
        return wording.negations(self.content)

    @functools.cached_property
    def cues(self):
        return wording.opposing_cues(self.text, self.cue)

    @functools.cached_property
    def quantities(self):
        return quantities(self.content)


CLAIM_FIELDS = (
    Claim,
    Speaker.id,
    Speaker.name,
    Speaker.kind,
    Speaker.aliases,
    Speaker.affiliation,
    Source.id,
    Source.title,
    Source.publisher,
    Source.url,
    Source.published_at,
)


def _claims(condition):
    return (
        Claim.select(*CLAIM_FIELDS)
        .join_from(Claim, Speaker)
        .join_from(Claim, Source)
        .where(Claim.deleted_at.is_null(), condition)
    )


@prepared(fetched=True)
def _relation_ends(claim_id):
    return Relation.select(Relation.from_claim, Relation.to_claim).where(
        Relation.deleted_at.is_null(),
        (Relation.from_claim == claim_id) | (Relation.to_claim == claim_id),
    )


def _related_ids(claim_id):
    return {one for pair in _relation_ends(claim_id) for one in pair} - {claim_id}


@prepared(fetched=True)
def _shared_disputes(claim_id):
    mine, theirs = Position.alias(), Position.alias()
    return (
        theirs.select(theirs.claim, Dispute.id, Dispute.question, mine.stance, theirs.stance)
        .join(mine, on=((mine.dispute == theirs.dispute) & (mine.claim == claim_id)))
        .join_from(theirs, Dispute, on=(Dispute.id == theirs.dispute))
        .where(Dispute.deleted_at.is_null(), theirs.claim != claim_id)
        .order_by(theirs.id)
        .limit(DISPUTE_LIMIT)
    )


def _positions(claim_id):
    """``{other claim id: [(dispute id, question, my stance, their stance)]}``."""
    found = {}
    for other, dispute_id, question, my_stance, their_stance in _shared_disputes(claim_id):
        found.setdefault(other, []).append((dispute_id, question, my_stance, their_stance))
    return found


def _probe_terms(text):
    """The terms to look up: those of what is said before those of the attribution, names
    and longer words first."""
    ranked = sorted(
        text.terms.items(),
        key=lambda item: (item[0] not in text.said, not item[1][:1].isupper(), -len(item[0])),
    )
    return [spelling for _, spelling in ranked[:TERM_PROBES]]


SPEAKER, SOURCE = -1, -2  # the origins of the speaker's and the source's claims


def _phrases(probes):
    """``[(index, phrase)]``: each probed term that can be searched for, as the lower-case
    words the full-text index matches in a row (``U.S.``: ``u s``)."""
    found = []
    for index, spelling in enumerate(probes):
        clauses = search.parse(spelling).clauses
        if len(clauses) == 1 and len(clauses[0]) == 1:
            found.append((index, " ".join(clauses[0][0])))
    return found


def _term_part(number, phrase, exclude):
    query = search.matching(Claim.select(Claim.id, SQL(str(number)).alias("origin")), f'"{phrase}"')
    return query.where(Claim.deleted_at.is_null(), ~exclude).limit(PROBE_LIMIT)


def _pool_part(origin, condition, limit, exclude):
    return (
        Claim.select(Claim.id, SQL(str(origin)).alias("origin"))
        .where(condition, Claim.deleted_at.is_null(), ~exclude)
        .order_by(Claim.id.desc())
        .limit(limit)
    )


def _union(parts):
    union = None
    for number, part in enumerate(parts):
        wrapped = part.alias(f"p{number}")
        select = wrapped.select_from(SQL(f"p{number}.id"), SQL(f"p{number}.origin"))
        union = select if union is None else union.union_all(select)
    return union.tuples()


def _with_origins(rows, phrases):
    """Rows ``(claim id, n)`` of the n-th searched phrase made ``(claim id, its probe's
    index)``; the pools' rows as they are."""
    return [(claim_id, phrases[n][0] if n >= 0 else n) for claim_id, n in rows]


def _candidate_ids(probes, *, exclude):
    """``[(claim id, origin)]`` in one query: the live claims matching each probed term (its
    index is the origin); ``exclude`` is a condition on ``Claim`` that leaves claims out."""
    phrases = _phrases(probes)
    if not phrases:
        return []
    parts = [_term_part(n, phrase, exclude) for n, (_, phrase) in enumerate(phrases)]
    return _with_origins(_union(parts).execute(Claim._meta.database), phrases)


@functools.cache
def _related_candidates(count):
    """The query of a claim's candidates with ``count`` searched phrases: the claims
    matching each phrase and the claims of the speaker and of the source (origins
    ``SPEAKER``, ``SOURCE``), compiled to SQL once per database."""

    @prepared(fetched=True)
    def build(claim_id, speaker_id, source_id, *phrases):
        exclude = Claim.id == claim_id
        return _union(
            [_term_part(n, phrase, exclude) for n, phrase in enumerate(phrases)]
            + [
                _pool_part(SPEAKER, Claim.speaker == speaker_id, SPEAKER_LIMIT, exclude),
                _pool_part(SOURCE, Claim.source == source_id, SOURCE_LIMIT, exclude),
            ]
        )

    return build


# PostgreSQL's statistics of the search column (``ANALYZE``): the phrases of one word
# whose lexeme the sampled claims have often enough to be in COMMON_ESTIMATE claims or more.
COMMON_PHRASES = """
SELECT p.n - 1 FROM unnest(%s::text[]) WITH ORDINALITY AS p (phrase, n)
JOIN (
    SELECT unnest(most_common_elems::text::text[]) AS lexeme,
           unnest(most_common_elem_freqs) AS frequency
    FROM pg_stats
    WHERE schemaname = current_schema() AND tablename = 'claim' AND attname = 'search'
) AS s ON s.lexeme = (tsvector_to_array(to_tsvector('english', p.phrase)))[1]
WHERE p.phrase NOT LIKE '%% %%'
AND s.frequency * (SELECT reltuples FROM pg_class WHERE oid = 'claim'::regclass) >= %s
"""


def _common(phrases):
    """The indexes of the phrases the database's statistics find in COMMON_ESTIMATE claims
    or more (PostgreSQL; none on SQLite, whose index keeps no such statistics)."""
    if not is_postgres() or not phrases:
        return set()
    cursor = Claim._meta.database.execute_sql(
        COMMON_PHRASES, ([phrase for _, phrase in phrases], COMMON_ESTIMATE)
    )
    return {n for (n,) in cursor.fetchall()}


def _claim_candidates(claim, probes):
    """``([(claim id, origin)], indexes of the probes too common to search for)``."""
    phrases = _phrases(probes)
    common = _common(phrases)
    searched = [entry for n, entry in enumerate(phrases) if n not in common]
    rows = _related_candidates(len(searched))(
        claim.id, claim.speaker_id, claim.source_id, *(phrase for _, phrase in searched)
    )
    return _with_origins(rows, searched), {phrases[n][0] for n in common}


def _weights(candidates, probes, common=()):
    """Each probed term's weight, its rarity: 1 for a term no other claim has, falling with
    the number of claims that have it, ``COMMON_WEIGHT`` from ``PROBE_LIMIT`` on. Absolute,
    not relative to the number of stored claims: a term in ten claims tells as much in a
    newsroom's first hundred claims as among millions."""
    counts = [PROBE_LIMIT if index in common else 0 for index in range(len(probes))]
    for _, origin in candidates:
        if origin >= 0:
            counts[origin] += 1
    return [
        max(COMMON_WEIGHT, 1 - math.log(1 + count) / math.log(1 + PROBE_LIMIT)) for count in counts
    ]


def _shortlist(candidates, weights, positions, excluded):
    """The candidate ids worth reading in full, best first."""
    prior = {}
    for claim_id, origin in candidates:
        if origin >= 0:
            gain = weights[origin]
        else:
            gain = 1.0 if origin == SPEAKER else 0.5
        prior[claim_id] = prior.get(claim_id, 0.0) + gain
    for claim_id in positions:
        prior[claim_id] = prior.get(claim_id, 0.0) + 2.0
    for claim_id in excluded:
        prior.pop(claim_id, None)
    return sorted(prior, key=lambda claim_id: (-prior[claim_id], -claim_id))[:MAX_CANDIDATES]


def _speakers_link(claim, other):
    """The speaker reason of two claims, or None."""
    if claim.speaker_id == other.speaker_id:
        return {"kind": "same_speaker", "detail": claim.speaker.name}
    for one, two in ((claim.speaker, other.speaker), (other.speaker, claim.speaker)):
        names = {two.name.casefold(), *(alias.casefold() for alias in two.aliases or ())}
        if one.affiliation and one.affiliation.casefold() in names:
            return {"kind": "speaker_affiliation", "detail": f"{one.name} speaks for {two.name}"}
    return None


def _term_weight(stem, known):
    return known.get(stem, UNKNOWN_WEIGHT)


def _content(mine, theirs, known):
    """``(similarity 0-1, shared stems best first, containment 0-1)`` of two claims' terms."""
    shared = sorted(
        set(mine.terms) & set(theirs.terms), key=lambda stem: (-_term_weight(stem, known), stem)
    )
    if not shared:
        return 0.0, [], 0.0
    shared_weight = sum(_term_weight(stem, known) for stem in shared)
    my_weight = sum(_term_weight(stem, known) for stem in mine.terms)
    their_weight = sum(_term_weight(stem, known) for stem in theirs.terms)
    cosine = shared_weight / math.sqrt(my_weight * their_weight)
    overlap = shared_weight / (min(my_weight, their_weight) + UNKNOWN_WEIGHT)
    containment = len(shared) / min(len(mine.terms), len(theirs.terms))
    return min(1.0, max(cosine, 0.8 * overlap)), shared, containment


def _negation(mine, theirs, shared, similarity):
    """Held when one claim negates what the other states, in what both say (two terms or
    more in common, or much the same words): the negation's first term, or two of its first
    three, stand in the other claim, which does not negate them. Returns ``(side, detail)``:
    side 0 when ``mine`` negates, 1 when ``theirs`` does."""
    if len(shared) < 2 and similarity < NEGATION_SIMILARITY:
        return None, None
    for side, (one, two) in enumerate(((mine, theirs), (theirs, mine))):
        for phrase, stems in one.negations:
            head = stems[:NEGATION_HEAD]
            stated = [stem for stem in head if stem in shared and stem not in two.negated]
            if stated and (stated[0] == head[0] or len(stated) >= 2):
                return side, f'"{phrase}" against "{_around(two, stated[0])}"'
    return None, None


def _around(text, stem):
    return wording.contexts(text.content).get(stem, text.said[stem])


def _opposing(mine, theirs):
    """``(side, detail)`` of an opposing cue only one of the claims uses, or ``(None, None)``."""
    only_mine = [cue for cue in mine.cues if cue not in theirs.cues]
    only_theirs = [cue for cue in theirs.cues if cue not in mine.cues]
    if only_mine:
        return 0, f'this claim: "{only_mine[0]}"'
    if only_theirs:
        return 1, f'the other claim: "{only_theirs[0]}"'
    return None, None


def _contrast(claim, other, source_text):
    """The contrast word by which the source sets two speakers' claims against each other
    in one sentence ("While Russia has claimed ..., U.S. officials say ...")."""
    if (
        source_text is None
        or claim.source_id != other.source_id
        or claim.speaker_id == other.speaker_id
        or claim.anchor_start is None
        or other.anchor_start is None
    ):
        return None
    first, second = sorted((claim, other), key=lambda c: c.anchor_start)
    sentence = next(
        (s for s in sentences(source_text) if s.start <= first.anchor_start < s.end), None
    )
    if sentence is None or second.anchor_start >= sentence.end:
        return None
    between = (
        source_text[sentence.start : first.anchor_start]
        + " … "
        + source_text[first.anchor_end : second.anchor_start]
    )
    word = wording.contrast_between(between)
    return f'the source sets them against each other: "{word}"' if word else None


def _nearness(claim, other):
    """Claims of one source close to each other: the distance in characters, or None."""
    if (
        claim.source_id != other.source_id
        or claim.anchor_start is None
        or other.anchor_start is None
    ):
        return None
    first, second = sorted((claim, other), key=lambda c: c.anchor_start)
    distance = max(0, second.anchor_start - first.anchor_end)
    return distance if distance <= NEAR_IN_SOURCE else None


def _dispute_reasons(entries):
    reasons = []
    for _, question, my_stance, their_stance in entries:
        if OPPOSITE.get(my_stance) == their_stance:
            kind = "same_dispute_other_side"
        elif my_stance == their_stance:
            kind = "same_dispute_same_side"
        else:
            kind = "same_dispute"
        reasons.append(
            {
                "kind": kind,
                "detail": f'"{question}": {my_stance} against {their_stance}'
                if kind != "same_dispute_same_side"
                else f'"{question}": both {my_stance}',
            }
        )
    return reasons


def judge(claim, other, *, known=None, disputes=(), source_text=None, texts=None):
    """The suggestion that ``other`` makes for ``claim`` (see the module's rules), or None.

    ``known`` maps stems to their weights (distinctiveness), ``disputes`` lists the
    ``(dispute id, question, claim's stance, other's stance)`` they share.
    """
    known = known or {}
    texts = texts if texts is not None else {}
    mine = texts.get(claim.id) or _Text.of(claim)
    theirs = texts.get(other.id) or _Text.of(other)
    similarity, shared, containment = _content(mine, theirs, known)
    shared_weight = sum(_term_weight(stem, known) for stem in shared)
    about_the_same = (
        len(shared) >= 2 and shared_weight >= SAME_THING_WEIGHT
    ) or similarity >= SAME_THING_SIMILARITY
    reasons = []
    if shared_weight >= UNKNOWN_WEIGHT:
        reasons.append(
            {"kind": "shared_terms", "detail": ", ".join(mine.terms[stem] for stem in shared[:8])}
        )
    speakers = _speakers_link(claim, other)
    if speakers:
        reasons.append(speakers)
    if about_the_same:
        negating, negation = _negation(mine, theirs, set(mine.said) & set(theirs.said), similarity)
        opposing_side, opposing = _opposing(mine, theirs)
        if negation and opposing and negating != opposing_side:
            # One denies what the other says is not so: they agree.
            reasons.append({"kind": "same_denial", "detail": f"{opposing}; {negation}"})
        else:
            if negation:
                reasons.append({"kind": "negation", "detail": negation})
            if opposing:
                reasons.append({"kind": "opposing_cue", "detail": opposing})
        numbers = differing(mine.quantities, theirs.quantities)
        if numbers:
            a, b = numbers[0]
            reasons.append({"kind": "numbers_differ", "detail": f'"{a.text}" against "{b.text}"'})
        else:
            same = agreeing(mine.quantities, theirs.quantities)
            if same:
                a, b = same[0]
                reasons.append({"kind": "numbers_agree", "detail": f'"{a.text}" and "{b.text}"'})
    nearness = _nearness(claim, other)
    if nearness is not None and reasons:
        reasons.append(
            {
                "kind": "same_source",
                "detail": "next to each other in the source"
                if nearness < 3
                else f"{nearness} characters apart in the source",
            }
        )
    contrast = _contrast(claim, other, source_text)
    if contrast and not any(reason["kind"] == "opposing_cue" for reason in reasons):
        reasons.append({"kind": "opposing_cue", "detail": contrast})
    reasons += _dispute_reasons(disputes)
    if not reasons:
        return None
    kinds = {reason["kind"] for reason in reasons}
    if kinds & CONTRADICTING:
        kind = RelationType.CONTRADICTS.value
    elif kinds & {"same_speaker", "speaker_affiliation"} and containment >= 0.8:
        kind = RelationType.REPEATS.value
    else:
        kind = RelationType.SUPPORTS.value
    missing = 1.0 - CONTENT_STRENGTH * min(1.0, 1.2 * similarity)
    for reason in reasons:
        missing *= 1.0 - STRENGTH.get(reason["kind"], 0.0)
    score = round(1.0 - missing, 4)
    if score < MIN_SCORE:
        return None
    return Suggestion(other, kind, score, reasons)


@prepared
def _claim_with_source_text(claim_id):
    return _claims(Claim.id == claim_id).select_extend(Source.text).limit(1)


@prepared
def _claims_among(*ids):
    return _claims(Claim.id.in_(ids))


def _load(claim_id):
    found = _claim_with_source_text(claim_id)
    if not found:
        raise NotFound(f"There is no claim with id {claim_id}.")
    return found[0]


def _known(probes, weights):
    return {
        wording.stem(wording.words(spelling)[0].norm): weight
        for spelling, weight in zip(probes, weights, strict=True)
    }


def suggest(claim):
    """Every suggestion for a loaded claim, best first (see the module's rules)."""
    mine = _Text.of(claim)
    probes = _probe_terms(mine)
    candidates, common = _claim_candidates(claim, probes)
    weights = _weights(candidates, probes, common)
    known = _known(probes, weights)
    positions = _positions(claim.id)
    excluded = _related_ids(claim.id)
    shortlist = _shortlist(candidates, weights, positions, excluded)
    if not shortlist:
        return []
    # Always MAX_CANDIDATES ids (0 is no claim's): one query compiled once.
    others = _claims_among(*shortlist, *[0] * (MAX_CANDIDATES - len(shortlist)))
    source_text = claim.source.text
    texts = {claim.id: mine}
    found = []
    for other in others:
        suggestion = judge(
            claim,
            other,
            known=known,
            disputes=positions.get(other.id, ()),
            source_text=source_text,
            texts=texts,
        )
        if suggestion is not None:
            found.append(suggestion)
    found.sort(key=lambda s: (-s.score, -s.id))
    return found


def suggestions_for(claim_id, *, limit, cursor=None):
    """A page of suggestions for a live claim; ``NotFound`` for an unknown or deleted one."""
    after = pages.decode_cursor(cursor, {"score": float, "id": int})
    found = suggest(_load(claim_id))
    if after:
        found = [
            s
            for s in found
            if s.score < after["score"] or (s.score == after["score"] and s.id < after["id"])
        ]
    more, found = found[limit:], found[:limit]
    next_cursor = None
    if more:
        next_cursor = pages.encode_cursor({"score": found[-1].score, "id": found[-1].id})
    return pages.Page(found, next_cursor)


def placements(dispute, *, limit=PLACEMENT_LIMIT):
    """Claims not yet placed in ``dispute`` that the rules would put on a side.

    The dispute's claims that affirm or deny (the ``PLACED_LIMIT`` latest) are compared with
    the claims sharing the dispute's terms (those of its question and of its claims, the
    terms several claims share first). A claim that supports or repeats a placed claim goes
    on its side; one that contradicts it, on the other side; the best-scored comparison
    decides. Returns ``[{"claim", "stance", "type", "score", "reasons", "compared_with"}]``,
    best first, at most ``limit``. Costs the same four queries whatever the size of the
    dispute.
    """
    placed_ids = Position.select(Position.claim).where(Position.dispute == dispute.id)
    stances = dict(
        Position.select(Position.claim, Position.stance)
        .join(Claim)
        .where(
            Position.dispute == dispute.id,
            Claim.deleted_at.is_null(),
            Position.stance.in_([Stance.AFFIRMS.value, Stance.DENIES.value]),
        )
        .order_by(Position.id.desc())
        .limit(PLACED_LIMIT)
        .tuples()
    )
    placed = list(_claims(Claim.id.in_(list(stances)))) if stances else []
    if not placed:
        return []
    texts = {claim.id: _Text.of(claim) for claim in placed}
    frequency = {}
    spelling = {}
    for text in [*texts.values(), _Text(dispute.question)]:
        for stem, written in text.said.items():
            frequency[stem] = frequency.get(stem, 0) + 1
            spelling.setdefault(stem, written)
    ranked = sorted(
        frequency, key=lambda stem: (-frequency[stem], not spelling[stem][:1].isupper(), -len(stem))
    )
    probes = [spelling[stem] for stem in ranked[:TERM_PROBES]]
    candidates = _candidate_ids(probes, exclude=Claim.id.in_(placed_ids))
    weights = _weights(candidates, probes)
    known = _known(probes, weights)
    shortlist = _shortlist(candidates, weights, {}, ())[:PLACEMENT_CANDIDATES]
    if not shortlist:
        return []
    best = {}
    for other in _claims(Claim.id.in_(shortlist)):
        for claim in placed:
            suggestion = judge(claim, other, known=known, texts=texts)
            if suggestion is None or suggestion.score < PLACEMENT_SCORE:
                continue
            stance = stances[claim.id]
            if suggestion.type == RelationType.CONTRADICTS.value:
                stance = OPPOSITE[stance]
            if other.id not in best or suggestion.score > best[other.id]["score"]:
                best[other.id] = {
                    "claim": other,
                    "stance": stance,
                    "type": suggestion.type,
                    "score": suggestion.score,
                    "reasons": suggestion.reasons,
                    "compared_with": claim.id,
                }
    found = sorted(best.values(), key=lambda entry: (-entry["score"], -entry["claim"].id))
    return found[:limit]
