"""A request whose work outlives its deadline is cut off with 503 and changes nothing."""

import itertools

from claims import deadlines
from tests.api.conftest import CLAIMS
from tests.api.helpers import assert_problem, auth


class SteppingClock:
    """A clock that moves one second each time it is read: every deadline of a few
    milliseconds has passed by the next look."""

    def __init__(self):
        self.ticks = itertools.count()

    def monotonic(self):
        return float(next(self.ticks))


def test_a_quote_check_past_the_deadline_is_503_and_changes_nothing(world, make_app, monkeypatch):
    client = make_app(REQUEST_DEADLINE_MS=5000).test_client()
    admin = auth(world.tokens["admin"])
    before = client.get("/api/v1/changes?limit=500", headers=admin).get_json()
    monkeypatch.setattr(deadlines, "time", SteppingClock())
    # Not verbatim in the source: the near-match search runs, and checks its deadline.
    body = {
        "source_id": world.source["id"],
        "speaker_id": world.speaker["id"],
        "kind": "direct_quote",
        "text": "We will fix every pothole by July.",
    }
    response = client.post(CLAIMS, json=body, headers=auth(world.tokens["editor"]))
    problem = assert_problem(response, 503)
    assert "cut off" in problem["detail"]
    monkeypatch.undo()
    assert client.get("/api/v1/changes?limit=500", headers=admin).get_json() == before
    response = client.post(CLAIMS, json=body, headers=auth(world.tokens["editor"]))
    assert response.status_code == 201
    assert response.get_json()["quote_status"] == "altered"


def test_without_a_request_there_is_no_deadline():
    deadlines.clear()
    deadlines.check()  # the command line and imports run unbounded
