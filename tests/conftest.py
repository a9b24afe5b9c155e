"""Fixtures shared by every layer.

Each test gets its own database: a fresh SQLite file in a temporary folder, or, when
``CLAIMS_TEST_DATABASE_URL`` names a PostgreSQL database, that database with its public
schema dropped and made again. Data is built through the domain's use cases.
"""

import os

import pytest

from claims.db import database, open_database
from claims.editors import create_editor, system_editor
from claims.migrations import migrate

POSTGRES_URL = os.environ.get("CLAIMS_TEST_DATABASE_URL")
# The suite sends hundreds of requests a minute from one address; the rate-limit tests turn
# limits on for their own apps and servers.
os.environ.setdefault("CLAIMS_RATE_LIMITS", "off")


def _reset_postgres(url):
    import psycopg

    with psycopg.connect(url.replace("postgresql+pool", "postgresql"), autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


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
def db(database_url):
    """An open, migrated database bound to the domain's proxy."""
    engine = open_database(database_url)
    migrate()
    yield engine
    engine.close_all()


@pytest.fixture
def app(db, database_url):
    from api import create_app

    app = create_app({"DATABASE_URL": database_url})
    app.config["TESTING"] = True
    return app


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
    """The seed article loaded; returns the fixture data."""
    from seeds.loader import fixture, load

    load()
    return fixture()
