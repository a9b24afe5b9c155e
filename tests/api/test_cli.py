"""The ``claims`` command, run as a user runs it: a process in a folder, configured by the
environment."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.api.helpers import ON_POSTGRES, auth

CLAIMS_COMMAND = Path(sys.executable).parent / "claims"


def run(folder, *args, **env):
    """Run ``claims args`` in ``folder`` with only the CLAIMS_* variables given in ``env``."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMS_")}
    environment.update(env)
    return subprocess.run([str(CLAIMS_COMMAND), *args], cwd=folder, env=environment,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def url(database_url, tmp_path):
    """A fresh, empty database: a relative SQLite file in ``tmp_path``, or the reset PostgreSQL."""
    return database_url if ON_POSTGRES else "sqlite:///data/claims.db"


def created(report):
    return {noun: int(count) for count, noun in re.findall(r"(\d+) (\w+) created", report)}


def test_init_db_can_run_twice(tmp_path, url):
    first = run(tmp_path, "init-db", CLAIMS_DATABASE_URL=url)
    second = run(tmp_path, "init-db", CLAIMS_DATABASE_URL=url)
    assert (first.returncode, second.returncode) == (0, 0), first.stderr + second.stderr
    assert first.stdout != second.stdout
    if not ON_POSTGRES:
        assert (tmp_path / "data" / "claims.db").is_file()


def test_seed_can_run_twice_and_the_second_time_creates_nothing(tmp_path, url):
    assert run(tmp_path, "init-db", CLAIMS_DATABASE_URL=url).returncode == 0
    first = run(tmp_path, "seed", CLAIMS_DATABASE_URL=url)
    second = run(tmp_path, "seed", CLAIMS_DATABASE_URL=url)
    assert (first.returncode, second.returncode) == (0, 0), first.stderr + second.stderr
    assert created(first.stdout)["claims"] == 15
    assert created(second.stdout) and set(created(second.stdout).values()) == {0}


def test_an_editor_made_on_the_command_line_gets_a_token_that_works(tmp_path, database_url,
                                                                    client):
    result = run(tmp_path, "editors", "create", "Night Desk", "--role", "admin",
                 CLAIMS_DATABASE_URL=database_url)
    assert result.returncode == 0, result.stderr
    (token,) = result.stdout.split()
    me = client.get("/api/v1/me", headers=auth(token))
    assert me.status_code == 200
    assert (me.get_json()["name"], me.get_json()["role"]) == ("Night Desk", "admin")
    assert token not in result.stderr


def test_an_editor_name_is_taken_once(tmp_path, database_url, make_editor):
    make_editor("editor", name="Night Desk")
    result = run(tmp_path, "editors", "create", "Night Desk", CLAIMS_DATABASE_URL=database_url)
    assert result.returncode != 0
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(("command", "variable", "value"), [
    (["init-db"], "CLAIMS_PUBLIC_READ", "maybe"),
    (["init-db"], "CLAIMS_DATABASE_URL", "mysql://x"),
    (["init-db"], "CLAIMS_DATABASE_URL", "sqlite:///:memory:"),
    (["init-db"], "CLAIMS_DATABASE_URL", ""),
    (["init-db"], "CLAIMS_MAX_BODY_BYTES", "12"),
    (["init-db"], "CLAIMS_MAX_BODY_BYTES", "lots"),
    (["seed"], "CLAIMS_PUBLIC_READ", "maybe"),
    (["seed"], "CLAIMS_DATABASE_URL", "mysql://x"),
    (["editors", "create", "X"], "CLAIMS_PUBLIC_READ", "maybe"),
    (["editors", "create", "X"], "CLAIMS_DATABASE_URL", "mysql://x"),
    (["serve", "--bind", "127.0.0.1:0"], "CLAIMS_PUBLIC_READ", "maybe"),
    (["serve", "--bind", "127.0.0.1:0"], "CLAIMS_DATABASE_URL", "mysql://x"),
])
def test_bad_configuration_exits_with_one_line_naming_the_variable(tmp_path, command, variable,
                                                                   value):
    env = {"CLAIMS_DATABASE_URL": "sqlite:///claims.db", variable: value}
    result = run(tmp_path, *command, **env)
    assert result.returncode != 0
    (line,) = result.stderr.strip().splitlines()
    assert variable in line
    assert not (tmp_path / "claims.db").exists()
