"""The ``claims`` command: init-db, seed, serve, import, export, extract, editors.

Every command checks its configuration and database before it works: a bad setting, a
database that cannot be reached or made, or a schema that is missing or behind is reported
on one line of standard error, with a non-zero exit status, never a traceback. Only
``init-db`` and ``seed`` make a database (and say where); the others refuse to run on one
that has no current schema and say what to run. ``extract`` needs no database at all.
"""

import functools
import json
import os
import shutil
import sys
import tempfile

import click
from peewee import DatabaseError

from api.bulk import checks_in_parallel, parse, parse_in_parallel, to_ndjson
from api.config import SERVICE_VERSION, ConfigError, load_config
from claims import relevance
from claims.bulk import BATCH_SIZE, import_lines
from claims.db import (
    DatabaseUnavailable,
    DatabaseUrlError,
    connect,
    database,
    first_line,
    open_database,
    sqlite_path,
)
from claims.editors import (
    COMMAND_LINE,
    create_editor,
    find_editor,
    list_editors,
    reissue_token,
    system_editor,
    update_editor,
)
from claims.enums import Role
from claims.errors import DomainError
from claims.exports import export_lines
from claims.extraction import extract
from claims.migrations import migrate, schema_state

CREATES_DATABASE = {"init-db", "seed"}


class NotReady(Exception):
    """The database's schema is missing or behind; the message says what to run."""


def ready_database(*, create: bool) -> None:
    """Open and connect the configured database; unless ``create``, its schema must be current.

    A SQLite file made here is announced on standard error with its absolute path.
    """
    url = load_config()["DATABASE_URL"]
    path = sqlite_path(url)
    new = path is not None and not os.path.exists(path)
    open_database(url, create=create)
    connect(url)
    if new:
        click.echo(f"claims: created the database {path}", err=True)
    if not create:
        advice = schema_state().advice()
        if advice:
            raise NotReady(advice)


def with_database(command):
    """Run ``command`` once the configured database is ready (``ready_database``; only
    ``init-db`` and ``seed`` may make it). Commands need no Flask app: the domain is enough."""

    @functools.wraps(command)
    def run(*args, **kwargs):
        ready_database(create=click.get_current_context().command.name in CREATES_DATABASE)
        return command(*args, **kwargs)

    return run


@click.group()
@click.version_option(
    SERVICE_VERSION, "--version", prog_name="claims", message="%(prog)s %(version)s"
)
def cli():
    """claims: a fact-tracking service for newsrooms.

    The database is CLAIMS_DATABASE_URL (sqlite:///file or postgresql://...); by default
    ~/.local/share/claims/claims.db ($XDG_DATA_HOME/claims/claims.db).
    """


@cli.command("init-db")
@with_database
def init_db():
    """Create or upgrade the schema (safe to run again)."""
    applied = migrate()
    click.echo(f"applied migrations {applied}" if applied else "schema is up to date")


@cli.command("seed")
@with_database
def seed():
    """Load the seed article and its claims (safe to run again; makes the schema if needed)."""
    from seeds.loader import load

    migrate()
    report = load()
    click.echo(report)


@cli.command("serve")
@click.option("--bind", default="127.0.0.1:8000", show_default=True)
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64))
def serve(bind, workers):
    """Serve the API with gunicorn, once the database answers with a current schema (gevent
    workers: api/serving.py says why)."""
    from api.launch import MULTIPROCESS_DIR
    from api.serving import gunicorn_argv

    ready_database(create=False)
    database.obj.close_all()
    # Each worker writes its metrics here; a scrape adds them up (see api/metrics.py).
    os.environ[MULTIPROCESS_DIR] = tempfile.mkdtemp(prefix="claims-metrics-")
    argv = gunicorn_argv(bind, workers, "--config", "python:api.metrics")
    os.execv(argv[0], argv)


@cli.command("import")
@click.argument("file", type=click.File("rb"))
@click.option(
    "--batch-size",
    default=BATCH_SIZE,
    show_default=True,
    type=click.IntRange(1, 100_000),
    help="Lines committed together.",
)
@click.option(
    "--jobs",
    default=os.cpu_count() or 1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Processes parsing lines and checking claims (1: none).",
)
@with_database
def import_file(file, batch_size, jobs):
    """Import an NDJSON file of sources, speakers, claims, relations and disputes.

    Rejected lines are listed on standard error with their number and reason; the
    exit status is 1 when any line was rejected.
    """
    editor = system_editor(COMMAND_LINE)
    size = _size(file)
    bar = None
    if size and sys.stderr.isatty():
        bar = click.progressbar(
            length=size,
            label="importing",
            file=sys.stderr,
            show_pos=False,
            show_percent=True,
            show_eta=True,
        )
    shown = 0

    def progress(report):
        nonlocal shown
        if bar is not None:
            bar.update(file.tell() - bar.pos)
        for number, reason in report.rejected[shown:]:
            click.echo(f"line {number}: {reason}", err=True)
        shown = len(report.rejected)

    lines = parse(file) if jobs == 1 else parse_in_parallel(file, jobs)
    with checks_in_parallel(jobs) as mapper:
        report = import_lines(
            lines, editor=editor, batch_size=batch_size, progress=progress, mapper=mapper
        )
    if bar is not None:
        bar.render_finish()
    if report.created.get("claim"):
        relevance.refresh_statistics()
    created = ", ".join(f"{count} {name}s" for name, count in report.created.items())
    click.echo(f"{report.lines} lines: created {created}; {len(report.rejected)} rejected")
    if report.rejected:
        sys.exit(1)


def _size(file):
    try:
        return os.fstat(file.fileno()).st_size
    except (OSError, ValueError):
        return None


@cli.group("search")
def search_commands():
    """The search index."""


@search_commands.command("refresh")
@with_database
def search_refresh():
    """Count again how many claims hold each word (BM25's statistics) and use the counts.

    Scores change, and cursors of search results taken before are refused. Run it after
    large changes (``claims import`` does) or on a schedule, e.g. nightly.
    """
    snapshot = relevance.refresh_statistics()
    click.echo(f"search statistics version {snapshot.version}: {snapshot.claims} claims")


@cli.command("export")
@click.argument("file", type=click.File("wb"), default="-")
@with_database
def export_file(file):
    """Write every live resource as NDJSON (to FILE, or standard output)."""
    for chunk in to_ndjson(export_lines()):
        file.write(chunk)


@cli.command("extract")
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option(
    "--published-at",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help='The text\'s publication date (YYYY-MM-DD): resolves "Tuesday".',
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def extract_file(file, published_at, as_json):
    """Print the attributed statements of a text file (no server or database needed)."""
    try:
        text = file.read()
    except UnicodeDecodeError:
        raise click.UsageError(f"{file.name} is not UTF-8 text.") from None
    found = extract(text, published_at.date() if published_at else None)
    if as_json:
        click.echo(json.dumps([_candidate(c) for c in found], ensure_ascii=False, indent=2))
        return
    rows = [("#", "kind", "speaker", "cue", "said on", "text")] + [
        (str(index), c.kind, c.speaker_name, c.cue, str(c.said_on or ""), " ".join(c.text.split()))
        for index, c in enumerate(found)
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(5)]
    room = max(20, shutil.get_terminal_size((120, 20)).columns - sum(widths) - 10)
    for row in rows:
        text = row[5] if len(row[5]) <= room else row[5][: room - 1] + "\u2026"
        click.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + text)
    click.echo(f"{len(found)} statements", err=True)


def _candidate(found):
    return {
        "kind": found.kind,
        "text": found.text,
        "start": found.start,
        "end": found.end,
        "cue": found.cue,
        "speaker_mention": found.mention,
        "speaker": {"id": None, "name": found.speaker_name, "kind": found.speaker_kind},
        "speaker_role": found.speaker_role,
        "said_on": found.said_on.isoformat() if found.said_on else None,
        "reported_via": found.reported_via,
        "confidence": found.confidence,
    }


@cli.group("editors")
def editors():
    """Manage editors."""


@editors.command("create")
@click.argument("name")
@click.option(
    "--role", type=click.Choice(Role.values()), default=Role.EDITOR.value, show_default=True
)
@click.option(
    "--expires-in-days",
    type=click.IntRange(1, 3650),
    default=None,
    help="The token expires after this many days (default: never).",
)
@with_database
def editors_create(name, role, expires_in_days):
    """Create an editor and print its token (shown only once)."""
    editor, token = create_editor(name=name, role=role, expires_in_days=expires_in_days)
    click.echo(token)
    click.echo(f"editor {editor.id} {editor.name!r} ({editor.role})", err=True)


@editors.command("token")
@click.argument("name")
@click.option(
    "--expires-in-days",
    type=click.IntRange(1, 3650),
    default=None,
    help="The new token expires after this many days (default: never).",
)
@with_database
def editors_token(name, expires_in_days):
    """Reissue an editor's token and print it (shown only once); the old one stops working."""
    editor, token = reissue_token(
        find_editor(name).id, by=system_editor(COMMAND_LINE), expires_in_days=expires_in_days
    )
    click.echo(token)
    click.echo(f"editor {editor.id} {editor.name!r}: token reissued", err=True)


@editors.command("list")
@with_database
def editors_list():
    """List editors with their roles, newest first."""
    by, cursor = system_editor(COMMAND_LINE), None
    while True:
        page = list_editors(by=by, limit=500, cursor=cursor)
        for editor in page.items:
            state = "active" if editor.active else "deactivated"
            click.echo(f"{editor.id}\t{editor.name}\t{editor.role}\t{state}")
        cursor = page.next_cursor
        if cursor is None:
            return


def _change_editor(name, **fields):
    editor = find_editor(name)
    update_editor(editor.id, by=system_editor(COMMAND_LINE), version=None, **fields)
    click.echo(f"editor {editor.id} {name!r}: " + ", ".join(f"{k}={v}" for k, v in fields.items()))


@editors.command("set-role")
@click.argument("name")
@click.argument("role", type=click.Choice(Role.values()))
@with_database
def editors_set_role(name, role):
    """Change an editor's role."""
    _change_editor(name, role=role)


@editors.command("deactivate")
@click.argument("name")
@with_database
def editors_deactivate(name):
    """Deactivate an editor: its token stops working at once."""
    _change_editor(name, active=False)


@editors.command("activate")
@click.argument("name")
@with_database
def editors_activate(name):
    """Reactivate a deactivated editor."""
    _change_editor(name, active=True)


def main() -> None:
    try:
        cli.main(standalone_mode=True)
    except (ConfigError, DatabaseUrlError) as error:
        click.echo(f"claims: {error}", err=True)
        sys.exit(2)
    except (DatabaseUnavailable, NotReady) as error:
        click.echo(f"claims: {error}", err=True)
        sys.exit(1)
    except DomainError as error:
        click.echo(f"claims: {error.detail}", err=True)
        sys.exit(1)
    except DatabaseError as error:
        click.echo(f"claims: the database failed: {first_line(error)}", err=True)
        sys.exit(1)
    except OSError as error:
        click.echo(
            f"claims: {error.strerror or error}"
            + (f": {error.filename}" if error.filename else ""),
            err=True,
        )
        sys.exit(1)
