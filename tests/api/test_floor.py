"""The floor of the benchmarks (bench/floor.py: the driver and json, nothing else) answers
the JSON the service answers, so that ``bench.load`` compares the cost of the same answers:
every claim, pages of claims, contradictions and a dispute's comparison (all but the
suggested placements, which only the service's rules make), on both databases."""

import json
import threading

import pytest

from bench import floor
from claims.models import Claim, Dispute
from tests.api.helpers import auth

VERDICT = {"kind": "verdict", "rating": "false", "rationale": "Not so.", "visibility": "public"}


@pytest.fixture
def floor_app(database_url, monkeypatch):
    """The floor over the test's database, in this process."""
    postgres = database_url.startswith("postgresql")
    monkeypatch.setattr(floor, "DATABASE", database_url if postgres else database_url[10:])
    monkeypatch.setattr(floor, "POSTGRES", postgres)
    monkeypatch.setattr(floor, "local", threading.local())
    yield floor.app
    if hasattr(floor.local, "db"):
        floor.local.db.close()


def _floor_get(app, path):
    path, _, query = path.partition("?")
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query}
    return json.loads(b"".join(app(environ, lambda status, headers: None)))


def test_the_floor_answers_what_the_service_answers(client, seeded, floor_app, make_editor):
    _, admin = make_editor("admin")
    for claim_id in (1, 2):
        response = client.post(
            f"/api/v1/claims/{claim_id}/annotations", json=VERDICT, headers=auth(admin)
        )
        assert response.status_code == 201, response.get_data(as_text=True)
    claim_ids = [claim.id for claim in Claim.select(Claim.id)]
    (speaker_id,) = {claim.speaker_id for claim in Claim.select().limit(1)}
    paths = [f"/api/v1/claims/{n}" for n in claim_ids]
    paths += [f"/api/v1/claims/{n}/contradictions" for n in claim_ids]
    paths += ["/api/v1/claims?limit=50", "/api/v1/claims?limit=4"]
    paths += [f"/api/v1/claims?limit=3&speaker_id={speaker_id}"]
    paths += [f"/api/v1/disputes/{d.id}/comparison" for d in Dispute.select()]
    contradicted = verdicts = 0
    for path in paths:
        expected = client.get(path).get_json()
        expected.pop("suggested", None)
        assert _floor_get(floor_app, path) == expected, path
        contradicted += bool(expected.get("contradicted_by"))
        verdicts += bool(expected.get("verdict"))
    assert contradicted and verdicts  # the seed holds what the rows compare


def test_the_floor_goes_on_below_an_id_as_the_service_goes_on_from_a_cursor(
    client, seeded, floor_app
):
    first = client.get("/api/v1/claims?limit=4").get_json()
    below = first["items"][-1]["id"]
    expected = client.get(f"/api/v1/claims?limit=4&cursor={first['next_cursor']}").get_json()
    assert _floor_get(floor_app, f"/api/v1/claims?limit=4&before={below}") == expected
