"""The ``claims`` command, run as a user runs it: a process in a folder, configured by the
environment."""

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.api.helpers import ON_POSTGRES, auth

CLAIMS_COMMAND = Path(sys.executable).parent / "claims"


def run(folder, *args, **env):
    """Run ``claims args`` in ``folder`` with only the CLAIMS_* variables given in ``env``.

    The per-user data folder (where the default database lives) is ``folder/home-data``.
    """
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMS_")}
    environment["XDG_DATA_HOME"] = str(Path(folder) / "home-data")
    environment.update(env)
    return subprocess.run(
        [str(CLAIMS_COMMAND), *args],
        cwd=folder,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


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


def test_an_editor_made_on_the_command_line_gets_a_token_that_works(tmp_path, database_url, client):
    result = run(
        tmp_path,
        "editors",
        "create",
        "Night Desk",
        "--role",
        "admin",
        CLAIMS_DATABASE_URL=database_url,
    )
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


@pytest.mark.parametrize(
    ("command", "variable", "value"),
    [
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
    ],
)
def test_bad_configuration_exits_with_one_line_naming_the_variable(
    tmp_path, command, variable, value
):
    env = {"CLAIMS_DATABASE_URL": "sqlite:///claims.db", variable: value}
    result = run(tmp_path, *command, **env)
    assert result.returncode != 0
    (line,) = result.stderr.strip().splitlines()
    assert variable in line
    assert not (tmp_path / "claims.db").exists()


def one_line(result):
    """The single line a failing command writes; it fails, and writes no traceback."""
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    return line


def test_help_shows_the_service_s_own_options_and_the_version_is_asked_for(tmp_path):
    help_text = run(tmp_path, "--help").stdout
    for flask_option in ("--app", "--env-file", "--debug"):
        assert flask_option not in help_text
    assert "init-db" in help_text and "editors" in help_text
    version = run(tmp_path, "--version")
    assert version.returncode == 0
    assert re.fullmatch(r"claims \d+\.\d+\.\d+\S*\n", version.stdout)
    assert not (tmp_path / "home-data").exists()


def test_the_default_database_is_the_user_s_wherever_the_command_runs(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    default = tmp_path / "home-data" / "claims" / "claims.db"
    made = run(tmp_path, "init-db")
    assert made.returncode == 0, made.stderr
    assert made.stderr.strip() == f"claims: created the database {default}"
    editor = run(
        elsewhere, "editors", "create", "Night Desk", XDG_DATA_HOME=str(tmp_path / "home-data")
    )
    assert editor.returncode == 0, editor.stderr
    assert list(elsewhere.iterdir()) == []
    listed = run(tmp_path, "editors", "list")
    assert "Night Desk" in listed.stdout


@pytest.mark.parametrize(
    "command", [["editors", "create", "X"], ["serve", "--bind", "127.0.0.1:18199"]]
)
def test_a_command_that_needs_a_database_refuses_to_make_one_and_says_what_to_run(
    tmp_path, command
):
    line = one_line(run(tmp_path, *command))
    assert "claims init-db" in line
    assert not (tmp_path / "home-data" / "claims" / "claims.db").exists()


@pytest.mark.parametrize("command", [["serve", "--bind", "127.0.0.1:18199"], ["editors", "list"]])
def test_a_database_without_the_current_schema_is_refused_with_what_to_run(tmp_path, url, command):
    if not ON_POSTGRES:
        (tmp_path / "data").mkdir()
        sqlite3.connect(tmp_path / "data" / "claims.db").close()
    line = one_line(run(tmp_path, *command, CLAIMS_DATABASE_URL=url))
    assert line == "claims: the database has no schema: run `claims init-db`"


@pytest.mark.parametrize(
    "command", [["init-db"], ["export"], ["serve", "--bind", "127.0.0.1:18199"]]
)
def test_an_unreachable_database_is_one_line_naming_it(tmp_path, command):
    url = "postgresql://postgres:secret@127.0.0.1:1/claims"
    line = one_line(run(tmp_path, *command, CLAIMS_DATABASE_URL=url))
    assert line.startswith("claims: cannot use the database postgresql://postgres:***@127.0.0.1:1/")
    assert "Connection refused" in line


@pytest.mark.parametrize("command", [["init-db"], ["seed"]])
def test_a_database_path_that_cannot_be_made_is_one_line(tmp_path, command):
    (tmp_path / "a-file").write_text("not a folder")
    line = one_line(run(tmp_path, *command, CLAIMS_DATABASE_URL="sqlite:///a-file/claims.db"))
    assert line == (
        f"claims: cannot put the database in {tmp_path / 'a-file'}: it is a file, not a folder"
    )


def test_extract_prints_a_text_s_statements_without_any_database(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(
        "Bridge closed\n\nThe mayor said Monday that the bridge would reopen. "
        "\u201cIt is safe,\u201d said engineer Tom Ruiz.\n",
        encoding="utf-8",
    )
    table = run(
        tmp_path,
        "extract",
        str(article),
        "--published-at",
        "2026-03-04",
        CLAIMS_DATABASE_URL="postgresql://nobody@127.0.0.1:1/none",
    )
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["#", "kind", "speaker", "cue", "said", "on", "text"]
    assert lines[1].split()[:5] == ["0", "paraphrase", "mayor", "said", "2026-03-02"]
    assert lines[2].split()[:5] == ["1", "direct_quote", "Tom", "Ruiz", "said"]
    assert table.stderr.strip() == "2 statements"
    found = json.loads(run(tmp_path, "extract", str(article), "--json").stdout)
    assert [(c["kind"], c["text"], c["said_on"]) for c in found] == [
        ("paraphrase", "The mayor said Monday that the bridge would reopen.", None),
        ("direct_quote", "It is safe,", None),
    ]
    assert not (tmp_path / "home-data").exists()


def test_extract_refuses_a_file_that_is_not_text(tmp_path):
    (tmp_path / "image.bin").write_bytes(b"\xff\xfe\x00binary")
    result = run(tmp_path, "extract", "image.bin")
    assert result.returncode == 2
    assert "not UTF-8 text" in result.stderr and "Traceback" not in result.stderr
