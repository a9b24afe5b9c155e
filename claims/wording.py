"""What a claim's words say, for comparing two claims: terms, negations, opposing cues.

Rules:

- A claim's **terms** are its content words, stemmed (Snowball English): stop words,
  reporting verbs ("said", "according") and negation words are not terms. Abbreviations
  with dots count as one word ("U.S." is ``u.s``, never the pronoun "us").
- A **negation** covers the few words after a negation word ("not", "no", "never", "n't",
  "nobody", "nothing", "none", "neither", "nor", "no longer"), up to the end of the clause:
  "Russia does not have a permanent base" negates ``perman``, ``base``; its first terms are
  what it denies. Not
  negations: "not only", "no doubt", and a refusal to answer ("would not say", "did not
  know", "declined to comment"), which denies nothing of the content.
- An **opposing cue** is a word or phrase by which a claim rejects another statement:
  "denied", "rejected", "dismissed", "refuted", "false", "untrue", "baseless", "there is
  no", "no evidence", ... also when it is the claim's attribution cue ("denied").
- A **contrast** in a source sets two statements of one sentence against each other
  ("While Russia has claimed ..., U.S. officials say ...", "..., but ...").
"""

import re
from functools import lru_cache
from typing import NamedTuple

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("english")

TOKENS = re.compile(r"(?:[A-Za-z]\.){2,}|\d[\d,.]*\d|\d|[^\W\d_]+(?:['’][^\W\d_]+)*")

STOP_WORDS = frozenset(
    """
a about above after again against all almost also although am among an and any are aren't
around as at be because been before being below between both but by can could did do does
doing done down during each either else even ever every few for from further had has have
having he her here hers herself him himself his how however i if in into is it its itself
just least less let like many may me might more most much must my myself of off on once only
onto or other others our ours ourselves out over own per perhaps quite rather same she should
since so some still such than that the their theirs them themselves then there these they
this those though through to too toward towards under until up upon us very via was we were
what whatever when where whether which while who whom whose why will with within would yet
you your yours yourself yourselves it's that's there's we've we're we'd they're they've i'm
one's s t also already ago
said say says saying told tell tells according added adding stated states stating claimed
claims claiming noted noting insisted insisting argued argues asserted explained reported
reporters statement called calls calling confirmed confirms announced
mr mrs ms dr
""".split()
)

NEGATIONS = frozenset("not no never nobody nothing none neither nor cannot without n't".split())
# Words after which "not"/"no" does not negate the content.
NOT_NEGATING_AFTER = {"not": {"only", "just", "merely"}, "no": {"doubt", "matter"}}
# Verbs whose negation is a refusal to answer, not a denial of the content.
NON_ANSWERS = frozenset(
    "say comment confirm know disclose specify elaborate detail discuss reveal respond "
    "answer identify speculate".split()
)
CLAUSE_BREAKS = frozenset(", ; : — – but and which who because although while".split())
NEGATION_REACH = 6

OPPOSING_CUES = (
    "denied",
    "denies",
    "deny",
    "denying",
    "denial",
    "rejected",
    "rejects",
    "reject",
    "rejecting",
    "dismissed",
    "dismisses",
    "dismissing",
    "refuted",
    "refutes",
    "disputed",
    "disputes",
    "contradicted",
    "contested",
    "false",
    "untrue",
    "baseless",
    "groundless",
    "unfounded",
    "fake",
    "incorrect",
    "inaccurate",
    "misleading",
    "wrong",
    "fabricated",
    "there is no",
    "there was no",
    "there are no",
    "there were no",
    "no evidence",
    "not true",
    "no truth",
    "nonsense",
    "lies",
    "lie",
    "myth",
    "rumours",
    "rumors",
    "pushed back",
    "played down",
    "downplayed",
)
_OPPOSING = re.compile(
    r"\b("
    + "|".join(re.escape(cue) for cue in sorted(OPPOSING_CUES, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
CONTRASTS = re.compile(
    r"\b(while|whereas|but|however|although|though|yet|in contrast|on the other hand|"
    r"contrary to|disputed|denied|rejected)\b",
    re.IGNORECASE,
)


class Word(NamedTuple):
    text: str  # as written
    norm: str  # lower case, typographic apostrophes straightened
    stem: str | None  # None for stop words, negations and numbers


@lru_cache(maxsize=200_000)
def stem(word):
    return _STEMMER.stemWord(word)


def _normal(token):
    norm = token.lower().replace("’", "'")
    if "." in norm and norm[0].isalpha():
        # "U.S." stays apart from the pronoun "us".
        norm = norm.rstrip(".")
    return norm


ATTRIBUTION_TAIL = (
    r"\b(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|"
    r"yesterday))?(?:\s+that)?"
)
REPORTING = re.compile(
    r"\b(?:said|says|say|told reporters|told|claimed|claims|claim|insisted|insists|added|"
    r"argued|argues|confirmed|confirms|denied|denies|stated|states|warned|warns|"
    r"according to)" + ATTRIBUTION_TAIL,
    re.IGNORECASE,
)
MIN_CONTENT_WORDS = 3


def content(text, cue=None):
    """What a paraphrase says without who says it: the words after its attribution ("The
    ministry said Tuesday that ..."), or before it ("..., he said") when little follows.
    A claim without an attribution is all content."""
    match = None
    if cue:
        match = re.search(r"\b" + re.escape(cue) + ATTRIBUTION_TAIL, text, re.IGNORECASE)
    match = match or REPORTING.search(text)
    if match is None:
        return text
    after, before = text[match.end() :], text[: match.start()]
    if len(after.split()) >= MIN_CONTENT_WORDS:
        return after
    return before if len(before.split()) >= MIN_CONTENT_WORDS else text


@lru_cache(maxsize=100_000)
def _token_words(token):
    norm = _normal(token)
    parts = [(token, norm)]
    if norm.endswith("n't"):
        parts = [(token, norm[:-3] or norm), ("", "n't")]
    found = []
    for spelling, part in parts:
        is_term = (
            part not in STOP_WORDS
            and part not in NEGATIONS
            and not part[0].isdigit()
            and len(part) > 1
        )
        if is_term and part.endswith("'s"):
            part = part[:-2]
        found.append(Word(spelling, part, stem(part) if is_term else None))
    return tuple(found)


@lru_cache(maxsize=4096)
def words(text):
    """The words of ``text`` in order, each with its stem when it is a term."""
    found = []
    for token in TOKENS.findall(text):
        found.extend(_token_words(token))
    return tuple(found)


def terms(text):
    """``{stem: first spelling}`` of the claim's terms."""
    found = {}
    for word in words(text):
        if word.stem and word.stem not in found:
            found[word.stem] = word.text
    return found


def contexts(text, reach=3):
    """``{stem: the term with the words before it}``, at its first occurrence."""
    sequence = words(text)
    found = {}
    for index, word in enumerate(sequence):
        if word.stem and word.stem not in found:
            found[word.stem] = " ".join(
                w.text for w in sequence[max(0, index - reach) : index + 1] if w.text
            )
    return found


def negations(text):
    """``[(phrase, [stems])]``: each negation with the terms it covers, in order (see the
    module's rules). The phrase runs from the word before the negation to its last term."""
    sequence = words(text)
    found = []
    for index, word in enumerate(sequence):
        if word.norm not in NEGATIONS:
            continue
        following = sequence[index + 1 : index + 1 + NEGATION_REACH]
        if following and following[0].norm in NOT_NEGATING_AFTER.get(word.norm, ()):
            continue
        if following and following[0].norm in ("longer",):
            following = following[1:]
        if any(_is_non_answer(w) for w in following[:2]):
            continue
        stems, last = [], index
        for offset, other in enumerate(following):
            if other.norm in CLAUSE_BREAKS:
                break
            if other.stem:
                stems.append(other.stem)
                last = index + 1 + offset
        if stems:
            phrase = sequence[max(0, index - 1) : last + 1]
            found.append((" ".join(w.text for w in phrase if w.text), stems))
    return found


def negated_terms(text):
    """``{stem: "the negating words"}``: every term under a negation."""
    return {stem: phrase for phrase, stems in reversed(negations(text)) for stem in stems}


def _is_non_answer(word):
    return word.norm in NON_ANSWERS or stem(word.norm) in NON_ANSWERS


# The words any opposing cue starts with: most claims have none, and need no regex.
_OPPOSING_FIRST = frozenset(cue.split()[0] for cue in OPPOSING_CUES)


@lru_cache(maxsize=4096)
def _opposing_in(text):
    if not any(word.norm in _OPPOSING_FIRST for word in words(text)):
        return ()
    return tuple(match.group().lower() for match in _OPPOSING.finditer(text))


def opposing_cues(text, cue=None):
    """The opposing cues of a claim's text and attribution cue, lower case, in order."""
    found = list(_opposing_in(text))
    if cue:
        found = list(_opposing_in(cue)) + found
    return list(dict.fromkeys(found))


def contrast_between(text):
    """The contrast word that sets two statements in ``text`` against each other, or None."""
    match = CONTRASTS.search(text)
    return match.group().lower() if match else None
