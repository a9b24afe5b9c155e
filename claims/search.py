"""Full-text search over claims: SQLite FTS5 or PostgreSQL ``tsvector``, one interface.

Rules:

- ``q`` is free text. Its words must all occur (in any order, English stemming); on
  PostgreSQL "quoted phrases", ``or`` and ``-word`` work as in a web search engine. A ``q``
  with no words matches nothing. No ``q`` can cause a syntax error.
- ``score`` orders by relevance, best first (lower is better). It depends only on the claim
  and the query (PostgreSQL's ``ts_rank``; on SQLite the density of the query's words), so
  it stays put while others write, and can serve as a keyset.
- The indexes follow every change of ``claim.text`` by themselves (a trigger on SQLite, a
  generated column on PostgreSQL); soft-deleted claims stay indexed and are filtered out.
"""

import re

from peewee import AutoField, fn
from playhouse.postgres_ext import TSVectorField
from playhouse.sqlite_ext import FTS5Model, RowIDField, SearchField

from claims.db import database, is_postgres
from claims.models import BaseModel, Claim

WORDS = re.compile(r"[^\W_]+")
LANGUAGE = "english"


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


def ranked(query, q):
    """``(query, score)``: ``query`` restricted to claims matching ``q``, and their score.

    Returns ``(None, None)`` when ``q`` holds no word.
    """
    if is_postgres():
        tsquery = fn.websearch_to_tsquery(LANGUAGE, q)
        # "-expr" would compile as DESC in peewee: negate by multiplying.
        score = (fn.ts_rank(ClaimVector.search, tsquery) * -1).cast("float8")
        query = query.join_from(Claim, ClaimVector, on=(ClaimVector.id == Claim.id)).where(
            ClaimVector.search.match(q, LANGUAGE, websearch=True)
        )
        return query, score
    words = WORDS.findall(q)
    if not words:
        return None, None
    expression = " ".join('"%s"' % word for word in words)
    query = query.join_from(Claim, ClaimSearch, on=(ClaimSearch.rowid == Claim.id)).where(
        ClaimSearch.match(expression)
    )
    return query, _term_density(words)


def _term_density(words):
    """Minus the occurrences of the query's words per character of the claim.

    FTS5's bm25() weighs terms by statistics of the whole index, so every write moves every
    score and a cursor taken from one page would no longer fit the next. This score depends
    on the claim alone; every match contains every word, so rarity adds little anyway.
    """
    text = fn.lower(Claim.text)
    occurrences = None
    for word in {w.lower() for w in words}:
        count = (fn.length(text) - fn.length(fn.replace(text, word, ""))) / len(word)
        occurrences = count if occurrences is None else occurrences + count
    return (occurrences * -1.0) / (fn.length(Claim.text) + 50)
