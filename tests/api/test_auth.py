"""Who may do what: reads are open (unless configured not to be), writes need an editor,
and deleting sources and speakers, restoring anything and merging speakers need an admin."""

import pytest

from tests.api.conftest import CLAIMS, SOURCES, SPEAKERS
from tests.api.helpers import assert_problem, auth

WRITES = [
    pytest.param(
        lambda w: ("post", SOURCES, {"kind": "article", "title": "New"}), id="create a source"
    ),
    pytest.param(
        lambda w: ("post", SPEAKERS, {"name": "New", "kind": "group"}), id="create a speaker"
    ),
    pytest.param(
        lambda w: (
            "post",
            CLAIMS,
            {
                "source_id": w.source["id"],
                "speaker_id": w.speaker["id"],
                "kind": "paraphrase",
                "text": "New",
            },
        ),
        id="record a claim",
    ),
    pytest.param(
        lambda w: ("patch", f"{SOURCES}/{w.source['id']}", {"title": "New"}), id="change a source"
    ),
    pytest.param(
        lambda w: ("patch", f"{SPEAKERS}/{w.speaker['id']}", {"affiliation": "City"}),
        id="change a speaker",
    ),
    pytest.param(
        lambda w: ("patch", f"{CLAIMS}/{w.claim['id']}", {"tags": ["new"]}), id="change a claim"
    ),
    pytest.param(lambda w: ("delete", f"{CLAIMS}/{w.claim['id']}", None), id="delete a claim"),
]


def _send(w, operation, token):
    method, path, body = operation
    return getattr(w.client, method)(path, json=body, headers=auth(token, If_Match="*"))


@pytest.mark.parametrize("write", WRITES)
@pytest.mark.parametrize(
    ("role", "status"),
    [
        (None, 401),
        ("reader", 403),
        ("editor", None),
        ("admin", None),
    ],
)
def test_every_write_needs_an_editor_token(world, write, role, status):
    response = _send(world, write(world), world.tokens.get(role))
    if status is None:
        assert response.status_code in (200, 201, 204), response.get_data(as_text=True)
    else:
        assert_problem(response, status)


def _deleted_source(w):
    _send(w, ("delete", f"{SOURCES}/{w.source['id']}", None), w.tokens["admin"])
    return ("post", f"{SOURCES}/{w.source['id']}/restore", None)


def _deleted_speaker(w, make_speaker):
    lonely = make_speaker(name="Nobody quoted")
    _send(w, ("delete", f"{SPEAKERS}/{lonely['id']}", None), w.tokens["admin"])
    return ("post", f"{SPEAKERS}/{lonely['id']}/restore", None)


def _deleted_claim(w):
    _send(w, ("delete", f"{CLAIMS}/{w.claim['id']}", None), w.tokens["editor"])
    return ("post", f"{CLAIMS}/{w.claim['id']}/restore", None)


ADMIN_ONLY = [
    pytest.param(
        lambda w, make: ("delete", f"{SOURCES}/{w.source['id']}", None), id="delete a source"
    ),
    pytest.param(lambda w, make: _deleted_source(w), id="restore a source"),
    pytest.param(
        lambda w, make: ("delete", f"{SPEAKERS}/{make(name='Unquoted')['id']}", None),
        id="delete a speaker",
    ),
    pytest.param(_deleted_speaker, id="restore a speaker"),
    pytest.param(lambda w, make: _deleted_claim(w), id="restore a claim"),
    pytest.param(
        lambda w, make: (
            "post",
            f"{SPEAKERS}/{make(name='J. Mayor')['id']}/merge",
            {"into": w.speaker["id"]},
        ),
        id="merge speakers",
    ),
]


@pytest.mark.parametrize("operation", ADMIN_ONLY)
@pytest.mark.parametrize(("role", "status"), [("editor", 403), ("admin", None)])
def test_deleting_sources_and_speakers_restoring_anything_and_merging_need_an_admin(
    world, make_speaker, operation, role, status
):
    response = _send(world, operation(world, make_speaker), world.tokens[role])
    if status is None:
        assert response.status_code in (200, 204), response.get_data(as_text=True)
    else:
        assert_problem(response, status)


@pytest.mark.parametrize("path", [SOURCES, f"{SOURCES}/1", "/api/v1/me"])
@pytest.mark.parametrize(
    "header", ["Bearer clm_unknown", "Basic dXNlcjpwdw==", "Bearer", "Bearer " + "x" * 300]
)
def test_a_bad_authorization_header_is_refused_on_reads_too(client, path, header):
    assert_problem(client.get(path, headers={"Authorization": header}), 401)


@pytest.mark.parametrize("role", ["reader", "editor", "admin"])
def test_me_tells_the_token_s_editor_and_role(client, make_editor, role):
    editor, token = make_editor(role, name=f"Pat the {role}")
    response = client.get("/api/v1/me", headers=auth(token))
    assert response.status_code == 200
    assert response.get_json() == {"id": editor.id, "name": f"Pat the {role}", "role": role}


def test_me_without_a_token_is_401(client):
    assert_problem(client.get("/api/v1/me"), 401)


def test_the_scheme_name_is_case_insensitive(client, tokens):
    response = client.get("/api/v1/me", headers={"Authorization": f"bearer {tokens['reader']}"})
    assert response.get_json()["role"] == "reader"


@pytest.fixture
def private(make_app, source):
    """A client of an app whose reads need a token; ``source`` exists."""
    return make_app(PUBLIC_READ=False).test_client()


@pytest.mark.parametrize("path", [SOURCES, f"{SOURCES}/1", SPEAKERS, CLAIMS, "/api/v1/me"])
def test_with_public_reads_off_every_read_needs_a_token(private, tokens, path):
    assert_problem(private.get(path), 401)
    assert private.get(path, headers=auth(tokens["reader"])).status_code == 200


@pytest.mark.parametrize("path", ["/", "/healthz", "/api/v1/openapi.json", "/api/v1/docs"])
def test_with_public_reads_off_health_and_documentation_stay_open(private, path):
    assert private.get(path).status_code == 200


def test_with_public_reads_off_unknown_paths_are_still_404(private):
    assert_problem(private.get("/api/v1/nowhere"), 404)


@pytest.mark.parametrize(("value", "expected"), [("off", 401), ("no", 401), ("on", 200)])
def test_public_read_can_be_set_in_words(make_app, value, expected):
    response = make_app(PUBLIC_READ=value).test_client().get(SOURCES)
    assert response.status_code == expected


def test_tokens_are_stored_only_as_hashes(make_editor):
    from claims.models import Editor

    editor, token = make_editor("editor")
    stored = Editor.get_by_id(editor.id)
    assert token not in {str(value) for value in stored.__data__.values()}
