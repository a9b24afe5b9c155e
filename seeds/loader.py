"""Loading the seed fixture through the domain's use cases.

Loading is idempotent: the source is found by its URL, speakers by name, claims by source,
speaker and text, disputes by question, positions by dispute and claim, relations by their
ends and type; only what is missing is created, so a second run changes nothing. Every
change is recorded under the system editor ``seed``. New claims refresh the search
statistics (``claims.relevance``).
"""

import json
from pathlib import Path

from claims import claims, disputes, relations, relevance, sources, speakers
from claims.editors import system_editor
from claims.models import Claim, Dispute, Position, Relation, Source, Speaker

SYSTEM_EDITOR = "seed"


def fixture():
    folder = Path(__file__).parent
    data = json.loads((folder / "seed_article.json").read_text(encoding="utf-8"))
    source = dict(data["source"])
    source["text"] = (folder / source.pop("text_file")).read_text(encoding="utf-8")
    data["source"] = source
    return data


def load():
    """Load what is missing; return a one-line report of what was created."""
    data = fixture()
    editor = system_editor(SYSTEM_EDITOR)
    created = {
        "sources": 0,
        "speakers": 0,
        "claims": 0,
        "disputes": 0,
        "positions": 0,
        "relations": 0,
    }

    source = Source.live().where(Source.url == data["source"]["url"]).first()
    if source is None:
        source = sources.create_source(editor=editor, **data["source"])
        created["sources"] += 1

    speaker_ids = {}
    for entry in data["speakers"]:
        fields = {k: v for k, v in entry.items() if k != "key"}
        speaker = (
            Speaker.live()
            .where(Speaker.name == fields["name"], Speaker.merged_into.is_null())
            .first()
        )
        if speaker is None:
            speaker = speakers.create_speaker(editor=editor, **fields)
            created["speakers"] += 1
        speaker_ids[entry["key"]] = speaker.id

    claim_ids = {}
    for entry in data["claims"]:
        fields = {k: v for k, v in entry.items() if k not in ("key", "speaker")}
        speaker_id = speaker_ids[entry["speaker"]]
        claim = (
            Claim.live()
            .where(
                Claim.source == source.id, Claim.speaker == speaker_id, Claim.text == fields["text"]
            )
            .first()
        )
        if claim is None:
            claim = claims.record_claim(
                editor=editor, speaker_id=speaker_id, source_id=source.id, **fields
            )
            created["claims"] += 1
        claim_ids[entry["key"]] = claim.id

    for entry in data["disputes"]:
        dispute = Dispute.live().where(Dispute.question == entry["question"]).first()
        if dispute is None:
            dispute = disputes.open_dispute(
                editor=editor,
                question=entry["question"],
                description=entry["description"],
                status=entry["status"],
            )
            created["disputes"] += 1
        for position in entry["positions"]:
            claim_id = claim_ids[position["claim"]]
            if (
                not Position.select()
                .where(Position.dispute == dispute.id, Position.claim == claim_id)
                .exists()
            ):
                dispute = disputes.take_position(
                    dispute.id, claim_id, editor=editor, version=None, stance=position["stance"]
                )
                created["positions"] += 1

    for entry in data["relations"]:
        from_id, to_id = claim_ids[entry["from"]], claim_ids[entry["to"]]
        key = relations.pair_key(entry["type"], from_id, to_id)
        if not Relation.live().where(Relation.pair_key == key).exists():
            relations.relate(
                editor=editor,
                from_claim_id=from_id,
                to_claim_id=to_id,
                type=entry["type"],
                rationale=entry["rationale"],
            )
            created["relations"] += 1
    if created["claims"]:
        relevance.refresh_statistics()
    return ", ".join(f"{count} {noun} created" for noun, count in created.items())
