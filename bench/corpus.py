"""A deterministic corpus of newsroom claims, written as NDJSON for ``claims import``.

    python -m bench.corpus corpus.ndjson                 # 1,000,000 claims (about 600 MB)
    python -m bench.corpus small.ndjson --scale 0.01     # 10,000 claims, same proportions

The same arguments always write the same bytes (one seeded ``random.Random``, no clock, no
hash ordering). Proportions at scale 1:

- 100,000 sources (articles, transcripts, press releases) of 1,200-4,000 characters, each
  the home of 4 to 16 claims: quoted paragraphs (``"...," Name said.``) and narration.
- 50,000 speakers (people, organisations, groups); claims per speaker follow a Zipf-like
  law, so a few speakers have thousands of claims and most have a handful.
- 1,000,000 claims: 80% direct quotes (0.5% of them altered: one word changed), 20%
  paraphrases; 12 to 40 words drawn from a Zipf law over a 20,000-word vocabulary.
- Marker words for search at every breadth: ``officials`` in 25% of claims, ``reservoir``
  in 1%, ``zeppelin`` in 0.01%, and the phrase ``permanent base`` in about 0.4%.
- 300,000 relations (no self-links, no duplicates, never supports and contradicts between
  the same pair); claim 1 is contradicted by 175 others.
- 2,000 disputes; the first has 500 positions, the others 2 to 20.

Keys: ``s<n>`` sources, ``p<n>`` speakers, ``c<n>`` claims, ``d<n>`` disputes, numbered from 1
in the order written, which is also the order of the ids an empty database gives them.
"""

import argparse
import bisect
import itertools
import json
import random
import sys

SEED = 20261202
FULL = {
    "claims": 1_000_000,
    "speakers": 50_000,
    "sources": 100_000,
    "relations": 300_000,
    "disputes": 2_000,
}
MARKERS = (("officials", 0.25), ("reservoir", 0.01), ("zeppelin", 0.0001))
ALTERED = 0.005
PHRASE, PHRASE_SHARE = "permanent base", 0.004
BIG_DISPUTE_POSITIONS = 500
HUB_CONTRADICTIONS = 175

# The head of the vocabulary, most frequent first: function words, then a newsroom's words.
HEAD = """
the of and to a in that is for it on was with he as be by at this have from or are not
they his we but an has had were their will would been more there which she its also who
about up one could than what all into after when can other new two over our first year
people some only these may them years if him no government said says told last time just
state most those because any three plan public million percent week country city police
minister president report support law health party leader money market court tax water
school policy council budget deal trade security border election vote workers prices
energy housing military forces region talks agreement months former national federal
local company companies industry officers spokesman spokeswoman data cost costs growth
rate rates program project service services hospital patients doctors teachers students
families children community members office agency department committee board union
investigation evidence statement comments claim claims figures number numbers increase
decrease crisis plans funding schools roads bridge rail transport airport port fuel gas
oil power grid climate flood floods drought fire fires storm weather emergency response
inflation jobs wages pension debt deficit spending bill measure proposal reform rules
review inquiry hearing judge trial case charges lawyers prison sentence crime safety
troops base bases treaty sanctions allies neighbours mission ships aircraft missile
negotiations ceasefire aid refugees camp villages province capital district mayor
governor senator lawmakers parliament cabinet ministry opposition coalition campaign
voters poll polls turnout ballot results protest protesters strike march rally
""".split()
SYLLABLES = (
    "ba be bi bo bu da de di do du fa fe fi fo ka ke ki ko ku la le li lo lu ma "
    "me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so ta te ti to "
    "va ve vi vo za ze zi"
).split()
CODAS = ("", "n", "r", "s", "l", "t", "m", "nd", "rt", "st")
FIRST = (
    "Anna Ben Carla David Elena Farid Grace Hassan Ines James Kira Leo Maria Nadia Omar "
    "Paula Quentin Rosa Samuel Tara Umar Vera Walter Xenia Yusuf Zoe Amir Beatriz Chen "
    "Dara Emeka Fatima Goran Hana Ivan Julia Kofi Lina Mateo Nora Oscar Priya Rami Sofia "
    "Tomas Ursula Viktor Wen Yara Zane"
).split()
LAST = (
    "Abbott Baker Castillo Dimitrov Eriksen Fontaine Garcia Haddad Ibrahim Jensen Kowalski "
    "Larsen Moreau Nakamura Okafor Petrov Quinn Rossi Schmidt Tanaka Usman Varga Weber "
    "Xu Yilmaz Zielinski Adeyemi Bergstrom Caruso Delgado Ekwueme Fischer Gallagher "
    "Horvat Iqbal Janssen Kaplan Lindqvist Mendes Novak Ortega Pereira Reyes Sato Toner "
    "Ueda Vogel Walsh Yamamoto Zhou"
).split()
ROLES = (
    "spokesman",
    "spokeswoman",
    "minister",
    "senator",
    "mayor",
    "chief executive",
    "economist",
    "analyst",
    "police chief",
    "professor",
    "union leader",
    "governor",
)
NATIONS = (
    "Iranian Iraqi Turkish French German Brazilian Kenyan Indian Japanese Mexican "
    "Canadian Polish Egyptian Nigerian Chilean Korean"
).split()
BODIES = (
    "Ministry of Health",
    "Ministry of Finance",
    "Port Authority",
    "Water Board",
    "Teachers Union",
    "Chamber of Commerce",
    "Electoral Commission",
    "Transit Agency",
    "Central Bank",
    "Housing Trust",
    "Red Cross",
    "Farmers Federation",
)
PUBLISHERS = tuple(
    f"The {a} {b}"
    for a in ("Daily", "Evening", "Morning", "Weekly", "Sunday")
    for b in (
        "Herald",
        "Courier",
        "Post",
        "Ledger",
        "Tribune",
        "Gazette",
        "Chronicle",
        "Observer",
        "Standard",
        "Record",
    )
)
SOURCE_KINDS = ("article",) * 8 + ("transcript", "press_release")
CUES = ("said", "said", "said", "says", "told reporters", "added", "has claimed", "insisted")
RELATION_TYPES = ("supports", "contradicts", "qualifies", "repeats")
STANCES = ("affirms", "denies", "qualifies")


class Vocabulary:
    """HEAD then generated words, drawn with weight 1/rank (Zipf's law)."""

    def __init__(self, rng, size=20_000):
        words, seen = list(HEAD), set(HEAD)
        markers = {word for word, _ in MARKERS} | set(PHRASE.split())
        while len(words) < size:
            word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
            word += rng.choice(CODAS)
            if word not in seen and word not in markers:
                seen.add(word)
                words.append(word)
        self.words = words
        self.cumulative = list(itertools.accumulate(1 / rank for rank in range(1, size + 1)))
        self.total = self.cumulative[-1]

    def draw(self, rng, count):
        cumulative, total, words = self.cumulative, self.total, self.words
        return [words[bisect.bisect(cumulative, rng.random() * total)] for _ in range(count)]


def _sentence(rng, vocabulary, low, high, extra=()):
    words = vocabulary.draw(rng, rng.randint(low, high))
    for word in extra:
        words.insert(rng.randint(0, len(words)), word)
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _speakers(rng, count):
    for n in range(1, count + 1):
        if n % 100 == 1:
            nation = NATIONS[(n // 100) % len(NATIONS)]
            name, kind = f"{nation} officials {n}" if n > 100 else f"{nation} officials", "group"
        elif n % 10 == 2:
            body = BODIES[n % len(BODIES)]
            name, kind = f"{body} of District {n}", "organization"
        else:
            name, kind = f"{rng.choice(FIRST)} {rng.choice(LAST)} {n}", "person"
        speaker = {"resource": "speaker", "key": f"p{n}", "name": name, "kind": kind}
        if kind == "person" and rng.random() < 0.5:
            speaker["description"] = (
                f"{rng.choice(ROLES).capitalize()} since {rng.randint(1990, 2026)}"
            )
        yield speaker


def _claims_per_source(rng, claims, sources):
    counts = [rng.randint(4, 16) for _ in range(sources)]
    difference = claims - sum(counts)
    step = 1 if difference > 0 else -1
    index = 0
    while difference:
        if 1 <= counts[index] + step <= 30:
            counts[index] += step
            difference -= step
        index = (index + 1) % sources
    return counts


def _marker_words(rng):
    extra = [word for word, share in MARKERS if rng.random() < share]
    if rng.random() < PHRASE_SHARE:
        extra.append(PHRASE)
    return extra


def _speaker_drawer(rng, speakers):
    cumulative = list(itertools.accumulate(1 / (rank**0.8) for rank in range(1, speakers + 1)))
    total = cumulative[-1]
    return lambda: bisect.bisect(cumulative, rng.random() * total) + 1


def _alter(rng, vocabulary, text):
    words = text.split(" ")
    index = rng.randint(1, len(words) - 2)
    replacement = vocabulary.draw(rng, 1)[0]
    while replacement == words[index]:
        replacement = vocabulary.draw(rng, 1)[0]
    words[index] = replacement
    return " ".join(words)


def _source_and_claims(rng, vocabulary, number, count, next_claim, draw_speaker, names):
    """One source line and its ``count`` claim lines."""
    paragraphs, claims = [], []
    for _ in range(rng.randint(1, 3)):
        paragraphs.append(_sentence(rng, vocabulary, 15, 30))
    for i in range(count):
        speaker = draw_speaker()
        name = names[speaker - 1]
        cue = rng.choice(CUES)
        text = _sentence(rng, vocabulary, 12, 40, _marker_words(rng))[:-1]
        claim = {
            "resource": "claim",
            "key": f"c{next_claim + i}",
            "speaker_key": f"p{speaker}",
            "source_key": f"s{number}",
            "speaker_name_as_written": name,
            "cue": cue,
        }
        if rng.random() < 0.8:
            paragraphs.append(f"\u201c{text},\u201d {name} {cue}.")
            claim["kind"] = "direct_quote"
            claim["text"] = _alter(rng, vocabulary, text) if rng.random() < ALTERED else text
        else:
            paragraphs.append(f"{name} {cue} that {text[0].lower()}{text[1:]}.")
            claim["kind"] = "paraphrase"
            claim["text"] = text
        if rng.random() < 0.3:
            claim["said_on"] = (
                f"20{rng.randint(10, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            )
        if rng.random() < 0.2:
            claim["tags"] = rng.sample(
                (
                    "economy",
                    "health",
                    "defence",
                    "climate",
                    "housing",
                    "elections",
                    "transport",
                    "crime",
                ),
                rng.randint(1, 2),
            )
        claims.append(claim)
        if rng.random() < 0.3:
            paragraphs.append(_sentence(rng, vocabulary, 10, 25))
    year, month, day = rng.randint(2010, 2026), rng.randint(1, 12), rng.randint(1, 28)
    publisher = rng.choice(PUBLISHERS)
    source = {
        "resource": "source",
        "key": f"s{number}",
        "kind": rng.choice(SOURCE_KINDS),
        "title": _sentence(rng, vocabulary, 5, 12)[:-1],
        "publisher": publisher,
        "url": f"https://news.example/{year}/{month:02d}/{number}",
        "published_at": f"{year}-{month:02d}-{day:02d}",
        "authors": [f"{rng.choice(FIRST)} {rng.choice(LAST)}"],
        "text": "\n\n".join(paragraphs),
    }
    return source, claims


def _relations(rng, claims, count):
    """``count`` relations obeying the rules; claim 1 is contradicted by HUB_CONTRADICTIONS."""
    taken = set()

    def pair(a, b):
        return (min(a, b), max(a, b))

    for n in range(2, min(HUB_CONTRADICTIONS + 2, claims + 1)):
        taken.add(pair(1, n))
        yield {
            "resource": "relation",
            "from_claim_key": f"c{n}",
            "to_claim_key": "c1",
            "type": "contradicts",
        }
    made = len(taken)
    while made < count:
        a = rng.randint(1, claims)
        b = a + rng.randint(1, 200) if rng.random() < 0.7 else rng.randint(1, claims)
        if b > claims or a == b or pair(a, b) in taken:
            continue
        taken.add(pair(a, b))
        made += 1
        line = {
            "resource": "relation",
            "from_claim_key": f"c{a}",
            "to_claim_key": f"c{b}",
            "type": RELATION_TYPES[rng.randint(0, 3)],
        }
        if rng.random() < 0.2:
            line["rationale"] = "Figures do not match the agency's report."
        yield line


def _disputes(rng, vocabulary, claims, count):
    for n in range(1, count + 1):
        size = min(BIG_DISPUTE_POSITIONS if n == 1 else rng.randint(2, 20), claims)
        members = sorted(rng.sample(range(1, claims + 1), size))
        yield {
            "resource": "dispute",
            "key": f"d{n}",
            "question": _sentence(rng, vocabulary, 6, 14)[:-1] + "?",
            "status": ("open", "open", "settled", "dormant")[rng.randint(0, 3)],
            "positions": [{"claim_key": f"c{m}", "stance": rng.choice(STANCES)} for m in members],
        }


def generate(scale=1.0, seed=SEED):
    """Yield the corpus's lines (dicts) in an order ``claims import`` can follow."""
    rng = random.Random(seed)
    sizes = {name: max(1, round(value * scale)) for name, value in FULL.items()}
    vocabulary = Vocabulary(rng)
    speakers = list(_speakers(rng, sizes["speakers"]))
    yield from speakers
    names = [speaker["name"] for speaker in speakers]
    draw_speaker = _speaker_drawer(rng, sizes["speakers"])
    next_claim = 1
    for number, count in enumerate(
        _claims_per_source(rng, sizes["claims"], sizes["sources"]), start=1
    ):
        source, claims = _source_and_claims(
            rng, vocabulary, number, count, next_claim, draw_speaker, names
        )
        next_claim += count
        yield source
        yield from claims
    yield from _relations(rng, sizes["claims"], min(sizes["relations"], sizes["claims"] * 3))
    yield from _disputes(rng, vocabulary, sizes["claims"], sizes["disputes"])


def write(out, scale=1.0, seed=SEED):
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    for line in generate(scale, seed):
        out.write(dumps(line))
        out.write("\n")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("output", help="the NDJSON file to write ('-' for standard output)")
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="fraction of the full corpus (1.0 = 1,000,000 claims)",
    )
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    if args.output == "-":
        write(sys.stdout, args.scale, args.seed)
    else:
        with open(args.output, "w", encoding="utf-8") as out:
            write(out, args.scale, args.seed)


if __name__ == "__main__":
    main()
