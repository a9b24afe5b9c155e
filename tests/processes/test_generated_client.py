"""A client generated from the served spec runs an editor's whole workflow.

openapi-python-client (pinned in the test extras) generates a Python package from
``/api/v1/openapi.json`` of a live server, in a temporary folder: the generator must report no
warning (every operation and every answer can be generated). The package is then imported
and an editor works through it against the same server: create a source and a speaker,
record a claim, open a dispute and take a position on it, annotate a verdict, read the
comparison and the change feed. Every answer is parsed into the generated types: a field the
spec says is required, an enum value it does not list or a nested object typed wrong fails here.
"""

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.servers import servers

pytest.importorskip("openapi_python_client")
pytestmark = pytest.mark.slow

PACKAGE = "claims_client"
# Bulk import and export speak NDJSON, which the generator does not know: the client sends
# and receives those bodies as bytes.
CONFIG = "content_type_overrides:\n  application/x-ndjson: application/octet-stream\n"
SOURCE_TEXT = (
    'State Department spokesman Mark Toner said on Tuesday: "It is not helpful." '
    "Iranian officials denied that Russia had a permanent base in Iran."
)


@pytest.fixture
def server(db, database_url):
    with servers(database_url, workers=1) as (started,):
        yield started


@pytest.fixture
def client_package(server, tmp_path, monkeypatch):
    """The package generated from the server's spec, imported from ``tmp_path``."""
    status, _, spec = server.request("GET", "/api/v1/openapi.json")
    assert status == 200
    (tmp_path / "spec.json").write_text(json.dumps(spec))
    (tmp_path / "config.yaml").write_text(CONFIG)
    bin_folder = str(Path(sys.executable).parent)  # the generator formats with its ruff
    generated = subprocess.run(
        [
            sys.executable,
            "-m",
            "openapi_python_client",
            "generate",
            "--path",
            "spec.json",
            "--output-path",
            PACKAGE,
            "--config",
            "config.yaml",
            "--meta",
            "none",
            "--fail-on-warning",
        ],
        cwd=tmp_path,
        env={**os.environ, "PATH": bin_folder + os.pathsep + os.environ.get("PATH", "")},
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = generated.stdout + generated.stderr
    assert generated.returncode == 0, output
    assert "warning" not in output.lower(), output
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        yield lambda name: importlib.import_module(f"{PACKAGE}.{name}")
    finally:
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]


@pytest.fixture
def desk(server, client_package, make_editor):
    """``(call, models)``: ``call("sources.create_source", ...)`` runs an operation of the
    generated client with an editor's token and checks its status."""
    _, token = make_editor("editor", name="the desk")
    client = client_package("client").AuthenticatedClient(
        base_url=f"http://127.0.0.1:{server.port}", token=token, raise_on_unexpected_status=True
    )

    def call(operation, *args, expect=200, **kwargs):
        module = client_package(f"api.{operation}")
        response = module.sync_detailed(*args, client=client, **kwargs)
        assert response.status_code == expect, response.content
        return response

    with client:
        yield call, client_package("models")


def test_an_editor_works_through_the_generated_client(desk):
    call, m = desk
    me = call("service.get_me").parsed
    assert isinstance(me, m.Me) and me.role == m.MeRole.EDITOR and me.name == "the desk"

    created = call(
        "sources.create_source",
        body=m.SourceCreate(
            kind=m.SourceCreateKind.ARTICLE,
            title="Russia uses Iranian base",
            publisher="The Hill",
            text=SOURCE_TEXT,
        ),
        expect=201,
    )
    source = created.parsed
    assert isinstance(source, m.SourceOut) and source.kind == m.SourceOutKind.ARTICLE
    assert created.headers["Location"].endswith(f"/api/v1/sources/{source.id}")
    assert created.headers["ETag"] == '"1"'

    speaker = call(
        "speakers.create_speaker",
        body=m.SpeakerCreate(name="Mark Toner", kind=m.SpeakerCreateKind.PERSON),
        expect=201,
    ).parsed
    assert isinstance(speaker, m.SpeakerOut) and speaker.kind == m.SpeakerOutKind.PERSON

    claim = call(
        "claims.create_claim",
        body=m.ClaimCreate(
            speaker_id=speaker.id,
            source_id=source.id,
            kind=m.ClaimCreateKind.DIRECT_QUOTE,
            text="It is not helpful",
            cue="said",
        ),
        expect=201,
    ).parsed
    assert isinstance(claim, m.ClaimOut)
    assert claim.quote_status == m.ClaimOutQuoteStatus.VERIFIED
    assert isinstance(claim.anchor, m.Anchor) and claim.anchor.exact == "It is not helpful"
    assert isinstance(claim.speaker, m.ClaimSpeaker) and claim.speaker.name == "Mark Toner"

    dispute_created = call(
        "disputes.create_dispute",
        body=m.DisputeCreate(question="Was the Russian deployment helpful?"),
        expect=201,
    )
    dispute = dispute_created.parsed
    assert isinstance(dispute, m.DisputeOut) and dispute.status == m.DisputeOutStatus.OPEN
    placed = call(
        "disputes.set_dispute_position",
        dispute.id,
        claim.id,
        body=m.PositionIn(stance=m.PositionInStance.DENIES, note="The State Department's view."),
        if_match=dispute_created.headers["ETag"],
    ).parsed
    assert [(p.claim_id, p.stance) for p in placed.positions] == [
        (claim.id, m.PositionOutStance.DENIES)
    ]

    verdict = call(
        "annotations.create_claim_annotation",
        claim.id,
        body=m.AnnotationCreate(
            kind=m.AnnotationCreateKind.VERDICT,
            rating=m.AnnotationCreateRatingType1.MISLEADING,
            rationale="The spokesman spoke of the deployment, not of the base.",
            visibility=m.AnnotationCreateVisibility.PUBLIC,
        ),
        expect=201,
    ).parsed
    assert isinstance(verdict, m.AnnotationOut)
    assert verdict.kind == m.AnnotationOutKind.VERDICT
    assert verdict.rating == m.AnnotationOutRatingType1.MISLEADING
    assert isinstance(verdict.author, m.EditorRef) and verdict.author.name == "the desk"

    detail = call("claims.get_claim", claim.id).parsed
    assert isinstance(detail, m.ClaimDetail)
    assert isinstance(detail.verdict, m.Verdict) and detail.verdict.annotation_id == verdict.id

    comparison = call("disputes.get_dispute_comparison", dispute.id).parsed
    assert isinstance(comparison, m.Comparison)
    assert comparison.dispute.question == "Was the Russian deployment helpful?"
    sides = {side.stance: side.claims for side in comparison.sides}
    assert set(sides) == set(m.SideStance)
    (compared,) = sides[m.SideStance.DENIES]
    assert compared.claim_id == claim.id and compared.speaker.name == "Mark Toner"
    assert compared.quote_status == m.ComparedClaimQuoteStatus.VERIFIED
    assert isinstance(compared.verdict, m.Verdict)
    assert compared.verdict.rating == m.VerdictRating.MISLEADING

    feed = call("history.list_changes", since=0, limit=500).parsed
    assert isinstance(feed, m.ChangePage) and feed.next_cursor is None
    seen = [(change.resource, change.action) for change in feed.items]
    created_kinds = [m.ChangeOutResource(kind) for kind in ("source", "speaker", "claim")]
    for kind in created_kinds + [m.ChangeOutResource.DISPUTE, m.ChangeOutResource.ANNOTATION]:
        assert (kind, m.ChangeOutAction.CREATE) in seen
    assert (m.ChangeOutResource.DISPUTE, m.ChangeOutAction.UPDATE) in seen
    assert [change.seq for change in feed.items] == sorted(change.seq for change in feed.items)
