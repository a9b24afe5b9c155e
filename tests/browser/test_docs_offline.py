"""The API reference renders in a real browser with the network off.

Chromium (Debian's ``chromium`` package, installed by ``.ci/run``) loads ``/api/v1/docs``
from a gunicorn server with every host name but 127.0.0.1 made unresolvable, runs the
page's scripts, and hands back the rendered DOM: every operation of the spec must be listed.
A page that loaded Swagger UI from a CDN would render nothing here.
"""

import json
import os
import re
import shutil
import subprocess

import pytest

from tests.servers import Server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None and not os.environ.get("CI"),
        reason="no chromium here (CI installs Debian's package)",
    ),
]

OPERATION = re.compile(r'class="opblock opblock-(get|post|put|patch|delete)[ "]')
PATH = re.compile(r'data-path="([^"]+)"')


def rendered(url, profile):
    """The DOM of ``url`` after its scripts ran, in a browser that can reach only 127.0.0.1."""
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            f"--user-data-dir={profile}",
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            "--virtual-time-budget=20000",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_the_docs_list_every_operation_with_no_network(db, database_url, tmp_path):
    server = Server(database_url, workers=1)
    try:
        status, _, spec = server.request("GET", "/api/v1/openapi.json")
        assert status == 200
        page = rendered(f"http://127.0.0.1:{server.port}/api/v1/docs", tmp_path / "profile")
    finally:
        server.stop()
    operations = [
        (method, path)
        for path, item in spec["paths"].items()
        for method in item
        if method in ("get", "post", "put", "patch", "delete")
    ]
    assert len(OPERATION.findall(page)) == len(operations), page[:3000]
    listed = set(PATH.findall(page))
    assert {path for _, path in operations} <= listed, json.dumps(sorted(listed))
