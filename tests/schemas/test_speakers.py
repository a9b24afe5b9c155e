"""The speaker contracts: names, kinds, aliases, Wikidata ids, merging."""

import pytest

from schemas.speakers import Merge, SpeakerCreate, SpeakerQuery, SpeakerUpdate

from .conftest import errors, loaded

TONER = {"name": "Mark Toner", "kind": "person"}


def test_a_speaker_with_aliases_and_a_wikidata_id_loads():
    data = {
        **TONER,
        "aliases": ["Matt Toner", "Toner"],
        "wikidata_id": "Q6768469",
        "affiliation": "U.S. Department of State",
        "description": None,
    }

    assert loaded(SpeakerCreate(), data) == data


@pytest.mark.parametrize("kind", ["person", "organization", "group"])
def test_every_kind_of_speaker_is_accepted(kind):
    assert loaded(SpeakerCreate(), {**TONER, "kind": kind})["kind"] == kind


@pytest.mark.parametrize(
    "change, field",
    [
        ({"kind": "robot"}, "kind"),
        ({"name": ""}, "name"),
        ({"name": "n" * 301}, "name"),
        ({"name": "Mark\x00Toner"}, "name"),
        ({"name": " "}, "name"),
        ({"name": "Mark\nToner"}, "name"),
        ({"aliases": ["Matt\nToner"]}, "aliases"),
        ({"aliases": ["\t"]}, "aliases"),
        ({"aliases": ["a"] * 101}, "aliases"),
        ({"aliases": ["a" * 301]}, "aliases"),
        ({"aliases": [""]}, "aliases"),
        ({"aliases": [None]}, "aliases"),
        ({"description": "d" * 5001}, "description"),
        ({"wikidata_id": "6768469"}, "wikidata_id"),
        ({"wikidata_id": "q6768469"}, "wikidata_id"),
        ({"wikidata_id": "Q0"}, "wikidata_id"),
        ({"wikidata_id": "Q0123"}, "wikidata_id"),
        ({"wikidata_id": "Q1234567890123"}, "wikidata_id"),
        ({"wikidata_id": "Q42 "}, "wikidata_id"),
        ({"wikidata_id": "Q42\n"}, "wikidata_id"),
        ({"search_names": "mark toner"}, "search_names"),
        ({"merged_into_id": 2}, "merged_into_id"),
    ],
)
def test_it_rejects_a_speaker_field_that_breaks_the_contract(change, field):
    assert list(errors(SpeakerCreate(), {**TONER, **change})) == [field]


@pytest.mark.parametrize("change", [{}, {"aliases": []}, {"wikidata_id": None}])
def test_a_change_of_a_speaker_is_partial(change):
    assert loaded(SpeakerUpdate(), change) == change


def test_the_speaker_query_reads_q_and_kind():
    assert loaded(SpeakerQuery(), {"q": "toner", "kind": "person"}) == {
        "q": "toner",
        "kind": "person",
        "limit": 50,
        "cursor": None,
    }


@pytest.mark.parametrize("into", [0, -1, 2**31, "7", 7.5, None, True])
def test_a_merge_names_a_valid_speaker_id(into):
    assert list(errors(Merge(), {"into": into})) == ["into"]


def test_a_merge_needs_its_target():
    assert loaded(Merge(), {"into": 7}) == {"into": 7}
    assert list(errors(Merge(), {})) == ["into"]
