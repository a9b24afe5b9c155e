"""Loading the seed fixture through the domain's use cases.

Loading is idempotent: the source is found by its URL, speakers by name, claims by source,
speaker and text; only what is missing is created, so a second run changes nothing. Every
change is recorded under the system editor ``seed``.
"""

import json
from pathlib import Path

from claims import claims, sources, speakers
from claims.editors import system_editor
from claims.models import Claim, Source, Speaker

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
    created = {"sources": 0, "speakers": 0, "claims": 0}

    source = Source.live().where(Source.url == data["source"]["url"]).first()
    if source is None:
        source = sources.create_source(editor=editor, **data["source"])
        created["sources"] += 1

    speaker_ids = {}
    for entry in data["speakers"]:
        fields = {k: v for k, v in entry.items() if k != "key"}
        speaker = Speaker.live().where(
            Speaker.name == fields["name"], Speaker.merged_into.is_null()).first()
        if speaker is None:
            speaker = speakers.create_speaker(editor=editor, **fields)
            created["speakers"] += 1
        speaker_ids[entry["key"]] = speaker.id

    for entry in data["claims"]:
        fields = {k: v for k, v in entry.items() if k not in ("key", "speaker")}
        speaker_id = speaker_ids[entry["speaker"]]
        exists = Claim.live().where(
            Claim.source == source.id, Claim.speaker == speaker_id, Claim.text == fields["text"]
        ).exists()
        if not exists:
            claims.record_claim(editor=editor, speaker_id=speaker_id, source_id=source.id,
                                **fields)
            created["claims"] += 1
    return ", ".join(f"{count} {noun} created" for noun, count in created.items())
