"""Extraction against gold annotations: precision, recall, speakers, cues and speed.

Usage:
    python -m bench.extraction [GOLD.json ...] [--runs N] [--verbose]

Without files it reads the seed's gold (``seeds/seed_article.gold.json``, in the format
the seed's annotators wrote), the development set (``bench/dev/*.gold.json``, used to find
and fix rules) and the held-out set (``bench/heldout/*.gold.json``, written after the
rules and never used to change them), with a total line for each set.

Scoring, per text and in total:

- A candidate matches a gold statement of the same kind whose span it overlaps by at least
  half of the longer of the two; a direct quote must have the gold text exactly, one end
  punctuation mark and the white space at either end aside. Each gold statement is matched
  once, by the candidate that overlaps it most (between equal overlaps, one whose speaker
  is right: a relayed statement shares its relay's span).
- Precision: matched candidates / candidates; recall: matched gold statements / gold
  statements; F1 their harmonic mean.
- Speaker accuracy, over matched statements: the candidate's speaker (its name or the
  mention as written) names the gold speaker (its name or one of its aliases, compared as
  ``claims.speaker_names`` compares names).
- Cue accuracy, over matched statements whose gold gives a cue: the same words, case aside.
- said_on accuracy, over matched statements whose gold resolves a date: the same date.
- Speed: a 1,500-word article (the texts' paragraphs, repeated in turn) extracted ``--runs``
  times in-process with every cache emptied between runs; median and 95th percentile.
"""

import argparse
import json
import statistics
import time
from pathlib import Path

from claims import attribution, quotations, sentences, speaker_names
from claims.extraction import extract

HERE = Path(__file__).parent
SEED_GOLD = HERE.parent / "seeds" / "seed_article.gold.json"
DEV = HERE / "dev"
HELD_OUT = HERE / "heldout"
SETS = {DEV: "**development set**", HELD_OUT: "**held-out set**"}
SPEED_WORDS = 1_500
END_PUNCTUATION = ".,;:!?\u2026"


def load(gold_path):
    """``(name, text, gold)`` of a gold file, whose text file lies beside it."""
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    text_path = Path(gold_path).parent / gold["text_file"]
    return (
        Path(gold_path).name.removesuffix(".gold.json"),
        text_path.read_text(encoding="utf-8"),
        gold,
    )


def _same_quote(found, wanted):
    def bare(value):
        value = value.strip()
        return value[:-1].rstrip() if value and value[-1] in END_PUNCTUATION else value

    return bare(found) == bare(wanted)


def _overlap(candidate, statement):
    shared = min(candidate.end, statement["end"]) - max(candidate.start, statement["start"])
    longer = max(candidate.end - candidate.start, statement["end"] - statement["start"])
    return shared / longer if longer else 0.0


def match(candidates, statements, speakers):
    """``{gold index: candidate index}`` under the rules above; between equal overlaps (a
    relayed statement shares its relay's span) the candidate with the right speaker."""
    pairs = []
    for c_index, candidate in enumerate(candidates):
        for s_index, statement in enumerate(statements):
            if candidate.kind != statement["kind"]:
                continue
            overlap = _overlap(candidate, statement)
            if overlap < 0.5:
                continue
            if statement["kind"] == "direct_quote" and not _same_quote(
                candidate.text, statement["text"]
            ):
                continue
            right = _names_speaker(candidate, speakers[statement["speaker"]])
            pairs.append((overlap, right, s_index, c_index))
    matched, used = {}, set()
    for _overlap_value, _right, s_index, c_index in sorted(pairs, reverse=True):
        if s_index not in matched and c_index not in used:
            matched[s_index] = c_index
            used.add(c_index)
    return matched


def _names_speaker(candidate, speaker):
    names = [speaker["name"], *(speaker.get("aliases") or [])]
    return any(
        speaker_names.matches(found, names[0], names[1:])
        or any(speaker_names.normalised(found) == speaker_names.normalised(n) for n in names)
        for found in (candidate.speaker_name, candidate.mention["text"])
        if found
    )


def score(text, gold):
    candidates = extract(text, gold.get("source", {}).get("published"))
    statements = gold["statements"]
    speakers = {s["id"]: s for s in gold["speakers"]}
    matched = match(candidates, statements, speakers)
    row = {
        "candidates": len(candidates),
        "gold": len(statements),
        "matched": len(matched),
        "speaker_right": 0,
        "cue_total": 0,
        "cue_right": 0,
        "date_total": 0,
        "date_right": 0,
        "misses": [],
        "extra": [],
    }
    for s_index, c_index in matched.items():
        statement, candidate = statements[s_index], candidates[c_index]
        row["speaker_right"] += _names_speaker(candidate, speakers[statement["speaker"]])
        if statement.get("cue"):
            row["cue_total"] += 1
            row["cue_right"] += candidate.cue.casefold() == statement["cue"].casefold()
        if statement.get("said_on_resolved"):
            row["date_total"] += 1
            row["date_right"] += str(candidate.said_on) == statement["said_on_resolved"]
        if not _names_speaker(candidate, speakers[statement["speaker"]]):
            row["misses"].append(
                f"speaker {candidate.speaker_name!r} for {statement['id']} ({statement['speaker']})"
            )
    row["misses"] += [
        f"missed {s['id']} {s['kind']} {s['text'][:70]!r}"
        for i, s in enumerate(statements)
        if i not in matched
    ]
    used = set(matched.values())
    row["extra"] = [
        f"extra {c.kind} {c.text[:70]!r} ({c.speaker_name})"
        for i, c in enumerate(candidates)
        if i not in used
    ]
    return row


def _ratio(part, whole):
    return part / whole if whole else float("nan")


def _line(name, row):
    precision = _ratio(row["matched"], row["candidates"])
    recall = _ratio(row["matched"], row["gold"])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    cues = f"{_ratio(row['cue_right'], row['cue_total']):.2f}" if row["cue_total"] else "-"
    dates = f"{_ratio(row['date_right'], row['date_total']):.2f}" if row["date_total"] else "-"
    return (
        f"| {name} | {row['gold']} | {row['candidates']} | {precision:.2f} | {recall:.2f} "
        f"| {f1:.2f} | {_ratio(row['speaker_right'], row['matched']):.2f} | {cues} "
        f"| {dates} |"
    )


def _article(texts):
    """About ``SPEED_WORDS`` words of news: the texts' paragraphs in turn."""
    paragraphs = [p for text in texts for p in text.split("\n\n")[1:] if p.strip()]
    chosen, words = [], 0
    while words < SPEED_WORDS:
        paragraph = paragraphs[len(chosen) % len(paragraphs)]
        chosen.append(paragraph)
        words += len(paragraph.split())
    return "Headline of the article\n\n" + "\n\n".join(chosen)


def speed(texts, runs):
    article = _article(texts)
    timings = []
    for _ in range(runs):
        for cached in (
            attribution._analyse,
            quotations._quotations,
            sentences._read,
            speaker_names.normalised,
            speaker_names._bare,
            speaker_names._key,
        ):
            cached.cache_clear()
        began = time.perf_counter()
        extract(article, "2026-01-01")
        timings.append((time.perf_counter() - began) * 1000)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
    return len(article.split()), statistics.median(timings), p95


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", help="gold files (default: the seed and bench/dev)")
    parser.add_argument("--runs", type=int, default=50, help="timed runs of the speed test")
    parser.add_argument("--verbose", action="store_true", help="list misses and extras")
    args = parser.parse_args(argv)
    paths = args.gold or [
        SEED_GOLD,
        *sorted(DEV.glob("*.gold.json")),
        *sorted(HELD_OUT.glob("*.gold.json")),
    ]
    print(
        "| text | gold | found | precision | recall | F1 | speaker acc. | cue acc. | said_on acc. |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    total, set_totals, texts = None, {}, []
    for path in paths:
        name, text, gold = load(path)
        texts.append(text)
        row = score(text, gold)
        print(_line(name, row))
        if args.verbose:
            for note in row["misses"] + row["extra"]:
                print(f"    {note}")
        total = _add(total, row)
        folder = Path(path).parent
        if folder in SETS:
            set_totals[folder] = _add(set_totals.get(folder), row)
    for folder, name in SETS.items():
        if folder in set_totals:
            print(_line(name, set_totals[folder]))
    print(_line("**all**", total))
    words, p50, p95 = speed(texts, args.runs)
    print(f"\nspeed: {words:,} words, p50 {p50:.1f} ms, p95 {p95:.1f} ms ({args.runs} runs)")


def _add(total, row):
    if total is None:
        return {k: v for k, v in row.items() if not isinstance(v, list)}
    return {k: total[k] + row[k] for k in total}


if __name__ == "__main__":
    main()
