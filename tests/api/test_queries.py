"""Queries are planned: a list costs the same number of SQL queries for 1 item as for 50."""

import pytest

from claims import annotations, sources
from claims import claims as claim_cases
from claims.models import Claim, Speaker
from tests.api.helpers import auth


@pytest.fixture
def rich(seeded, system):
    """The seed, more sources, public verdicts and notes, and a claim with a history: every
    list has many rows."""
    for n in range(5):
        sources.create_source(editor=system, kind="other", title=f"Extra {n}")
    toner = Speaker.get(Speaker.name == "Mark Toner")
    claims = list(Claim.select().where(Claim.speaker == toner))
    for claim in claims:
        annotations.annotate(
            claim.id,
            editor=system,
            kind="verdict",
            rating="true",
            rationale="The transcript agrees.",
            visibility="public",
        )
        annotations.annotate(
            claims[0].id, editor=system, kind="note", body=f"On {claim.id}", visibility="public"
        )
    for n in range(3):
        claim_cases.update_claim(claims[0].id, editor=system, version=None, tags=[f"tag {n}"])
    return {"claim_id": claims[0].id, "speaker_id": toner.id}


LISTS = [
    pytest.param("/api/v1/claims", None, id="claims"),
    pytest.param("/api/v1/claims?q=russia", None, id="claims by relevance"),
    pytest.param(
        "/api/v1/claims?speaker_id={speaker_id}&rating=true",
        None,
        id="claims by speaker and rating",
    ),
    pytest.param("/api/v1/sources", None, id="sources"),
    pytest.param("/api/v1/speakers", None, id="speakers"),
    pytest.param("/api/v1/relations", None, id="relations"),
    pytest.param("/api/v1/disputes", None, id="disputes"),
    pytest.param("/api/v1/claims/{claim_id}/annotations", None, id="annotations"),
    pytest.param("/api/v1/claims/{claim_id}/history", None, id="history"),
    pytest.param("/api/v1/changes", None, id="changes"),
    pytest.param("/api/v1/editors", "admin", id="editors"),
]


@pytest.mark.parametrize(("path", "role"), LISTS)
def test_a_list_costs_the_same_queries_for_1_item_as_for_50(
    client, rich, tokens, query_log, path, role
):
    path = path.format(**rich)
    separator = "&" if "?" in path else "?"
    headers = auth(tokens[role]) if role else {}

    def queries(limit):
        client.get(path, headers=headers)
        query_log.count = 0
        response = client.get(f"{path}{separator}limit={limit}", headers=headers)
        assert response.status_code == 200, response.get_data(as_text=True)
        return query_log.count, len(response.get_json()["items"])

    (one, one_items), (fifty, fifty_items) = queries(1), queries(50)
    assert (one_items, fifty_items > 1) == (1, True)
    assert one == fifty


def test_the_query_log_sees_queries(client, query_log):
    client.get("/api/v1/sources")
    assert query_log.count >= 1
