"""A rejected write changes nothing: every stored resource and every list reads the same after."""

import pytest

from tests.api.conftest import CLAIMS, SOURCES, SPEAKERS
from tests.api.helpers import assert_problem, auth

TOO_LARGE = 1024 * 1024 + 1


def _snapshot(w):
    """Bytes and ETag of every resource of ``w``, and the bytes of every list."""
    paths = [
        f"{SOURCES}/{w.source['id']}",
        f"{SPEAKERS}/{w.speaker['id']}",
        f"{CLAIMS}/{w.claim['id']}",
        f"{SPEAKERS}/{w.other['id']}",
        SOURCES,
        SPEAKERS,
        CLAIMS,
    ]
    responses = [w.client.get(path) for path in paths]
    assert all(r.status_code == 200 for r in responses)
    return [(r.get_data(), r.headers.get("ETag")) for r in responses]


@pytest.fixture
def w(world, make_source, make_speaker):
    """``world`` plus a second source (with a url) and a second speaker."""
    world.second = make_source(title="Second", url="https://news.example/second")
    world.other = make_speaker(name="Council member Ana Ruiz")
    return world


def claim_path(w, suffix=""):
    return f"{CLAIMS}/{w.claim['id']}{suffix}"


def source_path(w, suffix=""):
    return f"{SOURCES}/{w.source['id']}{suffix}"


def speaker_path(w, suffix=""):
    return f"{SPEAKERS}/{w.speaker['id']}{suffix}"


def editor(w, **headers):
    return auth(w.tokens["editor"], **headers)


def admin(w, **headers):
    return auth(w.tokens["admin"], **headers)


REJECTED = [
    (
        401,
        lambda w: w.client.patch(claim_path(w), json={"text": "x"}, headers={"If-Match": '"1"'}),
        "a claim patch without a token",
    ),
    (
        401,
        lambda w: w.client.patch(
            claim_path(w), json={"text": "x"}, headers=auth("clm_forged", If_Match='"1"')
        ),
        "a claim patch with an unknown token",
    ),
    (
        403,
        lambda w: w.client.patch(
            claim_path(w), json={"text": "x"}, headers=auth(w.tokens["reader"], If_Match='"1"')
        ),
        "a claim patch by a reader",
    ),
    (
        428,
        lambda w: w.client.patch(claim_path(w), json={"text": "x"}, headers=editor(w)),
        "a claim patch without If-Match",
    ),
    (
        412,
        lambda w: w.client.patch(
            claim_path(w), json={"text": "x"}, headers=editor(w, If_Match='"2"')
        ),
        "a claim patch with a stale If-Match",
    ),
    (
        400,
        lambda w: w.client.patch(
            claim_path(w),
            data='{"text": "x"',
            content_type="application/json",
            headers=editor(w, If_Match='"1"'),
        ),
        "a claim patch of malformed JSON",
    ),
    (
        415,
        lambda w: w.client.patch(
            claim_path(w),
            data="text=x",
            content_type="text/plain",
            headers=editor(w, If_Match='"1"'),
        ),
        "a claim patch of text/plain",
    ),
    (
        413,
        lambda w: w.client.patch(
            claim_path(w),
            data=b" " * TOO_LARGE,
            content_type="application/json",
            headers=editor(w, If_Match='"1"'),
        ),
        "a claim patch over the body limit",
    ),
    (
        422,
        lambda w: w.client.patch(
            claim_path(w), json={"text": "x", "mood": "grim"}, headers=editor(w, If_Match='"1"')
        ),
        "a claim patch with an unknown field",
    ),
    (
        422,
        lambda w: w.client.patch(
            claim_path(w),
            json={"text": "x", "speaker_id": 999999},
            headers=editor(w, If_Match='"1"'),
        ),
        "a claim patch naming an unknown speaker",
    ),
    (
        422,
        lambda w: w.client.patch(
            claim_path(w),
            json={"text": "x", "anchor": {"start": 0, "end": 99999}},
            headers=editor(w, If_Match='"1"'),
        ),
        "a claim patch with a span past the end of the text",
    ),
    (
        428,
        lambda w: w.client.delete(claim_path(w), headers=editor(w)),
        "a claim delete without If-Match",
    ),
    (
        412,
        lambda w: w.client.delete(claim_path(w), headers=editor(w, If_Match='"9"')),
        "a claim delete with a stale If-Match",
    ),
    (
        403,
        lambda w: w.client.delete(claim_path(w), headers=auth(w.tokens["reader"], If_Match="*")),
        "a claim delete by a reader",
    ),
    (
        409,
        lambda w: w.client.post(claim_path(w, "/restore"), headers=admin(w)),
        "restoring a live claim",
    ),
    (
        403,
        lambda w: w.client.post(claim_path(w, "/restore"), headers=editor(w)),
        "a claim restore by an editor",
    ),
    (
        422,
        lambda w: w.client.post(
            CLAIMS,
            json={
                "source_id": w.source["id"],
                "speaker_id": 999999,
                "kind": "paraphrase",
                "text": "x",
            },
            headers=editor(w),
        ),
        "a claim naming an unknown speaker",
    ),
    (
        409,
        lambda w: w.client.patch(
            source_path(w),
            json={"title": "New", "url": w.second["url"]},
            headers=editor(w, If_Match='"1"'),
        ),
        "a source patch to another source's url",
    ),
    (
        412,
        lambda w: w.client.patch(
            source_path(w),
            json={"text": "The mayor said nothing."},
            headers=editor(w, If_Match='"5"'),
        ),
        "a stale source patch of its text",
    ),
    (
        403,
        lambda w: w.client.delete(source_path(w), headers=editor(w, If_Match='"1"')),
        "a source delete by an editor",
    ),
    (
        409,
        lambda w: w.client.post(
            SOURCES,
            json={"kind": "article", "title": "Copy", "url": w.source["url"]},
            headers=editor(w),
        ),
        "a source with a url taken",
    ),
    (
        403,
        lambda w: w.client.delete(speaker_path(w), headers=editor(w, If_Match='"1"')),
        "a speaker delete by an editor",
    ),
    (
        409,
        lambda w: w.client.delete(speaker_path(w), headers=admin(w, If_Match='"1"')),
        "a speaker delete while it has claims",
    ),
    (
        403,
        lambda w: w.client.post(
            speaker_path(w, "/merge"), json={"into": w.other["id"]}, headers=editor(w)
        ),
        "a merge by an editor",
    ),
    (
        422,
        lambda w: w.client.post(speaker_path(w, "/merge"), json={"into": 999999}, headers=admin(w)),
        "a merge into an unknown speaker",
    ),
    (
        409,
        lambda w: w.client.post(
            speaker_path(w, "/merge"), json={"into": w.speaker["id"]}, headers=admin(w)
        ),
        "a merge into itself",
    ),
    (
        422,
        lambda w: w.client.patch(
            speaker_path(w),
            json={"aliases": ["ok"], "wikidata_id": "X1"},
            headers=editor(w, If_Match='"1"'),
        ),
        "a speaker patch with an invalid field among valid ones",
    ),
]


@pytest.mark.parametrize(
    ("status", "send"), [pytest.param(s, f, id=f"{s} {name}") for s, f, name in REJECTED]
)
def test_a_rejected_write_changes_nothing(w, status, send):
    before = _snapshot(w)
    assert_problem(send(w), status)
    assert _snapshot(w) == before


def test_the_snapshot_sees_an_accepted_write(w):
    before = _snapshot(w)
    response = w.client.patch(
        claim_path(w), json={"tags": ["roads", "budget"]}, headers=editor(w, If_Match='"1"')
    )
    assert response.status_code == 200
    assert _snapshot(w) != before
