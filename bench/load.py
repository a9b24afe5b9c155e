"""Reads under load: the service against the bare floor (bench/floor.py), side by side.

    python -m bench.load /tmp/corpus.db [--seconds 10] [--rounds 3]
    python -m bench.load postgresql://postgres@127.0.0.1:5432/corpus

Both are served by gunicorn with 2 workers from the same database, a SQLite file or a
PostgreSQL URL (loaded with ``claims import`` of a bench/corpus.py file); wrk drives each
with 16 connections, one run after the other, interleaved for ``rounds`` rounds so that a
busy machine slows both alike. Prints req/s, p50 and p99 of each and the ratio service /
floor (medians over the rounds). ``bench.writes`` measures writes the same way.
"""

import argparse
import contextlib
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from urllib.parse import quote

from claims.pages import encode_cursor

SERVICE_PORT, FLOOR_PORT = 18001, 18002
SEARCHES = ("zeppelin", "officials", "permanent base", "officials year would also")
RANDOM_DETAIL = """
math.randomseed(7)
request = function()
  return wrk.format(nil, "/api/v1/claims/" .. math.random(1, %d))
end
"""


def _serve(command, port, env):
    process = subprocess.Popen(
        command, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/claims/1", timeout=2)
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"nothing answers on port {port}")


def wrk(port, path, seconds, script=None, connections=16):
    """One wrk run against 127.0.0.1:``port``: ``(req/s, p50 ms, p99 ms, non-2xx answers)``."""
    command = ["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--latency"]
    if script:
        command += ["-s", script]
    output = subprocess.run(
        command + [f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))

    def latency(percent):
        value, unit = re.search(rf"\s{percent}%\s+([\d.]+)(us|ms|s)", output).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rate, latency(50), latency(99), int(errors.group(1)) if errors else 0


def corpus(database):
    """``(service URL, floor's FLOOR_DATABASE, an open DB-API connection)`` of ``database``,
    a SQLite path or a PostgreSQL URL."""
    if database.startswith("postgresql"):
        import psycopg

        return database, database, psycopg.connect(database, autocommit=True)
    path = os.path.abspath(database)
    return f"sqlite:///{path}", path, sqlite3.connect(path)


@contextlib.contextmanager
def service_and_floor(url, floor_database):
    """The service and the floor, each gunicorn with 2 workers, on their ports."""
    gunicorn = [sys.executable, "-m", "gunicorn", "--workers", "2", "--no-control-socket"]
    started = []
    try:
        started.append(
            _serve(
                gunicorn + ["--bind", f"127.0.0.1:{SERVICE_PORT}", "api:create_app()"],
                SERVICE_PORT,
                # One address sends everything: the per-address rate limit would answer 429s.
                {"CLAIMS_DATABASE_URL": url, "CLAIMS_RATE_LIMITS": "off"},
            )
        )
        started.append(
            _serve(
                gunicorn + ["--bind", f"127.0.0.1:{FLOOR_PORT}", "bench.floor:app"],
                FLOOR_PORT,
                {"FLOOR_DATABASE": floor_database},
            )
        )
        yield started[0]
    finally:
        for process in started:
            process.terminate()
            process.wait()


def worker_rss(service):
    """The RSS of the service's workers, as text."""
    rss = subprocess.run(
        ["ps", "--ppid", str(service.pid), "-o", "rss="], capture_output=True, text=True
    ).stdout.split()
    return ", ".join(f"{int(kb) / 1024:.0f} MB" for kb in rss)


def arguments(doc, argv, rounds):
    """The command line every load benchmark takes: the database, seconds and rounds."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("database", help="a SQLite file or a PostgreSQL URL")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=rounds)
    return parser.parse_args(argv)


def main(argv=None):
    args = arguments(__doc__, argv, rounds=3)
    url, floor_database, db = corpus(args.database)
    (last,) = db.execute("SELECT max(id) FROM claim").fetchone()
    (speaker,) = db.execute(
        "SELECT speaker_id FROM claim GROUP BY speaker_id ORDER BY count(*) DESC LIMIT 1 OFFSET 50"
    ).fetchone()
    (dispute, positions) = db.execute(
        "SELECT dispute_id, count(*) FROM position GROUP BY dispute_id ORDER BY 2 DESC LIMIT 1"
    ).fetchone()
    (contradicted,) = db.execute(
        "SELECT claim_id FROM position WHERE dispute_id = %s AND stance = 'affirms' "
        "ORDER BY claim_id LIMIT 1" % int(dispute)
    ).fetchone()
    db.close()
    script = os.path.join(tempfile.mkdtemp(), "detail.lua")
    with open(script, "w") as out:
        out.write(RANDOM_DETAIL % last)
    deep = last - 500_000 if last > 600_000 else last // 2
    cases = [
        ("claim detail (random id)", "/api/v1/claims/1", "/api/v1/claims/1", script),
        ("list, first page of 50", "/api/v1/claims?limit=50", "/api/v1/claims?limit=50", None),
        (
            f"list, 50 below id {deep}",
            f"/api/v1/claims?limit=50&cursor={encode_cursor({'id': deep})}",
            f"/api/v1/claims?limit=50&before={deep}",
            None,
        ),
        (
            f"one speaker's claims ({speaker})",
            f"/api/v1/claims?limit=50&speaker_id={speaker}",
            f"/api/v1/claims?limit=50&speaker_id={speaker}",
            None,
        ),
        (
            f"contradictions of a claim in the largest dispute ({contradicted}), first 50",
            f"/api/v1/claims/{contradicted}/contradictions",
            f"/api/v1/claims/{contradicted}/contradictions",
            None,
        ),
        (
            f"comparison, {positions} positions (the floor suggests no placements)",
            f"/api/v1/disputes/{dispute}/comparison",
            f"/api/v1/disputes/{dispute}/comparison",
            None,
        ),
        # Search has no floor: its target is absolute (p50 under 50 ms at any breadth).
        *(
            (f"search {q!r}, top 20", f"/api/v1/claims?limit=20&q={quote(q)}", None, None)
            for q in SEARCHES
        ),
    ]
    with service_and_floor(url, floor_database) as service:
        print(
            "| request | service req/s | p50 ms | p99 ms | floor req/s | p50 ms | p99 ms "
            "| service / floor |"
        )
        print("|---|---|---|---|---|---|---|---|")
        for label, service_path, floor_path, lua in cases:
            runs = {"service": [], "floor": []}
            for _ in range(args.rounds):
                runs["service"].append(wrk(SERVICE_PORT, service_path, args.seconds, lua))
                if floor_path:
                    runs["floor"].append(wrk(FLOOR_PORT, floor_path, args.seconds, lua))
            s = [statistics.median(r[i] for r in runs["service"]) for i in range(4)]
            row = f"| {label} | {s[0]:,.0f} | {s[1]:.1f} | {s[2]:.1f} | "
            if floor_path:
                f = [statistics.median(r[i] for r in runs["floor"]) for i in range(3)]
                row += f"{f[0]:,.0f} | {f[1]:.1f} | {f[2]:.1f} | {s[0] / f[0]:.2f} |"
            else:
                row += "- | - | - | - |"
            print(row + (f" ({s[3]:.0f} errors)" if s[3] else ""), flush=True)
        print("service worker RSS after the runs: " + worker_rss(service))


if __name__ == "__main__":
    main()
