"""Speed of suggested links among many stored claims (``python -m bench.suggestions --speed``).

The corpus (``python -m bench.corpus FILE``: 1,000,000 claims at scale 1) is imported into
a fresh database with ``claims import``, unless ``--keep`` finds it there already; then
the suggestions of claims sampled evenly over the ids are read over HTTP, one claim per
call, each claim once (no cache can help): median and 99th percentile.
"""

import os
import random
import subprocess
import sys
import time

from bench.harness import backend_name, fresh_database, get, server, summary
from claims.db import database, open_database
from claims.models import Claim

SAMPLE_SEED = 12


def _import(corpus, url):
    fresh_database(url).close()
    started = time.monotonic()
    command = os.path.join(os.path.dirname(sys.executable), "claims")
    subprocess.run(
        [command, "import", corpus],
        env={**os.environ, "CLAIMS_DATABASE_URL": url},
        check=True,
        stdout=sys.stderr,
    )
    return time.monotonic() - started


def speed(corpus, url, calls, keep=False):
    """Print one README table row of the suggestions' latency on the database at ``url``."""
    url = url or "sqlite:///" + os.path.abspath("bench-suggestions.db")
    open_database(url)
    stored = 0
    if keep:
        try:
            stored = Claim.select().count()
        except Exception:  # no schema yet
            stored = 0
    database.close()
    if not stored:
        seconds = _import(corpus, url)
        print(f"imported {corpus} in {seconds:.0f} s", file=sys.stderr)
        open_database(url)
        stored = Claim.select().count()
        database.close()
    open_database(url)
    top = Claim.select(Claim.id).order_by(Claim.id.desc()).scalar()
    database.close()
    # Anonymous calls in a row would soon meet the per-address rate limit (429).
    os.environ["CLAIMS_RATE_LIMITS"] = "off"
    rng = random.Random(SAMPLE_SEED)
    sample = rng.sample(range(1, top + 1), min(calls + 10, top))
    times, shown = [], 0
    with server(url) as port:
        for number, claim_id in enumerate(sample):
            started = time.perf_counter()
            status, body = get(port, f"/api/v1/claims/{claim_id}/suggestions?limit=5")
            elapsed = (time.perf_counter() - started) * 1000
            if status not in (200, 404):
                raise RuntimeError(f"suggestions of {claim_id} answered {status}")
            if number >= 10 and status == 200:  # the first calls warm the server up
                times.append(elapsed)
                shown += body.count(b'"type"')
    result = summary(times)
    backend = backend_name(url)
    print(
        f"| suggestions of one claim, {stored:,} claims | {backend} | {result['p50']:.1f} ms "
        f"| {result['p99']:.1f} ms | {result['calls']} | {shown / max(1, len(times)):.1f} |"
    )
