"""Suggested links: quality on annotated claims, and speed among many stored claims.

Usage:
    python -m bench.suggestions [--database-url URL]            # quality
    python -m bench.suggestions --speed CORPUS.ndjson [--database-url URL] [--calls N] [--keep]

Quality: the seed article's claims (with its disputes, without its relations) and the claims
of ``bench.related_texts`` are stored; for every claim the top 5 suggestions are read. For
each annotated relation (from, to):

- recall@5: the other end is among the top 5 suggestions of each end (each relation counts
  twice, once from each end);
- type accuracy: among the relations found, the share whose suggested type is the annotated
  one (``qualifies`` is not a type the service suggests: those relations count for recall
  only);
- precision@5: the share of the top 5 suggestions that are annotated relations.

Speed: the claims of a corpus written by ``bench.corpus`` are imported, then the
suggestions of sampled claims are timed over HTTP (median and 95th percentile).
"""

import argparse
import json
import tempfile
from pathlib import Path

from bench import related_texts
from claims import claims, disputes, sources, speakers, suggestions
from claims.editors import system_editor
from seeds.loader import fixture

SUGGESTED = {"repeats", "contradicts", "supports"}
TOP = 5


def _load_seed(editor, with_disputes):
    data = fixture()
    source = sources.create_source(editor=editor, **data["source"])
    speaker_ids = {}
    for entry in data["speakers"]:
        fields = {k: v for k, v in entry.items() if k != "key"}
        speaker_ids[entry["key"]] = speakers.create_speaker(editor=editor, **fields).id
    ids = {}
    for entry in data["claims"]:
        fields = {k: v for k, v in entry.items() if k not in ("key", "speaker")}
        ids[entry["key"]] = claims.record_claim(
            editor=editor, speaker_id=speaker_ids[entry["speaker"]], source_id=source.id, **fields
        ).id
    if with_disputes:
        for entry in data["disputes"]:
            dispute = disputes.open_dispute(editor=editor, question=entry["question"])
            for position in entry["positions"]:
                dispute = disputes.take_position(
                    dispute.id,
                    ids[position["claim"]],
                    editor=editor,
                    version=None,
                    stance=position["stance"],
                )
    gold = [(ids[r["from"]], ids[r["to"]], r["type"]) for r in data["relations"]]
    return ids, gold


def _load_texts(editor):
    source_ids = {
        key: sources.create_source(editor=editor, kind="article", **fields).id
        for key, fields in related_texts.SOURCES.items()
    }
    speaker_ids = {
        key: speakers.create_speaker(editor=editor, **fields).id
        for key, fields in related_texts.SPEAKERS.items()
    }
    ids = {}
    for key, (source, speaker, kind, cue, text) in related_texts.CLAIMS.items():
        ids[key] = claims.record_claim(
            editor=editor,
            speaker_id=speaker_ids[speaker],
            source_id=source_ids[source],
            kind=kind,
            cue=cue,
            text=text,
        ).id
    gold = [(ids[a], ids[b], kind) for a, b, kind in related_texts.RELATIONS]
    return ids, gold


def score(ids, gold):
    """``{"recall@5", "type_accuracy", "precision@5", ...}`` of the suggestions for ``ids``."""
    key = {claim_id: name for name, claim_id in ids.items()}
    top = {
        claim_id: suggestions.suggestions_for(claim_id, limit=TOP).items
        for claim_id in ids.values()
    }
    gold_pairs = {frozenset((a, b)) for a, b, _ in gold}
    found = typed = right = 0
    misses = []
    for a, b, kind in gold:
        for one, other in ((a, b), (b, a)):
            hit = next((s for s in top[one] if s.id == other), None)
            if hit is None:
                misses.append(f"{key[one]}->{key[other]} {kind}: not in the top {TOP}")
                continue
            found += 1
            if kind in SUGGESTED:
                typed += 1
                right += hit.type == kind
                if hit.type != kind:
                    misses.append(f"{key[one]}->{key[other]} {kind}: suggested as {hit.type}")
    shown = sum(len(items) for items in top.values())
    relevant = sum(
        frozenset((claim_id, s.id)) in gold_pairs for claim_id, items in top.items() for s in items
    )
    return {
        "relations": len(gold),
        "recall@5": found / (2 * len(gold)),
        "type_accuracy": right / typed if typed else None,
        "precision@5": relevant / shown if shown else None,
        "misses": misses,
    }


def quality(url):
    from bench.harness import fresh_database

    results = {}
    for name, with_disputes in (("seed", True), ("seed, claims only", False)):
        fresh_database(url)
        ids, gold = _load_seed(system_editor("bench"), with_disputes)
        results[name] = score(ids, gold)
    fresh_database(url)
    ids, gold = _load_texts(system_editor("bench"))
    results["written texts"] = score(ids, gold)
    return results


def _print_quality(results):
    print(f"{'set':<20} {'relations':>9} {'recall@5':>9} {'type acc.':>9} {'prec@5':>7}")
    for name, result in results.items():
        print(
            f"{name:<20} {result['relations']:>9} {result['recall@5']:>9.2f} "
            f"{result['type_accuracy']:>9.2f} {result['precision@5']:>7.2f}"
        )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url")
    parser.add_argument("--speed", metavar="CORPUS", help="an NDJSON corpus of bench.corpus")
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument(
        "--keep", action="store_true", help="reuse the claims already imported at --database-url"
    )
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    if args.speed:
        from bench.suggestion_speed import speed

        speed(args.speed, args.database_url, args.calls, keep=args.keep)
        return
    url = args.database_url or "sqlite:///" + str(Path(tempfile.mkdtemp()) / "bench.db")
    results = quality(url)
    _print_quality(results)
    if args.verbose:
        print(json.dumps({name: r["misses"] for name, r in results.items()}, indent=1))


if __name__ == "__main__":
    main()
