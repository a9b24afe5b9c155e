"""The editors' desk reads are planned: a claim's detail, its contradictions, a dispute's
comparison and a speaker's scorecard cost the same number of SQL query_log with a few related
rows as with many."""

import pytest

from claims import annotations, disputes, relations, sources, speakers
from claims import claims as claim_cases
from tests.api.helpers import auth, every_page

FEW, MANY = 2, 39
RATINGS = ["true", "false", "misleading", "half_true"]


def scene(editor, n):
    """A speaker's claim at the centre of ``n`` others: the centre is contradicted by each
    (by relation, half of them pointing each way) and disputed by each (a dispute with
    ``n + 1`` positions); the others have verdicts, notes and speakers of their own or the
    centre's. Returns the paths to read."""
    source = sources.create_source(
        editor=editor,
        kind="article",
        title=f"Scene {n}",
        publisher="Desk",
        published_at="2016-08-17",
        url=f"https://news.example/scene-{n}",
    )
    speaker = speakers.create_speaker(editor=editor, name=f"Centre {n}", kind="person")

    def record(who, text, **fields):
        return claim_cases.record_claim(
            editor=editor,
            speaker_id=who.id,
            source_id=source.id,
            kind="paraphrase",
            text=text,
            tags=["desk", f"n{n}"],
            **fields,
        )

    centre = record(speaker, "The base is only for refuelling.", said_on="2016-08-16")
    dispute = disputes.open_dispute(editor=editor, question=f"Is there a base? ({n})")
    disputes.take_position(dispute.id, centre.id, editor=editor, version=None, stance="affirms")
    others = []
    for i in range(n):
        who = (
            speaker
            if i % 3 == 0
            else speakers.create_speaker(
                editor=editor,
                name=f"Other {n}.{i}",
                kind=["person", "group", "organization"][i % 3],
            )
        )
        other = record(
            who,
            f"There is a base, says number {i}.",
            said_on=f"2016-08-{1 + i % 28:02d}" if i % 2 else None,
        )
        ends = (other.id, centre.id) if i % 2 else (centre.id, other.id)
        relations.relate(
            editor=editor,
            from_claim_id=ends[0],
            to_claim_id=ends[1],
            type="contradicts",
            rationale=f"Reason {i}.",
        )
        disputes.take_position(
            dispute.id,
            other.id,
            editor=editor,
            version=None,
            stance="denies" if i % 4 else "qualifies",
            note=f"Note {i}.",
        )
        annotations.annotate(
            other.id,
            editor=editor,
            kind="verdict",
            rating=RATINGS[i % 4],
            rationale="Checked.",
            visibility="public" if i % 2 else "internal",
        )
        annotations.annotate(
            other.id, editor=editor, kind="note", body="Seen.", visibility="public"
        )
        others.append(other)
    for first, second in zip(others[:-1:2], others[1::2], strict=False):
        if first.speaker_id == second.speaker_id == speaker.id:
            relations.relate(
                editor=editor, from_claim_id=first.id, to_claim_id=second.id, type="supports"
            )
    return {
        "detail": f"/api/v1/claims/{centre.id}",
        "contradictions": f"/api/v1/claims/{centre.id}/contradictions",
        "comparison": f"/api/v1/disputes/{dispute.id}/comparison",
        "scorecard": f"/api/v1/speakers/{speaker.id}/scorecard",
    }


@pytest.fixture
def scenes(db, system):
    return {"few": scene(system, FEW), "many": scene(system, MANY)}


def items_of(body, read):
    if read == "detail":
        return body["contradicted_by"]
    if read == "contradictions":
        return body["items"]
    if read == "comparison":
        return [claim for side in body["sides"] for claim in side["claims"]]
    mixed = body["self_contradictions"]
    return mixed["relations"] + [c for d in mixed["disputes"] for c in d["denying"]]


READS = ["detail", "contradictions", "comparison", "scorecard"]


@pytest.mark.parametrize("role", [None, "reader"])
@pytest.mark.parametrize("read", READS)
def test_a_desk_read_costs_the_same_queries_for_few_rows_as_for_many(
    client, scenes, tokens, query_log, read, role
):
    headers = auth(tokens[role] if role else None)

    def cost(size):
        path = scenes[size][read]
        client.get(path, headers=headers)
        query_log.count = 0
        response = client.get(path, headers=headers)
        assert response.status_code == 200, response.get_data(as_text=True)
        return query_log.count, response.get_json()

    (few, few_body), (many, many_body) = cost("few"), cost("many")
    assert 0 < len(items_of(few_body, read)) < 5 < len(items_of(many_body, read))
    assert few == many


def test_the_scenes_are_as_large_as_they_claim(client, scenes):
    comparison = client.get(scenes["many"]["comparison"]).get_json()
    assert sum(len(side["claims"]) for side in comparison["sides"]) == MANY + 1
    detail = client.get(scenes["many"]["detail"]).get_json()
    assert len([c for c in detail["contradicted_by"] if c["via"]["kind"] == "relation"]) == MANY
    card = client.get(scenes["many"]["scorecard"]).get_json()
    assert card["claims"] == 1 + len(range(0, MANY, 3))
    assert len(card["self_contradictions"]["relations"]) > 10
    assert len(detail["contradicted_by"]) == 50 and detail["contradicted_by_next_cursor"]


def test_the_detail_s_first_page_of_contradictions_goes_on_at_its_cursor(client, scenes):
    detail = client.get(scenes["many"]["detail"]).get_json()
    rest = client.get(
        f"{scenes['many']['contradictions']}?limit=500"
        f"&cursor={detail['contradicted_by_next_cursor']}"
    ).get_json()
    every = [
        item
        for page in every_page(client, scenes["many"]["contradictions"])
        for item in page.get_json()["items"]
    ]
    assert detail["contradicted_by"] + rest["items"] == every
    assert len({(i["claim"]["id"], i["via"]["kind"]) for i in every}) == len(every) > 50
