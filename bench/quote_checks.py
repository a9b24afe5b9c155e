"""Quote checks on a long source: 1,000 claims re-checked after an edit, one claim recorded.

Usage: python -m bench.quote_checks [--database-url URL] [--edits N] [--records N]

Builds a deterministic 500,000-character news-style text with quotations, records 1,000
claims on it (direct quotes, narration posted as quotes, paraphrases with spans), then
times, in process, through the domain's use cases:
- an edit of the source's text that moves every claim (a paragraph added or removed at the
  top): the whole update, and how long it holds the write lock;
- recording one more claim on the source: the whole call, and its write lock;
- checking one 20,000-character quote against the source (verbatim, and with a word
  changed), without the database.
A second process writes (a small speaker update every 20 ms) throughout the edits and
reports the longest it waited.
"""

import argparse
import multiprocessing
import random
import time
from contextlib import contextmanager

from bench.harness import backend_name, database_url, fresh_database, row
from claims import claims, db, sources, speakers
from claims.anchoring import SourceIndex, check_quote, source_index
from claims.editors import system_editor
from claims.enums import ClaimKind, SpeakerKind

SOURCE_CHARS = 500_000
CLAIMS = 1_000
SYLLABLES = "ba ko ri ten mar lo su vin de ra po li stan gor mi ne tu sel far cha".split()
# A vocabulary of 5,000 made-up words used with Zipf frequencies, as words are in news copy.
VOCABULARY = sorted(
    {"".join(random.Random(n).choices(SYLLABLES, k=1 + n % 3)) for n in range(20_000)}
)[:5_000]
WEIGHTS = [1 / rank for rank in range(1, len(VOCABULARY) + 1)]
NAMES = ["Eva Lind", "Paul Grey", "Mia Bond", "Ana Ruiz", "Tom Hale", "Lena Ortiz"]


def sentence(rng, words=12):
    text = " ".join(rng.choices(VOCABULARY, WEIGHTS, k=words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng):
    """A news paragraph: a quotation with its attribution, or narration."""
    if rng.random() < 0.6:
        said = f"{rng.choice(NAMES)} said" if rng.random() < 0.5 else "she said"
        return f"“{sentence(rng, rng.randint(8, 20))} {sentence(rng)}” {said}."
    return f"{sentence(rng, rng.randint(10, 25))} {sentence(rng)}"


def build_text(rng):
    parts, length = ["A long report on the harbour", ""], 0
    while length < SOURCE_CHARS:
        parts.append(paragraph(rng))
        length += len(parts[-1]) + 2
    return "\n\n".join(parts)[:SOURCE_CHARS].rsplit("\n\n", 1)[0]


def claim_texts(rng, text, count):
    """Quotes taken from the text's quotations and narration, some typed with changes."""
    index = source_index(text)
    picks = []
    while len(picks) < count:
        at = rng.randrange(len(index.keys) - 30)
        length = rng.randint(4, 14)
        words = index.surface[at : at + length]
        kind = ClaimKind.DIRECT_QUOTE.value
        span = None
        roll = rng.random()
        if roll < 0.15:
            words = list(words)
            words[len(words) // 2] = "banana"
        elif roll < 0.25:
            kind = ClaimKind.PARAPHRASE.value
            span = (index.starts[at], index.ends[at + length - 1])
        picks.append((kind, " ".join(words), span))
    return picks


@contextmanager
def timed_lock(holds):
    """``claims.db.write`` that records how long each outermost transaction is open."""
    original = db.write

    @contextmanager
    def write():
        outer = db.database.transaction_depth() == 0
        started = time.perf_counter()
        with original() as transaction:
            yield transaction
        if outer:
            holds.append((time.perf_counter() - started) * 1000)

    patched = [claims, sources]
    for module in patched:
        module.write = write
    try:
        yield
    finally:
        for module in patched:
            module.write = original


def other_writer(url, speaker_id, stop, waits):
    """Another editor's writes, every 20 ms, until ``stop``: the longest wait goes in."""
    from claims.db import open_database

    open_database(url)
    editor = system_editor("bench-other")
    version, longest = speakers.get_speaker(speaker_id).version, 0.0
    while not stop.is_set():
        started = time.perf_counter()
        speaker = speakers.update_speaker(
            speaker_id, editor=editor, version=version, description=f"at {started}"
        )
        version = speaker.version
        longest = max(longest, (time.perf_counter() - started) * 1000)
        time.sleep(0.02)
    waits.put(longest)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url")
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--records", type=int, default=100)
    args = parser.parse_args()
    url = database_url(args.database_url)
    backend = backend_name(url)
    fresh_database(url)
    rng = random.Random(7)
    editor = system_editor("bench")
    text = build_text(rng)
    source = sources.create_source(editor=editor, kind="article", title="Long report", text=text)
    people = [
        speakers.create_speaker(editor=editor, name=name, kind=SpeakerKind.PERSON.value).id
        for name in NAMES
    ]
    picks = claim_texts(rng, text, CLAIMS + args.records)
    for n, (kind, words, span) in enumerate(picks[:CLAIMS]):
        anchor = {"start": span[0], "end": span[1]} if span else None
        claims.record_claim(
            editor=editor,
            speaker_id=people[n % len(people)],
            source_id=source.id,
            kind=kind,
            text=words,
            anchor=anchor,
        )

    stop, waits = multiprocessing.Event(), multiprocessing.Queue()
    writer = multiprocessing.Process(target=other_writer, args=(url, people[0], stop, waits))
    writer.start()
    preface = "Update: this report was corrected on Friday.\n\n"
    title, body = text.split("\n\n", 1)
    totals, holds = [], []
    with timed_lock(holds):
        version = source.version
        for n in range(args.edits):
            new_text = f"{title}\n\n{preface}{body}" if n % 2 == 0 else text
            started = time.perf_counter()
            version = sources.update_source(
                source.id, editor=editor, version=version, text=new_text
            ).version
            totals.append((time.perf_counter() - started) * 1000)
    stop.set()
    writer.join()
    longest_wait = waits.get()
    row(
        f"source edit re-checking {CLAIMS:,} claims, 500,000 characters: whole update",
        backend,
        totals,
    )
    row("  of which under the write lock", backend, holds)
    print(
        f"|  another writer's longest wait during the edits | {backend} | "
        f"{longest_wait:.1f} ms (max) | | |"
    )

    totals, holds = [], []
    with timed_lock(holds):
        for n, (_kind, _words, _span) in enumerate(picks[CLAIMS:]):
            started = time.perf_counter()
            claims.record_claim(
                editor=editor,
                speaker_id=people[n % len(people)],
                source_id=source.id,
                kind=ClaimKind.DIRECT_QUOTE.value,
                text=words,
            )
            totals.append((time.perf_counter() - started) * 1000)
    row("record one claim on the 500,000-character source", backend, totals)
    row("  of which under the write lock", backend, holds)

    times = []
    for _ in range(5):
        started = time.perf_counter()
        SourceIndex(text)
        times.append((time.perf_counter() - started) * 1000)
    row("index a 500,000-character text (once per version)", "none", times)
    index = source_index(text)
    first = next(i for i, q in enumerate(index.quoted) if q >= 0)
    long_quote = text[index.starts[first] : index.starts[first] + 20_000].rsplit(" ", 1)[0]
    for label, quote in [
        ("verbatim", long_quote),
        ("a word changed", long_quote.replace(" ", " banana ", 1)),
    ]:
        times = []
        for _ in range(5):
            started = time.perf_counter()
            check_quote(text, quote, ClaimKind.DIRECT_QUOTE.value)
            times.append((time.perf_counter() - started) * 1000)
        row(f"check a 20,000-character quote ({label})", "none", times)


if __name__ == "__main__":
    main()
