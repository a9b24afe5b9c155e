"""Quantities in a claim: numbers with their units and what they count.

Rules:

- Numbers are written in digits ("186", "10,000", "1.5") or words ("ninety-seven", "two
  hundred", "a dozen"), with a multiplier ("3 million", "1.2bn", "40k").
- What a number counts is the nearest word after it (or, failing that, before it) that names
  a kind of thing: "186 dead" and "97 people were killed" both count ``deaths``; "10,000
  jobs" counts ``jobs``; "5%" and "five per cent" count ``percent``; "$3 million" counts
  ``dollars``. Words of one kind are one thing (dead, deaths, killed, died, fatalities).
- Years (1800-2100 with nothing counted), ordinals and times of day are not quantities.
- Two quantities **differ** when they count the same thing and their values differ by more
  than rounding: more than 5% of the larger, so "about 100" and "97" agree.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from claims.wording import STOP_WORDS, stem

UNITS = {
    "deaths": "dead death deaths died die dies killed kill kills killing fatalities fatality "
    "fatal lives toll bodies",
    "injuries": "injured injury injuries wounded wounding hurt casualties",
    "percent": "% percent per-cent pct percentage",
    "dollars": "$ dollar dollars usd",
    "euros": "€ euro euros eur",
    "pounds": "£ pound pounds sterling gbp",
    "people": "people persons residents inhabitants individuals",
    "jobs": "jobs job positions posts layoffs redundancies",
    "troops": "troops soldiers personnel",
    "votes": "votes ballots",
    "years": "years year",
    "months": "months month",
    "days": "days day",
    "kilometres": "km kilometres kilometers kilometre kilometer",
    "miles": "miles mile",
    "tonnes": "tonnes tons tonne ton",
}
UNIT_OF = {word: unit for unit, spelled in UNITS.items() for word in spelled.split()}
# Generic counted words: used only when no more specific word is near.
GENERIC = {"people"}
CURRENCIES = ("$", "€", "£")

SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
}
MULTIPLIERS = {
    "hundred": 100,
    "thousand": 1_000,
    "k": 1_000,
    "million": 1_000_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "dozen": 12,
}
DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(k|m|mn|bn)?$")
TOKENS = re.compile(
    r"[$€£%]|\d[\d,.]*\d(?:k|m|mn|bn)?\b|\d(?:k|m|mn|bn)?\b|[^\W\d_]+(?:-[^\W\d_]+)*"
)
UNIT_REACH = 4
DIFFERENCE = 0.05


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str  # what it counts: a kind from UNITS, or the stem of the counted word
    text: str  # as written: "186 dead"


def _digits(token):
    match = DIGITS.match(token.lower())
    if not match:
        return None
    value = float(match.group(1).replace(",", "") + "." + (match.group(2) or "0"))
    return value * MULTIPLIERS.get(match.group(3) or "", 1)


def _word_number(token):
    parts = token.lower().split("-")
    if not all(part in SMALL for part in parts):
        return None
    return float(sum(SMALL[part] for part in parts))


def _number_at(tokens, index):
    """``(value, next index)`` of a number starting at ``index``, else None."""
    token = tokens[index]
    value = _digits(token)
    if value is None:
        value = _word_number(token)
        if value is None:
            if (
                token.lower() in ("a", "an")
                and index + 1 < len(tokens)
                and (tokens[index + 1].lower() in ("dozen", "hundred", "thousand", "million"))
            ):
                value = 1.0
            else:
                return None
            index += 1
            value *= MULTIPLIERS[tokens[index].lower()]
    index += 1
    while index < len(tokens) and tokens[index].lower() in MULTIPLIERS and len(tokens[index]) > 2:
        value *= MULTIPLIERS[tokens[index].lower()]
        index += 1
    return value, index


def _unit(tokens, start, end):
    """``(unit, first index, last index)``: what the number at ``tokens[start:end]`` counts,
    and the phrase that says so."""
    if start > 0 and tokens[start - 1] in CURRENCIES:  # "$3 million"
        return UNIT_OF[tokens[start - 1]], start - 1, end - 1
    generic, first_term = None, None
    for index in range(end, min(len(tokens), end + UNIT_REACH)):
        word = tokens[index].lower()
        if _digits(word) is not None or word in SMALL:
            break
        unit = UNIT_OF.get(word)
        if unit and unit not in GENERIC:
            return unit, start, index
        if unit:
            generic = generic or (unit, start, index)
        elif (
            first_term is None
            and word not in STOP_WORDS
            and word not in ("were", "are", "least", "more", "than", "about", "nearly", "almost")
        ):
            first_term = (stem(word), start, index)
    for index in range(max(0, start - UNIT_REACH), start):
        unit = UNIT_OF.get(tokens[index].lower())
        if unit and unit not in GENERIC:
            last = generic[2] if generic else end - 1
            return unit, index, last
    return generic or first_term or (None, start, end - 1)


HAS_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|dozen|hundred|thousand|million|billion)\b",
    re.IGNORECASE,
)
PER_CENT = re.compile(r"\bper\s+cent\b", re.IGNORECASE)
# A number glued to a name ("Tu-22", "F16", "COVID-19") is part of the name.
PART_OF_NAME = re.compile(r"[^\W\d_]-?$")


def _tokens(text):
    text = PER_CENT.sub("percent", text)
    return [
        match.group()
        for match in TOKENS.finditer(text)
        if not (
            match.group()[0].isdigit()
            and PART_OF_NAME.search(text[max(0, match.start() - 2) : match.start()])
        )
    ]


@lru_cache(maxsize=4096)
def quantities(text):
    """The quantities of ``text``, in order (see the module's rules)."""
    if not HAS_NUMBER.search(text):
        return ()
    tokens = _tokens(text)
    found, index = [], 0
    while index < len(tokens):
        number = _number_at(tokens, index)
        if number is None:
            index += 1
            continue
        value, after = number
        unit, first, last = _unit(tokens, index, after)
        is_year = (
            1800 <= value <= 2100
            and len(tokens[index]) == 4
            and tokens[index].isdigit()
            and last < after
        )
        if unit is not None and not is_year:
            found.append(Quantity(value, unit, " ".join(tokens[first : last + 1])))
        index = after
    return tuple(found)


def differing(first, second):
    """Pairs ``(a, b)`` of quantities of ``first`` and ``second`` that count the same thing
    with different values, when neither claim also states the other's value for it."""
    pairs = []
    for a in first:
        same_kind = [b for b in second if b.unit == a.unit]
        if not same_kind or any(_agree(a.value, b.value) for b in same_kind):
            continue
        pairs.append((a, same_kind[0]))
    return pairs


def agreeing(first, second):
    """Pairs ``(a, b)`` that count the same thing with the same value (not a single one)."""
    return [
        (a, b)
        for a in first
        for b in second
        if a.unit == b.unit and a.value > 1 and _agree(a.value, b.value)
    ]


def _agree(a, b):
    return abs(a - b) <= DIFFERENCE * max(abs(a), abs(b))
