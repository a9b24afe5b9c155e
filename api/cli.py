"""The ``claims`` command: init-db, seed, serve, import, export, editors (and Flask's own commands)."""

import os
import sys

import click
from flask.cli import FlaskGroup, with_appcontext

from api import create_app
from api.bulk import parse, parse_in_parallel, to_ndjson
from api.config import ConfigError, load_config
from claims.bulk import BATCH_SIZE, import_lines
from claims.db import DatabaseUrlError, check_url
from claims.editors import (
    COMMAND_LINE,
    create_editor,
    find_editor,
    list_editors,
    system_editor,
    update_editor,
)
from claims.enums import Role
from claims.errors import DomainError
from claims.exports import export_lines
from claims.migrations import migrate


@click.group(cls=FlaskGroup, create_app=create_app, add_default_commands=False,
             add_version_option=False)
def cli():
    """claims: a fact-tracking service for newsrooms."""


@cli.command("init-db")
@with_appcontext
def init_db():
    """Create or upgrade the schema (safe to run again)."""
    applied = migrate()
    click.echo(f"applied migrations {applied}" if applied else "schema is up to date")


@cli.command("seed")
@with_appcontext
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
    """Serve the API with gunicorn."""
    check_url(load_config()["DATABASE_URL"])
    os.execv(sys.executable, [
        sys.executable, "-m", "gunicorn", "--bind", bind, "--workers", str(workers),
        "--no-control-socket", "--access-logfile", "-", "api:create_app()",
    ])


@cli.command("import")
@click.argument("file", type=click.File("rb"))
@click.option("--batch-size", default=BATCH_SIZE, show_default=True,
              type=click.IntRange(1, 100_000), help="Lines committed together.")
@click.option("--jobs", default=os.cpu_count() or 1, show_default=True,
              type=click.IntRange(1, 64), help="Processes parsing lines (1: none).")
@with_appcontext
def import_file(file, batch_size, jobs):
    """Import an NDJSON file of sources, speakers, claims, relations and disputes.

    Rejected lines are listed on standard error with their number and reason; the
    exit status is 1 when any line was rejected.
    """
    editor = system_editor(COMMAND_LINE)
    size = _size(file)
    bar = None
    if size and sys.stderr.isatty():
        bar = click.progressbar(length=size, label="importing", file=sys.stderr,
                                show_pos=False, show_percent=True, show_eta=True)
    shown = 0

    def progress(report):
        nonlocal shown
        if bar is not None:
            bar.update(file.tell() - bar.pos)
        for number, reason in report.rejected[shown:]:
            click.echo(f"line {number}: {reason}", err=True)
        shown = len(report.rejected)

    lines = parse(file) if jobs == 1 else parse_in_parallel(file, jobs)
    report = import_lines(lines, editor=editor, batch_size=batch_size, progress=progress)
    if bar is not None:
        bar.render_finish()
    created = ", ".join(f"{count} {name}s" for name, count in report.created.items())
    click.echo(f"{report.lines} lines: created {created}; {len(report.rejected)} rejected")
    if report.rejected:
        sys.exit(1)


def _size(file):
    try:
        return os.fstat(file.fileno()).st_size
    except (OSError, ValueError):
        return None


@cli.command("export")
@click.argument("file", type=click.File("wb"), default="-")
@with_appcontext
def export_file(file):
    """Write every live resource as NDJSON (to FILE, or standard output)."""
    for chunk in to_ndjson(export_lines()):
        file.write(chunk)


@cli.group("editors")
def editors():
    """Manage editors."""


@editors.command("create")
@click.argument("name")
@click.option("--role", type=click.Choice(Role.values()), default=Role.EDITOR.value,
              show_default=True)
@with_appcontext
def editors_create(name, role):
    """Create an editor and print its token (shown only once)."""
    editor, token = create_editor(name=name, role=role)
    click.echo(token)
    click.echo(f"editor {editor.id} {editor.name!r} ({editor.role})", err=True)


@editors.command("list")
@with_appcontext
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
@with_appcontext
def editors_set_role(name, role):
    """Change an editor's role."""
    _change_editor(name, role=role)


@editors.command("deactivate")
@click.argument("name")
@with_appcontext
def editors_deactivate(name):
    """Deactivate an editor: its token stops working at once."""
    _change_editor(name, active=False)


@editors.command("activate")
@click.argument("name")
@with_appcontext
def editors_activate(name):
    """Reactivate a deactivated editor."""
    _change_editor(name, active=True)


def main():
    try:
        cli.main(standalone_mode=True)
    except (ConfigError, DatabaseUrlError) as error:
        click.echo(f"claims: {error}", err=True)
        sys.exit(2)
    except DomainError as error:
        click.echo(f"claims: {error.detail}", err=True)
        sys.exit(1)
