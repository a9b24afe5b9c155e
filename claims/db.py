"""The database: one proxy, opened from a URL, and the write transaction every use case uses.

Rules:

- ``sqlite:///relative.db`` or ``sqlite:////absolute.db`` (SQLite, the embedded default) and
  ``postgresql://user@host:port/name`` (production) are accepted; both are pooled, so a
  request's ``close()`` hands its connection back instead of tearing it down.
- SQLite connections enforce foreign keys, use WAL, wait at most ``lock_timeout_ms`` for a
  lock (then fail: the edge answers 503), and begin every transaction ``IMMEDIATE``: a
  transaction that reads and then writes can never fail with "database is locked" because
  another process committed in between.
- Nothing waits without bound on PostgreSQL either: every statement is cancelled after
  ``statement_timeout_ms`` and every lock wait (the writers' advisory lock included) after
  ``lock_timeout_ms``; the transaction then rolls back and the edge answers 503.
- On PostgreSQL every write transaction first takes one transaction-scoped advisory lock.
  Writes are therefore serialised: they cannot deadlock, a version check and the update it
  guards cannot interleave with another writer, and the change feed's ``seq`` values become
  visible in the order they were allocated. A newsroom's write rate is far below what one
  serialised writer sustains; reads are never blocked.
"""

import contextlib
import os
from urllib.parse import urlsplit

from peewee import DatabaseProxy, PostgresqlDatabase
from playhouse.db_url import connect

database = DatabaseProxy()

SQLITE_PRAGMAS = (
    ("journal_mode", "wal"),
    ("foreign_keys", 1),
    ("synchronous", "normal"),
)
STATEMENT_TIMEOUT_MS = 10_000
LOCK_TIMEOUT_MS = 5_000

# An arbitrary constant: the key of the advisory lock that serialises writers on PostgreSQL.
WRITE_LOCK_KEY = 7_210_416


class DatabaseUrlError(ValueError):
    """The database URL cannot be used; the message says what to fix."""


def check_url(url):
    """Raise ``DatabaseUrlError`` unless ``url`` names a database this service can use."""
    scheme = urlsplit(url).scheme
    if scheme == "sqlite":
        path = url[len("sqlite:///"):] if url.startswith("sqlite:///") else ""
        if not path or path == ":memory:":
            raise DatabaseUrlError(
                f"CLAIMS_DATABASE_URL={url!r}: give a file, e.g. sqlite:///data/claims.db "
                "(relative) or sqlite:////var/lib/claims/claims.db (absolute)"
            )
    elif scheme not in ("postgresql", "postgres"):
        raise DatabaseUrlError(
            f"CLAIMS_DATABASE_URL={url!r}: the scheme must be sqlite:/// or postgresql://"
        )
    return scheme


def open_database(url, *, statement_timeout_ms=STATEMENT_TIMEOUT_MS,
                  lock_timeout_ms=LOCK_TIMEOUT_MS):
    """Open the database named by ``url`` and bind the proxy to it."""
    scheme = check_url(url)
    if scheme == "sqlite":
        path = url[len("sqlite:///"):]
        folder = os.path.dirname(path)
        if folder:
            os.makedirs(folder, exist_ok=True)
        db = connect(
            "sqlite+pool://" + url[len("sqlite://"):],
            pragmas=(*SQLITE_PRAGMAS, ("busy_timeout", int(lock_timeout_ms))),
            lock_type="IMMEDIATE",
            check_same_thread=False,
            max_connections=32,
            stale_timeout=300,
        )
    else:
        db = connect(
            "postgresql+pool" + url[len(scheme):],
            prefer_psycopg3=True,
            options=f"-c statement_timeout={int(statement_timeout_ms)} "
                    f"-c lock_timeout={int(lock_timeout_ms)}",
            max_connections=32,
            stale_timeout=300,
        )
    database.initialize(db)
    return db


def ping():
    """Ask the database for nothing; raises ``peewee.DatabaseError`` when it does not answer."""
    database.execute_sql("SELECT 1")


def is_postgres():
    return isinstance(database.obj, PostgresqlDatabase)


@contextlib.contextmanager
def write():
    """A write transaction: IMMEDIATE on SQLite, serialised by an advisory lock on PostgreSQL."""
    with database.atomic() as transaction:
        if is_postgres() and database.transaction_depth() == 1:
            database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))
        yield transaction
