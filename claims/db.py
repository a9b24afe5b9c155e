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
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from peewee import Database, DatabaseError, DatabaseProxy, PostgresqlDatabase
from playhouse.db_url import connect as connect_url

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


class DatabaseUnavailable(Exception):
    """The database cannot be opened or does not answer; the message is one line saying why."""


def check_url(url: str) -> str:
    """Raise ``DatabaseUrlError`` unless ``url`` names a database this service can use."""
    scheme = urlsplit(url).scheme
    if scheme == "sqlite":
        path = url[len("sqlite:///") :] if url.startswith("sqlite:///") else ""
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


def sqlite_path(url: str) -> str | None:
    """The file a ``sqlite:///`` URL names, made absolute; None for other databases."""
    if not url.startswith("sqlite:///"):
        return None
    return os.path.abspath(url[len("sqlite:///") :])


def describe(url: str) -> str:
    """``url`` as it may be shown: a SQLite file's absolute path, or the URL without password."""
    path = sqlite_path(url)
    if path is not None:
        return path
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return parts._replace(netloc=f"{parts.username}:***@{host}").geturl()


def open_database(
    url: str,
    *,
    create: bool = True,
    statement_timeout_ms: int = STATEMENT_TIMEOUT_MS,
    lock_timeout_ms: int = LOCK_TIMEOUT_MS,
) -> Database:
    """Open the database named by ``url`` and bind the proxy to it.

    A SQLite file (and its folder) is made on first use only when ``create`` is true;
    otherwise a missing file raises ``DatabaseUnavailable``, as does a folder that cannot
    be made. Nothing connects yet: see ``connect()``.
    """
    scheme = check_url(url)
    if scheme == "sqlite":
        path = url[len("sqlite:///") :]
        if not create and not os.path.exists(path):
            raise DatabaseUnavailable(
                f"there is no database at {sqlite_path(url)}: run `claims init-db` "
                "(or set CLAIMS_DATABASE_URL to the database you mean)"
            )
        folder = os.path.dirname(path)
        if folder and os.path.exists(folder) and not os.path.isdir(folder):
            raise DatabaseUnavailable(
                f"cannot put the database in {os.path.abspath(folder)}: it is a file, not a folder"
            )
        if folder:
            try:
                os.makedirs(folder, exist_ok=True)
            except OSError as error:
                raise DatabaseUnavailable(
                    f"cannot make the folder {os.path.abspath(folder)} for the database: "
                    f"{error.strerror or error}"
                ) from None
        db = connect_url(
            "sqlite+pool://" + url[len("sqlite://") :],
            pragmas=(*SQLITE_PRAGMAS, ("busy_timeout", int(lock_timeout_ms))),
            lock_type="IMMEDIATE",
            check_same_thread=False,
            max_connections=32,
            stale_timeout=300,
        )
    else:
        db = connect_url(
            "postgresql+pool" + url[len(scheme) :],
            prefer_psycopg3=True,
            options=f"-c statement_timeout={int(statement_timeout_ms)} "
            f"-c lock_timeout={int(lock_timeout_ms)}",
            max_connections=32,
            stale_timeout=300,
        )
    database.initialize(db)
    return db


def first_line(error: BaseException) -> str:
    """The first non-empty line of an error's message (drivers write several)."""
    for line in str(error).splitlines():
        line = line.strip()
        if line:
            return line
    return type(error).__name__


def connect(url: str) -> None:
    """Connect the bound database now; raise ``DatabaseUnavailable`` with one line if it fails."""
    try:
        database.connect(reuse_if_open=True)
        ping()
    except DatabaseError as error:
        raise DatabaseUnavailable(
            f"cannot use the database {describe(url)}: {first_line(error)}"
        ) from None


def ping() -> None:
    """Ask the database for nothing; raises ``peewee.DatabaseError`` when it does not answer."""
    database.execute_sql("SELECT 1")


def is_postgres() -> bool:
    return isinstance(database.obj, PostgresqlDatabase)


@contextlib.contextmanager
def write() -> Iterator[Any]:
    """A write transaction: IMMEDIATE on SQLite, serialised by an advisory lock on PostgreSQL."""
    with database.atomic() as transaction:
        if is_postgres() and database.transaction_depth() == 1:
            database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))
        yield transaction
