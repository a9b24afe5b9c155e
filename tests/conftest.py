"""Fixtures shared by every layer.

Each test gets its own database: a fresh SQLite file in a temporary folder, or, when
``CLAIMS_TEST_DATABASE_URL`` names a PostgreSQL database, that database with its public
schema dropped and made again. Data is built through the domain's use cases.

The suite runs in parallel (pytest-xdist, ``-n auto`` in pyproject.toml; ``-n 0`` runs it in
one process). Each worker has its own PostgreSQL database, named after the given one and the
worker (``test_gw0``, ``test_gw1``...), made on first use.

The app (and its OpenAPI spec) is built once per session: building it is most of the cost of
an HTTP test. Each test rebinds the domain's database proxy to its own database and gets the
app's configuration back as it was built, so tests stay as isolated as with a fresh app.
"""

import compileall
import contextlib
import os
import shutil
from pathlib import Path

import pytest

from claims.db import database, open_database
from claims.editors import create_editor, system_editor
from claims.migrations import migrate


def _worker_database(url):
    """``url`` for this xdist worker: the same server, a database of the worker's own."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not url or not worker:
        return url
    import psycopg

    base, _, name = url.rpartition("/")
    own = f"{name}_{worker}"
    with psycopg.connect(url.replace("postgresql+pool", "postgresql"), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (own,)).fetchone():
            conn.execute(f'CREATE DATABASE "{own}"')
    return f"{base}/{own}"


POSTGRES_URL = _worker_database(os.environ.get("CLAIMS_TEST_DATABASE_URL"))


def pytest_configure(config):
    """Compile the service's modules once, before xdist starts its workers: the suite starts
    about a hundred processes (CLI commands, gunicorn workers) that would each compile them
    again where PYTHONDONTWRITEBYTECODE keeps the interpreter from caching them (as on a
    machine that sets it). Only the first process of the run does it."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return
    root = Path(__file__).resolve().parent.parent
    for package in ("claims", "api", "schemas", "seeds"):
        compileall.compile_dir(root / package, quiet=1)


# The suite sends hundreds of requests a minute from one address; the rate-limit tests turn
# limits on for their own apps and servers.
os.environ.setdefault("CLAIMS_RATE_LIMITS", "off")


def _reset_postgres(url):
    import psycopg

    with psycopg.connect(url.replace("postgresql+pool", "postgresql"), autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


def open_migrated(url, template):
    """Open ``url`` with the current schema: a SQLite file as a copy of ``template`` (a file
    migrated once per session), PostgreSQL's emptied schema by migrating it."""
    if POSTGRES_URL:
        engine = open_database(url)
        migrate()
        return engine
    shutil.copyfile(template, url[len("sqlite:///") :])
    return open_database(url)


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory):
    """A SQLite file migrated once; each test starts from a copy of it."""
    path = tmp_path_factory.mktemp("template") / "claims.db"
    engine = open_database(f"sqlite:///{path}")
    migrate()
    engine.close_all()  # the last close checkpoints the WAL into the file
    return path


@pytest.fixture(scope="session")
def seeded_sqlite(migrated_sqlite, tmp_path_factory):
    """A copy of the migrated file with the seed article loaded (loading it costs more than
    most tests that read it)."""
    from seeds.loader import load

    path = tmp_path_factory.mktemp("seeded-template") / "claims.db"
    shutil.copyfile(migrated_sqlite, path)
    engine = open_database(f"sqlite:///{path}")
    load()
    engine.close_all()
    return path


@pytest.fixture
def database_url(tmp_path):
    if POSTGRES_URL:
        if database.obj is not None:
            database.close()
            database.obj.close_all()
        _reset_postgres(POSTGRES_URL)
        return POSTGRES_URL
    return f"sqlite:///{tmp_path}/claims.db"


@pytest.fixture
def db(request, database_url):
    """An open, migrated database bound to the domain's proxy.

    On SQLite the file is a copy of one migrated at the start of the session (migrating, even
    finding nothing to do, costs more than most tests), or, for a test that asks for
    ``seeded``, of one holding the seed too. On PostgreSQL the schema is made again.
    """
    template = None
    if not POSTGRES_URL:
        seeded = "seeded" in request.fixturenames
        template = request.getfixturevalue("seeded_sqlite" if seeded else "migrated_sqlite")
    engine = open_migrated(database_url, template)
    yield engine
    engine.close_all()


@pytest.fixture(scope="session")
def shared_app(tmp_path_factory):
    """The ordinary app, built once; its own throwaway database is never used by a test."""
    from api import create_app

    folder = tmp_path_factory.mktemp("shared-app")
    app = create_app({"DATABASE_URL": f"sqlite:///{folder}/unused.db"})
    database.obj.close_all()
    app.config["TESTING"] = True
    return app


@contextlib.contextmanager
def rebound(app, engine, database_url):
    """``app`` serving ``engine`` for one test; its configuration is restored afterwards."""
    saved = dict(app.config)
    database.initialize(engine)
    app.config["DATABASE_URL"] = database_url
    try:
        yield app
    finally:
        app.config.clear()
        app.config.update(saved)


@pytest.fixture
def app(shared_app, db, database_url):
    """The shared app bound to this test's database."""
    with rebound(shared_app, db, database_url) as app:
        yield app


@pytest.fixture
def system(db):
    return system_editor("test system")


@pytest.fixture
def make_editor(db):
    def make(role="editor", name=None):
        make.count += 1
        return create_editor(name=name or f"{role} {make.count}", role=role)

    make.count = 0
    return make


@pytest.fixture
def editor(make_editor):
    return make_editor("editor")[0]


@pytest.fixture
def admin(make_editor):
    return make_editor("admin")[0]


@pytest.fixture
def seed_text():
    from seeds.loader import fixture

    return fixture()["source"]["text"]


@pytest.fixture
def seeded(db):
    """The seed article loaded (on SQLite, copied in with the database); returns the fixture
    data."""
    from seeds.loader import fixture, load

    if POSTGRES_URL:
        load()
    return fixture()
