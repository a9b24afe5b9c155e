"""The search syntax, and the full-text indexes (SQLite FTS5, PostgreSQL ``tsvector``)
that look up claims holding given words (suggestions' candidates). Ranking a search, and
the claims a ``q`` of the claim list matches, are ``claims.relevance``'s, on both databases.

Rules of the syntax:

- ``q`` holds terms: words, and "quoted phrases" (words in that order, next to each other).
  Every term must match, in any order, with English stemming ("notify" finds "notified").
- ``or`` between two terms lets either match: ``troops or soldiers base``.
- ``-word`` or ``-"a phrase"`` excludes the claims that have it.
- English stop words ("the", "of", "is": the list PostgreSQL uses) are left out of words;
  a ``q`` with no term left to match (stop words only, exclusions only, punctuation only)
  matches nothing. Punctuation splits words; a word written with inner punctuation
  ("U.S.", "well-known") is a phrase of its parts. No ``q`` can cause a syntax error.
- The indexes follow every change of ``claim.text`` by themselves (a trigger on SQLite, a
  generated column on PostgreSQL); soft-deleted claims stay indexed and are filtered out.
- The full-text indexes stem by Porter's algorithm on SQLite and Snowball's English on
  PostgreSQL: a few rare words stem differently there; the syntax and the stop words are the
  same.
"""

import re
from dataclasses import dataclass, field

from peewee import AutoField, Column, Expression, ModelSelect, fn
from playhouse.postgres_ext import TSVectorField
from playhouse.sqlite_ext import FTS5Model, RowIDField, SearchField

from claims.db import database, is_postgres
from claims.models import BaseModel, Claim

WORDS = re.compile(r"[^\W_]+")
LANGUAGE = "english"
TERM = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')
QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"'})
# PostgreSQL's english.stop (Snowball's list), so that both databases drop the same words.
STOP_WORDS = frozenset(
    """
i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
she her hers herself it its itself they them their theirs themselves what which who whom
this that these those am is are was were be been being have has had having do does did
doing a an the and but if or because as until while of at by for with about against
between into through during before after above below to from up down in out on off over
under again further then once here there when where why how all any both each few more
most other some such no nor not only own same so than too very s t can will just don
should now
""".split()
)


@dataclass
class Query:
    """A parsed ``q``: every clause must match (one of its phrases), no exclusion may."""

    clauses: list = field(default_factory=list)
    excluded: list = field(default_factory=list)


def parse(q: str) -> Query:
    """The ``Query`` of ``q``; phrases are tuples of lower-case words."""
    query, joined = Query(), False
    for match in TERM.finditer(q.translate(QUOTES)):
        negated = bool(match.group(1) or match.group(3))
        quoted = match.group(4) is None
        text = match.group(2) if quoted else match.group(4)
        if not quoted and not negated and text.lower() == "or":
            joined = bool(query.clauses)
            continue
        words = tuple(word.lower() for word in WORDS.findall(text))
        if not quoted and len(words) == 1 and words[0] in STOP_WORDS:
            words = ()
        if not words or all(word in STOP_WORDS for word in words):
            joined = False
            continue
        if negated:
            query.excluded.append(words)
        elif joined:
            query.clauses[-1].append(words)
        else:
            query.clauses.append([words])
        joined = False
    return query


def _fts5(query):
    """The FTS5 MATCH expression: every word is quoted, so nothing is an operator."""

    def phrase(words):
        return '"' + " ".join(words) + '"'

    expression = " AND ".join(
        "(" + " OR ".join(phrase(p) for p in clause) + ")" for clause in query.clauses
    )
    for words in query.excluded:
        expression += " NOT " + phrase(words)
    return expression


def _tsquery(query):
    """The PostgreSQL ``tsquery`` of the same query, built from phrase queries."""

    def phrase(words):
        return fn.phraseto_tsquery(LANGUAGE, " ".join(words))

    def combine(parts, function):
        result = parts[0]
        for part in parts[1:]:
            result = function(result, part)
        return result

    tsquery = combine(
        [combine([phrase(p) for p in clause], fn.tsquery_or) for clause in query.clauses],
        fn.tsquery_and,
    )
    for words in query.excluded:
        tsquery = fn.tsquery_and(tsquery, fn.tsquery_not(phrase(words)))
    return tsquery


class ClaimSearch(FTS5Model):
    """The SQLite FTS5 index (created by the migrations, not by peewee)."""

    rowid = RowIDField()
    text = SearchField()

    class Meta:
        database = database
        table_name = "claim_search"


class ClaimVector(BaseModel):
    """The ``search`` column that PostgreSQL generates on the claim table."""

    id = AutoField()
    search = TSVectorField()

    class Meta:
        table_name = "claim"


def matching(query: "ModelSelect[Claim]", q: str) -> "ModelSelect[Claim] | None":
    """``query`` restricted to the claims matching ``q`` by the full-text index; None when
    ``q`` has no term to match."""
    parsed = parse(q)
    if not parsed.clauses:
        return None
    if is_postgres():
        # The claim's own column: joining the table to itself would read each match twice.
        search = Column(Claim, ClaimVector.search.column_name)
        return query.where(Expression(search, "@@", _tsquery(parsed)))
    return query.join_from(Claim, ClaimSearch, on=(ClaimSearch.rowid == Claim.id)).where(
        ClaimSearch.match(_fts5(parsed))
    )
