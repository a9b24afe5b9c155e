"""The layers: the domain imports no web framework, the contracts no domain but its enums."""

import ast
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import claims

ROOT = Path(__file__).resolve().parents[2]
DOMAIN_MODULES = sorted(f"claims.{m.name}" for m in pkgutil.iter_modules(claims.__path__))
CHECK = """
import importlib, json, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
print(json.dumps(sorted(m for m in ("flask", "flask_smorest", "marshmallow", "webargs", "api",
                                    "schemas") if m in sys.modules)))
"""


def test_the_domain_has_the_modules_this_test_expects():
    assert {"claims.anchoring", "claims.claims", "claims.models", "claims.sources"} <= set(
        DOMAIN_MODULES
    )


def test_importing_every_domain_module_loads_no_web_framework_and_no_schema():
    result = subprocess.run(
        [sys.executable, "-c", CHECK, *DOMAIN_MODULES],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )

    assert json.loads(result.stdout) == []


def imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            yield ("." * node.level) + (node.module or "")


@pytest.mark.parametrize("path", sorted((ROOT / "schemas").glob("*.py")), ids=lambda p: p.name)
def test_the_contracts_import_nothing_of_the_domain_but_its_enums(path):
    ours = [name for name in imported_modules(path) if name.split(".")[0] in {"claims", "api"}]

    assert set(ours) <= {"claims.enums"}


def test_the_domain_imports_nothing_of_ours_outside_itself():
    for path in sorted((ROOT / "claims").glob("*.py")):
        outside = [
            name
            for name in imported_modules(path)
            if name.split(".")[0] in {"api", "schemas", "seeds", "flask", "marshmallow"}
        ]
        assert (path.name, outside) == (path.name, [])
