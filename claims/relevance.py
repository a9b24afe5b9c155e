"""Relevance: the claims that best match a search, found without scoring every match.

Rules:

- **Words.** A claim's text is split into words as ``claims.search`` splits a query, folded to
  lower case without accents and stemmed by Snowball's English stemmer (``claims.wording.stem``,
  the algorithm of PostgreSQL's ``english`` configuration), so both databases match the same
  claims. A word longer than 64 characters is cut to 64. A stop word matches only itself
  (in a quoted phrase), never a word that stems like it ("cans" is not "can").
- **Matching.** Every clause of the query must match (one of its phrases: the phrase's words
  next to each other, in order), no excluded phrase may; checked on the claim's own text.
- **Score.** BM25 (k1 = 1.2, b = 0.75): the sum, over the distinct stems of the query's
  words that are not stop words and that the claim holds, of ``idf * weight``.
  ``weight = tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / average))`` with ``tf`` the
  stem's count in the claim, ``length`` the claim's count of words that are not stop words
  and ``average`` the average length frozen when the index was first made; it is stored
  times 10^6 as an integer. ``idf = ln(1 + (N - df + 0.5) / (df + 0.5))`` with ``N`` and
  ``df`` read from a **snapshot of the statistics** (``search_index``, ``search_term``), not
  from the live index. A score therefore depends on the claim, the query and the snapshot's
  version only: it stays put while others write, and a cursor (score, id, version) stays valid
  until the statistics are refreshed (``claims search refresh``, and the end of every
  ``claims import``); a cursor of an older version is refused with a clear error. A stem the
  snapshot does not know counts as held by one claim.
- **Index.** ``claim_term`` holds one row per distinct stem of every claim, soft-deleted ones
  included, in (term, weight, claim) order: a stem's claims, best first, are one index range.
  Writes keep it in step inside their own transaction.
- **Retrieval.** A claim's score is computed from its stored weights (the weights of its
  other stems are probed in the (term, claim, weight) index); only the candidates that could
  be on the page are checked on their text (the whole query) and against the caller's
  filters, best first, in growing batches. Candidates come one of three ways:
  - *Threshold* (Fagin's algorithm): each stem's claims are read best first, a chunk at a
    time (the chunk doubles, up to ``MAX_CHUNK``); the reading stops when the page's last
    claim (plus one, to know whether more follow) scores above what any claim not yet read
    could (the sum of ``idf * weight`` at each stem's reading position), or when a stem every
    match must hold has no claims left. Broad words cost little: their best claims come first.
  - *Intersection*: the claims holding every stem that every match must hold (a clause's
    stem in each of its phrases), the index joined with itself from the rarest stem and
    ordered by score in SQL (the same floating-point operations in the same order as here,
    so both agree to the bit), read a doubling slice at a time. It is the way when such a
    stem is held by ``JOIN_FIRST`` claims or fewer, and it takes over from the threshold
    once that has read ``1 / JOIN_SHARE`` as many rows as the rarest such stem's claims,
    or at once when the stems' shares of the claims say (as if independent) that reading
    best first would need more.
  - *Every eligible claim*, when the caller says its filters leave few.
  A page after a cursor starts each stem's reading below the weight whose contribution alone
  exceeds the cursor's score.
- Ties are broken newest first (higher id first), as everywhere else.
"""

import math
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Iterator

from peewee import fn

from claims import deadlines, search, wording
from claims.db import database, is_postgres, write
from claims.models import Claim, ClaimTerm, SearchIndex, SearchTerm, utcnow

K1, B = 1.2, 0.75
SCALE = 1_000_000
MAX_TERM = 64
DEFAULT_AVERAGE = 16.0  # words that are not stop words, when the index is made empty
FIRST_CHUNK, MAX_CHUNK = 32, 4096
# Reading best first (rows of all the query's stems together) gives way to the intersection
# after 1/n as many rows as the rarest required stem's claims (SQLite, PostgreSQL): a row read
# that way cost about 10 (SQLite) and 40 (PostgreSQL) times a row of the join, measured.
JOIN_SHARE = (10, 40)
JOIN_FIRST = 2000  # a stem every match holds held by this few claims: intersect at once
JOINED = 8  # stems intersected in SQL at most; the others' weights are read after
STATISTICS_BATCH = 5000


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The index's form of one word (as ``search.WORDS`` finds them)."""
    folded = unicodedata.normalize("NFKD", word.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return wording.stem(plain)[:MAX_TERM]


def _is_stop(word: str) -> bool:
    return word.lower() in search.STOP_WORDS


def form(word: str) -> str:
    """A word as phrases are matched: its stem, or a stop word marked as one, so that it
    matches only itself (its stem may be another word's: "can", "cans")."""
    return "\0" + word.lower() if _is_stop(word) else stem(word)


def words(text: str) -> list[str]:
    """Every word of ``text`` in its ``form``, stop words included, in order."""
    return [form(word) for word in search.WORDS.findall(text)]


def terms(text: str) -> tuple[Counter, int]:
    """``(stem counts, length)`` of ``text``: stop words left out."""
    found = [stem(word) for word in search.WORDS.findall(text) if not _is_stop(word)]
    return Counter(found), len(found)


def weight(count: int, length: int, average: float) -> int:
    """BM25's term-frequency part, times ``SCALE``."""
    norm = K1 * (1 - B + B * length / average)
    return round(count * (K1 + 1) / (count + norm) * SCALE)


def postings(claim_id: int, text: str, average: float) -> list[tuple[str, int, int]]:
    """The ``claim_term`` rows of one claim."""
    counts, length = terms(text)
    return [(term, weight(count, length, average), claim_id) for term, count in counts.items()]


def idf(claims: int, holding: int) -> float:
    return math.log(1 + (claims - holding + 0.5) / (holding + 0.5))


# Statistics ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    version: int
    claims: int
    average_length: float


def snapshot() -> Snapshot:
    """The statistics in use: the latest version."""
    row = (
        SearchIndex.select(SearchIndex.version, SearchIndex.claims, SearchIndex.average_length)
        .order_by(SearchIndex.version.desc())
        .limit(1)
        .tuples()
        .first()
    )
    if row is None:
        return Snapshot(0, 0, DEFAULT_AVERAGE)
    return Snapshot(*row)


def _holding(version: int, stems: Iterable[str]) -> dict[str, int]:
    query = SearchTerm.select(SearchTerm.term, SearchTerm.claims).where(
        SearchTerm.version == version, SearchTerm.term.in_(list(stems))
    )
    return dict(query.tuples())


def refresh_statistics() -> Snapshot:
    """Make a new version of the statistics from the index as it is now, and use it.

    The counting is a read; the new rows go in by batches of short write transactions and
    the switch is one row. The version before stays, so that a search that read the switch
    half-done still finds its counts; older ones are removed. A cursor of any version but
    the latest is refused. A refresh cut off midway leaves rows of an unused version, which
    the next one removes first.
    """
    current = snapshot()
    counts = list(
        ClaimTerm.select(ClaimTerm.term, fn.COUNT(ClaimTerm.claim_id))
        .group_by(ClaimTerm.term)
        .tuples()
        .iterator()
    )
    claims = Claim.select().count()
    version = (SearchIndex.select(fn.MAX(SearchIndex.version)).scalar() or 0) + 1
    with write():
        SearchTerm.delete().where(SearchTerm.version >= version).execute()
    for start in range(0, len(counts), STATISTICS_BATCH):
        rows = [(version, term, held) for term, held in counts[start : start + STATISTICS_BATCH]]
        with write():
            SearchTerm.insert_many(
                rows, fields=[SearchTerm.version, SearchTerm.term, SearchTerm.claims]
            ).execute()
    with write():
        # The stored weights were made with this average: it stays.
        SearchIndex.insert(
            version=version,
            claims=claims,
            average_length=current.average_length,
            made_at=utcnow(),
        ).execute()
    with write():
        SearchTerm.delete().where(SearchTerm.version < current.version).execute()
        SearchIndex.delete().where(SearchIndex.version < current.version).execute()
    return snapshot()


def _claim_texts(chunk: int = 5000) -> Iterator[list[tuple[int, str]]]:
    """Every claim's ``(id, text)``, a chunk at a time, in id order."""
    last = 0
    param = database.param
    while True:
        rows = database.execute_sql(
            f'SELECT "id", "text" FROM "claim" WHERE "id" > {param} ORDER BY "id" LIMIT {param}',
            (last, chunk),
        ).fetchall()
        if not rows:
            return
        yield rows
        last = rows[-1][0]


def _average_length() -> float:
    total = count = 0
    for rows in _claim_texts():
        total += sum(terms(text)[1] for _, text in rows)
        count += len(rows)
    return total / count if count else DEFAULT_AVERAGE


def build() -> None:
    """Index every claim and make the first statistics, inside the caller's transaction
    (the migration that adds the index)."""
    average = _average_length()
    claims = 0
    for rows in _claim_texts():
        index_claims(rows, average)
        claims += len(rows)
    param = database.param
    database.execute_sql(
        'INSERT INTO "search_index" ("version", "claims", "average_length", "made_at") '
        f"VALUES (1, {param}, {param}, {param})",
        (claims, average, SearchIndex.made_at.db_value(utcnow())),
    )
    database.execute_sql(
        'INSERT INTO "search_term" ("version", "term", "claims") '
        'SELECT 1, "term", COUNT(*) FROM "claim_term" GROUP BY "term"'
    )


# Writing ------------------------------------------------------------------------------------


def _insert(rows: list[tuple[str, int, int]]) -> None:
    if not rows:
        return
    param = database.param
    database.cursor().executemany(
        f'INSERT INTO "claim_term" ("term", "weight", "claim_id") VALUES ({param}, {param}, '
        f"{param})",
        rows,
    )


def index_claims(claims: Iterable[tuple[int, str]], average: float | None = None) -> None:
    """Add the rows of new claims ``[(id, text)]``, inside the caller's write transaction."""
    average = snapshot().average_length if average is None else average
    _insert([row for claim_id, text in claims for row in postings(claim_id, text, average)])


def reindex_claim(claim_id: int, old_text: str, new_text: str) -> None:
    """Replace a claim's rows after its text changed, inside the caller's transaction."""
    average = snapshot().average_length
    old = set(postings(claim_id, old_text, average))
    new = set(postings(claim_id, new_text, average))
    for term, held, _ in old - new:
        ClaimTerm.delete().where(
            ClaimTerm.term == term, ClaimTerm.weight == held, ClaimTerm.claim_id == claim_id
        ).execute()
    _insert(sorted(new - old))


# Reading ------------------------------------------------------------------------------------


class StaleCursor(Exception):
    """The cursor was made with statistics that have since been refreshed."""


@dataclass
class _List:
    """One stem's claims, read best first."""

    term: str
    idf: float
    required: bool
    weight: int  # the reading position: no claim left to read weighs more
    last_id: int = 2**63 - 1
    done: bool = False

    def bound(self) -> float:
        return 0.0 if self.done else self.idf * self.weight / SCALE


def _read(entry: _List, size: int) -> list[int]:
    param = database.param
    rows = database.execute_sql(
        f'SELECT "weight", "claim_id" FROM "claim_term" WHERE "term" = {param} AND '
        f'("weight", "claim_id") < ({param}, {param}) '
        f'ORDER BY "weight" DESC, "claim_id" DESC LIMIT {param}',
        (entry.term, entry.weight, entry.last_id, size),
    ).fetchall()
    if rows:
        entry.weight, entry.last_id = rows[-1]
    if len(rows) < size:
        entry.done = True
    return [claim_id for _, claim_id in rows]


@dataclass(frozen=True)
class Compiled:
    """A parsed query in the index's form."""

    clauses: list  # [[phrase as a tuple of stems]]
    excluded: list
    scored: dict  # {stem: required}

    @classmethod
    def of(cls, query: search.Query) -> "Compiled":
        clauses = [[tuple(form(w) for w in phrase) for phrase in c] for c in query.clauses]
        excluded = [tuple(form(w) for w in phrase) for phrase in query.excluded]
        scored = {}
        for clause in query.clauses:
            stems = [{stem(w) for w in phrase if not _is_stop(w)} for phrase in clause]
            # A stem in every phrase of a clause is in every match.
            everywhere = set.intersection(*stems)
            for term in set.union(*stems):
                scored[term] = scored.get(term, False) or term in everywhere
        return cls(clauses, excluded, scored)

    def contradicts_itself(self) -> bool:
        """Whether every match would hold an excluded phrase (``base -base``): no claim can
        match, and reading the index for one would walk all of a word's claims."""
        return any(
            len(clause) == 1 and _within(phrase, clause[0])
            for clause in self.clauses
            for phrase in self.excluded
        )

    def score(self, text: str, idfs: dict[str, float], average: float) -> float | None:
        """The claim's score, or None when it does not match."""
        sequence = words(text)
        present = set(sequence)
        if not all(any(_holds(sequence, present, p) for p in c) for c in self.clauses):
            return None
        if any(_holds(sequence, present, phrase) for phrase in self.excluded):
            return None
        counts, length = terms(text)
        held = {t: weight(counts[t], length, average) for t in self.scored if counts[t]}
        return total(sorted(self.scored), idfs, held)


def total(terms: list[str], idfs: dict[str, float], held: dict[str, int]) -> float:
    """``idf * weight / SCALE`` summed over the sorted ``terms`` that ``held`` (stem ->
    stored weight) has: the one sum every score is, from a text or from the index, so that
    both agree to the bit (``_ranked_join`` writes the same operations in SQL)."""
    result = 0.0
    for term in terms:
        if term in held:
            result += idfs[term] * held[term] / SCALE
    return result


def _within(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    width = len(part)
    return any(whole[i : i + width] == part for i in range(len(whole) - width + 1))


def _holds(sequence: list[str], present: set[str], phrase: tuple[str, ...]) -> bool:
    if not all(word in present for word in phrase):
        return False
    if len(phrase) == 1:
        return True
    width = len(phrase)
    return any(
        tuple(sequence[i : i + width]) == phrase
        for i, word in enumerate(sequence)
        if word == phrase[0]
    )


@dataclass
class Ranked:
    """A page of ``(score, claim id)``, best first, and the key after it (or None)."""

    items: list
    next_key: dict | None


Eligible = Callable[[list[int] | None], Iterable[tuple[int, str]]]


def best(
    query: search.Query,
    eligible: Eligible,
    *,
    limit: int,
    after: dict | None = None,
    few: bool = False,
) -> Ranked:
    """The page of claims best matching ``query`` among those ``eligible(ids)`` lets through.

    ``eligible(ids)`` gives ``(id, text)`` of the live claims among ``ids`` that pass the
    caller's filters; ``eligible(None)`` all of them, used instead of the index when ``few``
    says there are few. ``after`` is a key this function returned (score, id, version).
    """
    current = snapshot()
    if after is not None and after["version"] != current.version:
        raise StaleCursor()
    compiled = Compiled.of(query)
    holding = _holding(current.version, compiled.scored)
    claims = max(current.claims, 1)
    idfs = {term: idf(claims, holding.get(term, 1)) for term in compiled.scored}
    found = _Search(compiled, idfs, current.average_length, eligible, limit, after)
    if compiled.contradicts_itself():
        pass  # no claim can match: nothing to read
    elif few:
        found.check_all()
    else:
        # The claims holding every stem that every match holds, joined from the rarest,
        # cost about that stem's claims: the way when they are few, or once reading each
        # stem best first (its best claims rarely holding the others) has read a share.
        rarest = min((holding.get(t, 1) for t in found.required), default=None)
        if rarest is not None and rarest <= JOIN_FIRST:
            found.intersection(holding)
        elif rarest is None:
            found.threshold(None)
        else:
            budget = rarest / JOIN_SHARE[is_postgres()]
            if found.reads_expected(holding, claims) > budget or not found.threshold(budget):
                found.intersection(holding)
    page = found.top()
    more, page = page[limit:], page[:limit]
    next_key = None
    if more and page:
        score, claim_id = page[-1]
        next_key = {"score": score, "id": claim_id, "version": current.version}
    return Ranked(page, next_key)


class _Search:
    """Candidates scored from the index's weights, checked on their text only as far as the
    page needs: a claim's score from its stored weights is its score from its text, when
    its text matches the query at all."""

    def __init__(self, compiled, idfs, average, eligible, limit, after):
        self.compiled, self.idfs, self.average = compiled, idfs, average
        self.eligible, self.limit, self.after = eligible, limit, after
        self.terms = sorted(compiled.scored)
        self.required = [term for term in self.terms if compiled.scored[term]]
        self.pool: dict[int, float] = {}  # candidates: id -> score from the index
        self.matches: dict[int, bool] = {}  # candidates checked on their text

    def _comes_after(self, score, claim_id):
        after = self.after
        return after is None or (score, claim_id) < (after["score"], after["id"])

    def add(self, weights: dict[int, dict[str, int]]) -> None:
        """Candidates with the weights of the query's stems they hold."""
        for claim_id, held in weights.items():
            if all(term in held for term in self.required):
                score = total(self.terms, self.idfs, held)
                if self._comes_after(score, claim_id):
                    self.pool[claim_id] = score

    def _check(self, ids):
        for start in range(0, len(ids), 900):
            deadlines.check()
            part = ids[start : start + 900]
            for claim_id in part:
                self.matches[claim_id] = False
            self._take(self.eligible(part))

    def check_all(self) -> None:
        """Every eligible claim, checked on its text (few claims pass the filters)."""
        self._take(self.eligible(None))

    def _take(self, rows):
        """Mark the rows ``(id, text)`` that match and come after the cursor, with their
        score (from the index the same, unless the text just changed)."""
        for claim_id, text in rows:
            score = self.compiled.score(text, self.idfs, self.average)
            if score is not None and self._comes_after(score, claim_id):
                self.matches[claim_id] = True
                self.pool[claim_id] = score

    def top(self) -> list[tuple[float, int]]:
        """The best ``limit`` + 1 candidates that match: candidates are checked best first,
        in batches that start at what the page still needs and double."""
        ranked = sorted(((score, i) for i, score in self.pool.items()), reverse=True)
        chosen: list[tuple[float, int]] = []
        position, batch = 0, self.limit + 1
        while len(chosen) <= self.limit and position < len(ranked):
            window = ranked[position : position + batch]
            self._check([i for _, i in window if i not in self.matches])
            for _, claim_id in window:
                if self.matches[claim_id] and len(chosen) <= self.limit:
                    chosen.append((self.pool[claim_id], claim_id))
            position += len(window)
            batch *= 2
        return sorted(chosen, reverse=True)

    def reads_expected(self, holding: dict[str, int], claims: int) -> float:
        """About how many rows reading best first takes to meet the page's claims, were the
        stems independent: the page over the share of a stem's claims holding the others,
        for the stem where that share is highest, times the stems read."""
        shares = [min(1.0, holding.get(term, 1) / claims) for term in self.required]
        meeting = max(math.prod(shares[:i] + shares[i + 1 :]) for i in range(len(shares)))
        return len(self.terms) * (self.limit + 1) / max(meeting, 1e-12)

    def threshold(self, budget: float | None) -> bool:
        """Fagin's threshold algorithm: read each stem's claims best first until no claim
        left unread can enter the page. False when ``budget`` rows read did not do (None:
        no bound)."""
        lists = [
            _List(term, self.idfs[term], term in self.required, _start(self.idfs[term], self.after))
            for term in self.terms
        ]
        size, read, seen = FIRST_CHUNK, 0, set()
        while budget is None or read < budget:
            deadlines.check()
            fresh = set()
            for entry in lists:
                if not entry.done:
                    rows = _read(entry, size)
                    read += len(rows)
                    fresh.update(rows)
            fresh -= seen
            seen |= fresh
            self.add(_weights(sorted(fresh), self.terms))
            if all(e.done for e in lists) or any(e.done and e.required for e in lists):
                return True
            page = self.top()
            if len(page) > self.limit:
                score, claim_id = page[self.limit]
                bound = sum(e.bound() for e in lists)
                if score > bound or (
                    score == bound and claim_id >= min(e.last_id for e in lists if not e.done)
                ):
                    return True
            size = min(size * 2, MAX_CHUNK)
        return False

    def intersection(self, holding: dict[str, int]) -> None:
        """The claims holding every stem that every match holds: the index joined with
        itself from the rarest stem, best first by the same sum computed in SQL (the same
        floating-point operations in the same order), a growing slice at a time until the
        page is known. A query of more than ``JOINED`` stems joins the rarest ``JOINED``
        and reads the others' weights for every claim found."""
        joined = sorted(self.required, key=lambda term: (holding.get(term, 1), term))[:JOINED]
        if len(self.terms) > JOINED:
            found = _joined(joined)
            others = [term for term in self.terms if term not in joined]
            for claim_id, held in _weights(list(found), others).items():
                found[claim_id].update(held)
            self.add(found)
            return
        after, size = self.after, 4 * (self.limit + 1)
        while True:
            deadlines.check()
            sql, params = _ranked_join(joined, self.terms, self.idfs, after)
            rows = database.execute_sql(sql, (*params, size)).fetchall()
            self.pool.update({claim_id: score for claim_id, score in rows})
            if len(rows) < size:
                return
            page = self.top()
            last = rows[-1][1], rows[-1][0]
            if len(page) > self.limit and page[self.limit] > last:
                return
            # The next slice, after the last row read: each is twice the one before.
            after, size = {"score": last[0], "id": last[1]}, size * 2


def _join(alias: str, kind: str = "JOIN") -> str:
    """SQL joining ``alias``'s rows of one stem (a parameter) of the claim of ``t0``."""
    param = database.param
    return (
        f' {kind} "claim_term" {alias} ON {alias}."term" = {param} '
        f'AND {alias}."claim_id" = t0."claim_id"'
    )


def _joined(joined: list[str]) -> dict[int, dict[str, int]]:
    """``{claim id: {stem: weight}}`` of the claims holding every ``joined`` stem."""
    param = database.param
    joins = "".join(_join(f"t{n}") for n in range(1, len(joined)))
    weights = ", ".join(f't{n}."weight"' for n in range(len(joined)))
    rows = database.execute_sql(
        f'SELECT t0."claim_id", {weights} FROM "claim_term" t0{joins} WHERE t0."term" = {param}',
        (*joined[1:], joined[0]),
    )
    return {row[0]: dict(zip(joined, row[1:])) for row in rows}


def _ranked_join(joined, terms, idfs, after):
    """SQL of ``(claim id, score)`` of the claims holding every ``joined`` stem, best first,
    the score summed as ``total`` sums it, after ``after`` when given; the
    parameter to add: LIMIT."""
    param = database.param
    real = "DOUBLE PRECISION" if is_postgres() else "REAL"
    alias = {term: f"t{n}" for n, term in enumerate(joined)}
    alias.update({term: f"o{n}" for n, term in enumerate(t for t in terms if t not in alias)})
    joins, params = [], []
    for term in joined[1:]:
        joins.append(_join(alias[term]))
        params.append(term)
    for term in terms:
        if alias[term].startswith("o"):
            joins.append(_join(alias[term], "LEFT JOIN"))
            params.append(term)
    score = f"CAST(0 AS {real})"
    for term in terms:
        held = f'COALESCE({alias[term]}."weight", 0)'
        score = f"({score} + CAST({param} AS {real}) * {held} / CAST({SCALE} AS {real}))"
    score_params = [idfs[term] for term in terms]
    inner = (
        f'SELECT t0."claim_id" AS claim_id, {score} AS score FROM "claim_term" t0'
        f'{"".join(joins)} WHERE t0."term" = {param}'
    )
    sql = f"SELECT claim_id, score FROM ({inner}) ranked"
    all_params = [*score_params, *params, joined[0]]
    if after is not None:
        sql += f" WHERE (score < {param} OR (score = {param} AND claim_id < {param}))"
        all_params += [after["score"], after["score"], after["id"]]
    sql += f" ORDER BY score DESC, claim_id DESC LIMIT {param}"
    return sql, all_params


def _weights(ids: list[int], terms: list[str]) -> dict[int, dict[str, int]]:
    """``{claim id: {stem: weight}}`` of the ``terms`` each of ``ids`` holds: one probe of
    the (term, claim, weight) index per pair. PostgreSQL's planner would rather read every
    claim of the terms and filter, so the probe is spelled out there."""
    found: dict[int, dict[str, int]] = {claim_id: {} for claim_id in ids}
    for start in range(0, len(ids), 500):
        deadlines.check()
        part = ids[start : start + 500]
        if is_postgres():
            sql = (
                'SELECT c.id, t."term", t."weight" FROM unnest(%s::integer[]) AS c(id), '
                'LATERAL (SELECT "term", "weight" FROM "claim_term" WHERE "term" = ANY(%s) '
                'AND "claim_id" = c.id OFFSET 0) t'
            )
            params = (part, terms)
        else:
            sql = (
                f'SELECT "claim_id", "term", "weight" FROM "claim_term" WHERE "term" IN '
                f'({", ".join("?" * len(terms))}) AND "claim_id" IN ({", ".join("?" * len(part))})'
            )
            params = (*terms, *part)
        for claim_id, term, held in database.execute_sql(sql, params):
            found[claim_id][term] = held
    return found


def _start(idf_value: float, after: dict | None) -> int:
    """The weight to read below: above it, the stem's contribution alone beats the cursor."""
    top = round((K1 + 1) * SCALE) + 1
    if after is None or idf_value <= 0:
        return top
    limit = after["score"] * SCALE / idf_value * (1 + 1e-9)
    return top if not limit < top else math.floor(max(limit, -1.0)) + 2
