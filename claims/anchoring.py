"""Finding a claim in its source text, and checking a quote against it.

Rules (the contract's "Quote checks"):

- Claim and source are compared **word by word**. A word is a run of letters and digits,
  apostrophes inside it included ("it’s"); quote and dash styles, ellipsis characters,
  spacing, line breaks and punctuation between words are typography, not words. Words are
  compared case-sensitively, except the first letter of the claim.
- A **direct quote** is ``verified`` when its words stand in the source, in order and
  unchanged, inside one quotation (``claims.quotations``). The same words standing only in
  the narration are ``unquoted``. Words that run from inside a quotation over its closing
  mark are ``altered``: the words past the mark are listed as added. Otherwise the closest
  window of quoted words is sought (only inside one quotation, at least
  ``NEAR_MATCH_RATIO`` of the words agreeing and at least two of them): ``altered`` with
  ``differences`` aligned word by word, never an identical pair; else ``not_found``.
  Quotes over ``NEAR_MATCH_MAX_WORDS`` words are only sought word for word.
- An **elision** in the claim (``...``, ``…``, ``[...]``, ``. . .``) is a gap: the parts
  around it must stand in order inside the same quotation; ``elisions`` lists each left-out
  span of the source (none when the parts are adjacent, as when the source has the ellipsis
  itself). Words in **square brackets** are an editor's insertion, standing for at most
  ``BRACKET_MAX_WORDS`` words of the source: they are listed in ``differences`` against what
  the source says there, and the quote is ``altered``.
- ``warnings`` lists ``negation_omitted`` when a negation stands in the
  ``NEGATION_REACH`` words before the quoted words in the same clause (no sentence or clause
  punctuation between), or in an elided gap.
- A **paraphrase** is the reporter's rendering and need not appear in the text: without a
  span it stays ``unchecked`` (the contract's rule), anchored where its words appear. With a
  span it is checked like a quote, without the quotation rule.
- When the client gives the span (``start``/``end``), the anchor is that span whatever the
  kind, and the claim is checked against the span's words alone, widened to whole words (a
  span that cuts a word never verifies a quote). A direct quote's span must lie in one
  quotation to be ``verified``.
- Without source text nothing can be checked: ``unchecked``, keeping a given span's offsets.
- When several places fit equally, the one that best fits ``hint`` (the old anchor's
  prefix, suffix and position) wins, else the first.
- The anchor carries W3C text-quote selectors: ``exact`` and up to 32 characters of
  ``prefix`` and ``suffix``. Offsets are those of the original text, in code points.
- Cost: a source text is indexed once per version (cached); every search is a substring
  search over the index, linear in the source's length.
"""

import bisect
import functools
import heapq
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from claims import deadlines
from claims.enums import ClaimKind, QuoteStatus
from claims.quotations import find_quotations
from claims.timing import timed_function

CONTEXT_CHARS = 32
NEAR_MATCH_RATIO = 0.6
# Longer quotes are checked word for word only: a near match costs words x claim words.
NEAR_MATCH_MAX_WORDS = 250
CANDIDATE_ALIGNMENTS = 5
BRACKET_MAX_WORDS = 6
# The claim's words voting for where a near match may be: its rarest ones in the source.
VOTERS = 8
NEGATION_REACH = 4

APOSTROPHES = "'\u2018\u2019\u201b\u2032\u0060\u00b4"
WORD = re.compile(rf"[^\W_]+(?:[{APOSTROPHES}][^\W_]+)*")
# Elisions and editors' brackets in a claim.
GAP = re.compile(r"\[\s*(?:\.\s*){2}\.\s*\]|\[\s*\u2026\s*\]|(?:\.\s*){2}\.|\u2026|\[([^\]]*)\]")
NEGATIONS = frozenset("no not never nobody none nothing neither nor nowhere cannot without".split())
SENTENCE_END = re.compile(r"[.!?]")
# Where a clause ends: a negation beyond it does not bear on the quoted words.
CLAUSE_END = re.compile(r"[.!?,;:()\u2013\u2014]|\s-+\s")
SEPARATOR = "\x01"


@dataclass(frozen=True)
class QuoteCheck:
    status: QuoteStatus
    start: int | None = None
    end: int | None = None
    exact: str | None = None
    prefix: str | None = None
    suffix: str | None = None
    differences: list | None = None
    elisions: list | None = None
    warnings: list | None = None


@dataclass(frozen=True)
class Hint:
    """Where a claim was anchored before: the occurrence fitting it best is preferred."""

    start: int | None = None
    prefix: str = ""
    suffix: str = ""


TO_APOSTROPHE = str.maketrans(dict.fromkeys(APOSTROPHES, "'"))


def _apostrophes(word):
    return word.translate(TO_APOSTROPHE)


def _key(word):
    return word.translate(TO_APOSTROPHE).lower()


class Words:
    """The words of a text: keys, offsets, and a string of keys for substring search."""

    def __init__(self, text):
        self.text = text
        matches = list(WORD.finditer(text))
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]
        self.surface = [m.group() for m in matches]
        self.keys = [w.translate(TO_APOSTROPHE).lower() for w in self.surface]
        positions, offset = [], 1
        for key in self.keys:
            positions.append(offset)
            offset += len(key) + 1
        self.positions = positions  # where each key starts in ``blob``
        self.blob = SEPARATOR + SEPARATOR.join(self.keys) + SEPARATOR

    def __len__(self):
        return len(self.keys)

    def occurrences(
        self, keys: list[str], first: int = 0, last: int | None = None
    ) -> Iterator[int]:
        """Word indexes ``i`` where ``keys`` stand at ``i`` and end by ``last``, in order."""
        if not keys:
            return
        needle = SEPARATOR + SEPARATOR.join(keys) + SEPARATOR
        last = len(self.keys) if last is None else last
        if first >= len(self.keys):
            return
        at = self.blob.find(needle, self.positions[first] - 1)
        while at >= 0:
            index = bisect.bisect_left(self.positions, at + 1)
            if index + len(keys) > last:
                return
            yield index
            at = self.blob.find(needle, at + 1)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Original offsets of words ``[i, j)``."""
        return self.starts[i], self.ends[j - 1]

    def phrase(self, i: int, j: int) -> str:
        return "" if i >= j else self.text[self.starts[i] : self.ends[j - 1]]


class SourceIndex(Words):
    """A source text indexed once: its words and which quotation holds each."""

    def __init__(self, text):
        super().__init__(text)
        self.quotations = [q for q in find_quotations(text) if q.depth == 0]
        # For each word, the index of the outer quotation whose parts hold it, or -1.
        self.quoted = [-1] * len(self.keys)
        for number, quotation in enumerate(self.quotations):
            for start, end in quotation.parts:
                i = bisect.bisect_left(self.starts, start)
                while i < len(self.starts) and self.ends[i] <= end:
                    self.quoted[i] = number
                    i += 1

    @functools.cached_property
    def places(self) -> dict[str, list[int]]:
        """``{key: [word index, ...]}`` of the quoted words: where each key stands."""
        places = {}
        for i, key in enumerate(self.keys):
            if self.quoted[i] >= 0:
                places.setdefault(key, []).append(i)
        return places

    def quotation_of(self, i: int, j: int) -> int:
        """The outer quotation holding words ``[i, j)`` whole, or -1."""
        number = self.quoted[i]
        if number < 0 or self.quoted[j - 1] != number:
            return -1
        return number

    def quotation_end(self, number: int) -> int:
        """The index past the last word of quotation ``number``."""
        return bisect.bisect_left(self.starts, self.quotations[number].end)

    def clause_start(self, i: int, reach: int) -> int:
        """The first of the ``reach`` words before word ``i`` in the same clause."""
        first = i
        while (
            first > 0
            and i - first < reach
            and not CLAUSE_END.search(self.text, self.ends[first - 1], self.starts[first])
        ):
            first -= 1
        return first


@functools.lru_cache(maxsize=8)
def source_index(text: str) -> SourceIndex:
    """The index of a source text; one per text version (kept in a small cache)."""
    return SourceIndex(text)


@dataclass
class Piece:
    """A run of the claim's words between elisions and brackets."""

    start: int
    end: int  # word indexes into the claim's words
    before: str = "elision"  # what separates it from the previous piece: elision | bracket
    bracket: str = ""  # the bracket's text, when ``before`` is "bracket"


@dataclass
class Found:
    """Where a claim's pieces were found: a list of source word ranges, one per piece."""

    ranges: list
    quotation: int = -1
    brackets: list = field(default_factory=list)  # (claim text, source i, j)


class Claim(Words):
    """A claim's text split at its elisions and brackets."""

    def __init__(self, text):
        super().__init__(text)
        self.pieces, self.brackets = [], []
        before, bracket, position = "elision", "", 0
        for gap in list(GAP.finditer(text)) + [None]:
            end = gap.start() if gap else len(text)
            first = bisect.bisect_left(self.starts, position)
            last = bisect.bisect_left(self.starts, end)
            if first < last:
                self.pieces.append(Piece(first, last, before, bracket))
                before, bracket = "elision", ""
            if gap is None:
                break
            if gap.group(1) is not None:
                # The bracket's own words are the editor's, not the speaker's.
                before, bracket = "bracket", gap.group()
                self.brackets.append((gap.start(), gap.end()))
                inside = bisect.bisect_left(self.starts, gap.end())
                position = self.starts[inside] if inside < len(self.starts) else len(text)
            else:
                position = gap.end()
        self.bare = [i for piece in self.pieces for i in range(piece.start, piece.end)]
        # Brackets before the first piece or after the last: (text, True at the start).
        self.outer_brackets = []
        if self.pieces and self.pieces[0].before == "bracket":
            self.outer_brackets.append((self.pieces[0].bracket, True))
        if before == "bracket" and self.pieces:
            self.outer_brackets.append((bracket, False))

    def keys_of(self, piece: Piece) -> list[str]:
        return self.keys[piece.start : piece.end]


def _located(status, source, start, end, **extra):
    text = source
    return QuoteCheck(
        status=status,
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
        **extra,
    )


def _edge_punctuation(source, claim, start, end):
    """The span widened over the punctuation the claim has at its ends, where the source
    has it too ("not helpful." keeps its period)."""
    if claim.keys:
        lead = claim.text[: claim.starts[0]].rstrip()
        tail = claim.text[claim.ends[-1] :].lstrip()
        text = source.text
        while lead and start > 0 and _same_mark(text[start - 1], lead[-1]):
            start, lead = start - 1, lead[:-1]
        for char in tail:
            if end < len(text) and _same_mark(text[end], char):
                end += 1
            else:
                break
    return start, end


MARK_FAMILIES = {
    **dict.fromkeys("'\u2018\u2019\u201a\u201b", "'"),
    **dict.fromkeys('"\u201c\u201d\u201e\u201f\u00ab\u00bb', '"'),
}


def _same_mark(a, b):
    return a == b or (a in MARK_FAMILIES and MARK_FAMILIES.get(a) == MARK_FAMILIES.get(b))


def _case_differences(claim, ci, source, si, count):
    """Word pairs equal but for case, the claim's first letter excepted."""
    differences = []
    for offset in range(count):
        claimed = _apostrophes(claim.surface[ci + offset])
        found = _apostrophes(source.surface[si + offset])
        if ci + offset == 0:
            claimed, found = claimed[:1].lower() + claimed[1:], found[:1].lower() + found[1:]
        if claimed != found:
            differences.append(
                {"claimed": claim.surface[ci + offset], "found": source.surface[si + offset]}
            )
    return differences


def _fit(source, i, j, hint):
    """How well source words ``[i, j)`` fit the hint: higher is better."""
    if hint is None:
        return (0, 0)
    start, end = source.span(i, j)
    text = source.text
    score = 0
    if hint.prefix:
        before = text[max(0, start - len(hint.prefix) - 8) : start]
        score += _common_suffix(before.rstrip(), hint.prefix.rstrip())
    if hint.suffix:
        after = text[end : end + len(hint.suffix) + 8]
        score += _common_prefix(after.lstrip(), hint.suffix.lstrip())
    distance = abs(start - hint.start) if hint.start is not None else 0
    return (score, -distance)


def _common_prefix(a, b):
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a, b):
    return _common_prefix(a[::-1], b[::-1])


class _Occurrences:
    """Every occurrence of each later piece, sought once per check (so that trying each
    place of the first piece never searches the text again)."""

    def __init__(self, source, claim):
        self.source, self.claim, self.found = source, claim, {}

    def next(self, number, after, last):
        """The first occurrence of piece ``number`` at or after word ``after``, ending by
        ``last``, or None."""
        if number not in self.found:
            piece = self.claim.pieces[number]
            self.found[number] = list(self.source.occurrences(self.claim.keys_of(piece)))
        places = self.found[number]
        at = bisect.bisect_left(places, after)
        if at == len(places):
            return None
        piece = self.claim.pieces[number]
        if last is not None and places[at] + piece.end - piece.start > last:
            return None
        return places[at]


def _find_pieces(source, claim, first_index, quoted, later):
    """The pieces of the claim in order from the first piece at ``first_index``.

    With ``quoted``, every piece must stand inside the quotation holding the first one.
    """
    pieces = claim.pieces
    first = pieces[0]
    ranges = [(first_index, first_index + first.end - first.start)]
    number = source.quotation_of(*ranges[0]) if quoted else -1
    if quoted and number < 0:
        return None
    last = source.quotation_end(number) if quoted else None
    brackets = []
    for piece_number, piece in enumerate(pieces[1:], 1):
        after = ranges[-1][1]
        found = later.next(piece_number, after, last)
        if found is None:
            return None
        if piece.before == "bracket":
            if found - after > BRACKET_MAX_WORDS:
                return None
            brackets.append((piece.bracket, after, found))
        ranges.append((found, found + piece.end - piece.start))
    if quoted and source.quotation_of(ranges[0][0], ranges[-1][1]) != number:
        return None
    return Found(ranges, number, brackets)


def _search(source, claim, hint, kind):
    """The best place of the claim's pieces: (priority, Found) or None.

    Priority: 3 verbatim inside one quotation, 2 inside one quotation with case differences,
    1 starting inside a quotation and running out of it, 0 narration only.
    """
    if not claim.pieces:
        return None
    best = None
    first = claim.pieces[0]
    quoting = kind == ClaimKind.DIRECT_QUOTE
    hint_word = -1
    if hint is not None and hint.start is not None:
        hint_word = bisect.bisect_left(source.starts, hint.start)
    later = _Occurrences(source, claim)
    for index in source.occurrences(claim.keys_of(first)):
        found = _find_pieces(source, claim, index, True, later) if quoting else None
        if found is not None:
            cases = any(
                _case_differences(claim, p.start, source, r[0], p.end - p.start)
                for p, r in zip(claim.pieces, found.ranges)
            )
            priority = 2 if cases else 3
        else:
            found = _find_pieces(source, claim, index, False, later)
            if found is None:
                continue
            priority = 1 if quoting and source.quoted[index] >= 0 else 0
        all_words = (found.ranges[0][0], found.ranges[-1][1])
        at_old_place = index == hint_word
        score = (priority, at_old_place, _fit(source, *all_words, hint), -index)
        if best is None or score > best[0]:
            best = (score, found)
        if hint is None and priority == 3:
            break
    return best


def _elisions_and_gaps(source, found):
    elisions, gaps = [], []
    bracketed = {(i, j) for _, i, j in found.brackets}
    for (_, end), (start, _) in zip(found.ranges, found.ranges[1:]):
        if start > end and (end, start) not in bracketed:
            gap_start, gap_end = source.ends[end - 1], source.starts[start]
            text = source.text[gap_start:gap_end]
            stripped = text.strip()
            offset = gap_start + len(text) - len(text.lstrip())
            elisions.append({"start": offset, "end": offset + len(stripped), "text": stripped})
            gaps.append((end, start))
    return elisions, gaps


def _negations(source, first_word, gaps):
    """``negation_omitted`` warnings: right before the quoted words, or in an elided gap."""
    warnings = []
    places = list(range(source.clause_start(first_word, NEGATION_REACH), first_word))
    for start, end in gaps:
        places.extend(range(start, end))
    for i in places:
        key = source.keys[i]
        if key in NEGATIONS or key.endswith("n't"):
            warnings.append(
                {
                    "kind": "negation_omitted",
                    "text": source.surface[i],
                    "start": source.starts[i],
                    "end": source.ends[i],
                }
            )
    return warnings


def _result(source, claim, priority, found, kind):
    start, end = source.span(found.ranges[0][0], found.ranges[-1][1])
    differences = []
    if priority == 1:
        # Running over the closing mark: what lies past it is not the speaker's.
        quotation = source.quoted[found.ranges[0][0]]
        inside = found.ranges[0][0]
        while inside < found.ranges[-1][1] and source.quoted[inside] == quotation:
            inside += 1
        over = _claim_words_for(claim, found, inside)
        differences.append({"claimed": claim.phrase(*over), "found": ""})
        end = source.ends[inside - 1]
    for piece, (i, _) in zip(claim.pieces, found.ranges):
        differences.extend(
            _case_differences(claim, piece.start, source, i, piece.end - piece.start)
        )
    for text, i, j in found.brackets:
        differences.append({"claimed": text, "found": source.phrase(i, j)})
    for text, at_start in claim.outer_brackets:
        # What the bracket stands for: as many words of the quotation, before or after.
        count = min(BRACKET_MAX_WORDS, max(1, len(WORD.findall(text))))
        if at_start:
            first = found.ranges[0][0]
            i = first
            while i > 0 and first - i < count and source.quoted[i - 1] == source.quoted[first]:
                i -= 1
            differences.insert(0, {"claimed": text, "found": source.phrase(i, first)})
            start = source.starts[i] if i < first else start
        else:
            last = found.ranges[-1][1]
            j = last
            while (
                j < len(source) and j - last < count and source.quoted[j] == source.quoted[last - 1]
            ):
                j += 1
            differences.append({"claimed": text, "found": source.phrase(last, j)})
            end = source.ends[j - 1] if j > last else end
    elisions, gaps = _elisions_and_gaps(source, found)
    start, end = _edge_punctuation(source, claim, start, end) if priority != 1 else (start, end)
    if kind == ClaimKind.PARAPHRASE:
        status = QuoteStatus.UNCHECKED
    elif priority == 0:
        status = QuoteStatus.UNQUOTED
    elif differences:
        status = QuoteStatus.ALTERED
    else:
        status = QuoteStatus.VERIFIED
    warnings = _negations(source, found.ranges[0][0], gaps) if kind != ClaimKind.PARAPHRASE else []
    return _located(
        status,
        source.text,
        start,
        end,
        differences=[d for d in differences if d["claimed"] != d["found"]] or None,
        elisions=elisions or None,
        warnings=warnings or None,
    )


def _claim_words_for(claim, found, source_index):
    """The claim's words standing at source word ``source_index`` and after."""
    for piece, (i, j) in zip(claim.pieces, found.ranges):
        if i <= source_index < j:
            return piece.start + (source_index - i), claim.pieces[-1].end
        if source_index < i:
            return piece.start, claim.pieces[-1].end
    return claim.pieces[-1].end, claim.pieces[-1].end


def _word_differences(claim, ci, cj, source, si, sj):
    """What the claim says against what the source says, aligned word by word."""
    claim_keys, source_keys = claim.keys[ci:cj], source.keys[si:sj]
    matcher = SequenceMatcher(None, claim_keys, source_keys, autojunk=False)
    differences = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            differences.extend(_case_differences(claim, ci + i1, source, si + j1, i2 - i1))
        else:
            differences.append(
                {
                    "claimed": claim.phrase(ci + i1, ci + i2),
                    "found": source.phrase(si + j1, si + j2),
                }
            )
    return differences


def _near_match(source, claim):
    """The window of quoted source words closest to the claim's words, or None.

    Every quoted source word equal to a claim word votes for the alignment that would put
    them side by side; the few best-voted alignments are widened or narrowed by up to two
    words at each end, inside their quotation, and the most similar window wins.
    """
    claim_keys = [claim.keys[i] for i in claim.bare]
    if len(source) == 0 or not claim_keys or len(claim_keys) > NEAR_MATCH_MAX_WORDS:
        return None
    places = {}
    for j, key in enumerate(claim_keys):
        places.setdefault(key, []).append(j)
    # Words the claim repeats often ("the") would cast most of the votes for nothing; the
    # claim's words that are rarest in the source vote (so a vote costs what they occur).
    places = {key: at for key, at in places.items() if len(at) <= 3} or places
    voters = sorted(places, key=lambda key: len(source.places.get(key, ())))[:VOTERS]
    votes = {}
    for key in voters:
        for i in source.places.get(key, ()):
            for j in places[key]:
                votes[i - j] = votes.get(i - j, 0) + 1
    if not votes:
        return None
    count = len(claim_keys)
    best = None
    for base in heapq.nsmallest(CANDIDATE_ALIGNMENTS, votes, key=lambda b: (-votes[b], b)):
        anchor_word = min(max(base, 0), len(source) - 1)
        while source.quoted[anchor_word] < 0 and anchor_word < len(source) - 1:
            anchor_word += 1
        number = source.quoted[anchor_word]
        if number < 0:
            continue
        q_first = bisect.bisect_left(source.starts, source.quotations[number].start)
        q_last = source.quotation_end(number)
        for low in range(max(q_first, base - 2), max(q_first, base + 3)):
            for high in range(base + count - 2, min(q_last, base + count + 2) + 1):
                if high <= low:
                    continue
                deadlines.check()  # the costly step: the request's deadline bounds it
                matcher = SequenceMatcher(None, source.keys[low:high], claim_keys, autojunk=False)
                same = sum(block.size for block in matcher.get_matching_blocks())
                score = (same, -abs(high - low - count), matcher.ratio())
                if same >= 2 and (best is None or score > best[0]):
                    best = (score, low, high)
    if best is None:
        return None
    (_, _, ratio), low, high = best
    if ratio < NEAR_MATCH_RATIO:
        # Contractions ("it is" for "it's") cost whole words; compare the letters too.
        letters = SequenceMatcher(
            None, " ".join(source.keys[low:high]), " ".join(claim_keys), autojunk=False
        )
        if letters.ratio() < NEAR_MATCH_RATIO:
            return None
    # Source words at the window's ends that the claim does not have are not part of it.
    opcodes = SequenceMatcher(None, source.keys[low:high], claim_keys, autojunk=False).get_opcodes()
    if opcodes[0][0] == "delete":
        low += opcodes[0][2]
    if opcodes[-1][0] == "delete" and len(opcodes) > 1:
        high -= opcodes[-1][2] - opcodes[-1][1]
    return low, high


def _check_words(source, claim, kind, hint):
    found = _search(source, claim, hint, kind)
    if found is not None:
        return _result(source, claim, found[0][0], found[1], kind)
    if kind == ClaimKind.PARAPHRASE:
        return QuoteCheck(QuoteStatus.UNCHECKED)
    near = _near_match(source, claim)
    if near is None:
        return QuoteCheck(QuoteStatus.NOT_FOUND)
    low, high = near
    bare = claim.bare
    differences = _word_differences(_Bare(claim), 0, len(bare), source, low, high)
    for start, end in claim.brackets:
        differences.append({"claimed": claim.text[start:end], "found": ""})
    start, end = source.span(low, high)
    warnings = _negations(source, low, [])
    return _located(
        QuoteStatus.ALTERED,
        source.text,
        start,
        end,
        differences=[d for d in differences if d["claimed"] != d["found"]] or None,
        warnings=warnings or None,
    )


class _Bare:
    """The claim's own words (brackets left out), as one run."""

    def __init__(self, claim):
        self.text = claim.text
        self.keys = [claim.keys[i] for i in claim.bare]
        self.surface = [claim.surface[i] for i in claim.bare]
        self.starts = [claim.starts[i] for i in claim.bare]
        self.ends = [claim.ends[i] for i in claim.bare]

    def phrase(self, i, j):
        return "" if i >= j else self.text[self.starts[i] : self.ends[j - 1]]


def _whole_words(text, start, end):
    """The span widened so that it neither starts nor ends inside a word."""
    while 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def _check_span(source, claim, kind, start, end):
    # A span that cuts a word is checked with the whole word: "not help" is not verbatim.
    wide = _whole_words(source.text, start, end)
    si = bisect.bisect_left(source.starts, wide[0])
    sj = bisect.bisect_right(source.ends, wide[1])
    bare = _Bare(claim)
    if not bare.keys or si >= sj:
        return _located(QuoteStatus.NOT_FOUND, source.text, start, end)
    differences = _word_differences(bare, 0, len(bare.keys), source, si, sj)
    for b_start, b_end in claim.brackets:
        differences.append({"claimed": claim.text[b_start:b_end], "found": ""})
    differences = [d for d in differences if d["claimed"] != d["found"]]
    same = SequenceMatcher(None, bare.keys, source.keys[si:sj], autojunk=False)
    warnings = None
    if kind == ClaimKind.DIRECT_QUOTE:
        warnings = _negations(source, si, []) or None
    if not differences:
        status = QuoteStatus.VERIFIED
        if kind == ClaimKind.DIRECT_QUOTE and source.quotation_of(si, sj) < 0:
            status = QuoteStatus.UNQUOTED
        return _located(status, source.text, start, end, warnings=warnings)
    if same.ratio() >= NEAR_MATCH_RATIO:
        return _located(
            QuoteStatus.ALTERED, source.text, start, end, differences=differences, warnings=warnings
        )
    return _located(QuoteStatus.NOT_FOUND, source.text, start, end)


@timed_function("quote_check")
def check_quote(
    source_text: str | None,
    claim_text: str,
    kind: str,
    span: tuple[int, int] | None = None,
    hint: Hint | None = None,
) -> QuoteCheck:
    """Anchor ``claim_text`` in ``source_text`` and rate it; see the module's rules.

    ``span`` is the client's ``(start, end)``; the caller has checked that it lies within
    the source text (when there is one). ``hint`` is the claim's old anchor (``Hint``).
    """
    if source_text is None:
        start, end = span if span else (None, None)
        return QuoteCheck(QuoteStatus.UNCHECKED, start=start, end=end)
    source = source_index(source_text)
    claim = Claim(claim_text.strip())
    if span:
        return _check_span(source, claim, kind, *span)
    return _check_words(source, claim, kind, hint)


def follow_span(
    old_exact: str | None, old_start: int, new_text: str | None
) -> tuple[int, int] | None:
    """Where a client-given span's text now sits in a changed source text, or None.

    The occurrence nearest to the old start wins.
    """
    if not old_exact or new_text is None:
        return None
    source, wanted = source_index(new_text), Claim(old_exact)
    best = None
    for index in source.occurrences(wanted.keys):
        start, end = _edge_punctuation(
            source, wanted, *source.span(index, index + len(wanted.keys))
        )
        if best is None or abs(start - old_start) < abs(best[0] - old_start):
            best = (start, end)
    return best


def _common_prefix_length(a, b):
    """The length of the longest common prefix, by halving (comparisons run in C)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _common_suffix_length(a, b, limit):
    low, high = 0, min(len(a), len(b), limit)
    while low < high:
        middle = (low + high + 1) // 2
        if a[len(a) - middle : len(a) - low] == b[len(b) - middle : len(b) - low]:
            low = middle
        else:
            high = middle - 1
    return low


class OffsetMap:
    """Where each offset of an old text went in the new one, from a diff of the two.

    The texts are compared as their common start and end, then line by line in between, then
    character by character inside each changed run of lines: text that stands unchanged in
    both maps exactly; an offset inside changed text maps to None. Linear in the texts'
    length for the edits people make (a few places changed).
    """

    def __init__(self, old, new):
        self.segments = []  # (old_start, old_end, new_start): unchanged runs, in order
        prefix = _common_prefix_length(old, new)
        suffix = _common_suffix_length(old, new, min(len(old), len(new)) - prefix)
        self._add(0, prefix, 0)
        old_mid, new_mid = old[prefix : len(old) - suffix], new[prefix : len(new) - suffix]
        if old_mid and new_mid:
            self._lines(old_mid, new_mid, prefix, prefix)
        self._add(len(old) - suffix, len(old), len(new) - suffix)
        self.starts = [segment[0] for segment in self.segments]

    def _add(self, old_start, old_end, new_start):
        if old_end > old_start:
            self.segments.append((old_start, old_end, new_start))

    def _lines(self, old, new, old_base, new_base):
        old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
        old_at = [0]
        for line in old_lines:
            old_at.append(old_at[-1] + len(line))
        new_at = [0]
        for line in new_lines:
            new_at.append(new_at[-1] + len(line))
        matcher = SequenceMatcher(None, old_lines, new_lines)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                self._add(old_base + old_at[i1], old_base + old_at[i2], new_base + new_at[j1])
            elif tag == "replace":
                a, b = old[old_at[i1] : old_at[i2]], new[new_at[j1] : new_at[j2]]
                head = _common_prefix_length(a, b)
                tail = _common_suffix_length(a, b, min(len(a), len(b)) - head)
                self._add(
                    old_base + old_at[i1], old_base + old_at[i1] + head, new_base + new_at[j1]
                )
                self._add(
                    old_base + old_at[i2] - tail,
                    old_base + old_at[i2],
                    new_base + new_at[j2] - tail,
                )

    def start(self, offset: int) -> int | None:
        """The new offset of the character at old ``offset``, or None if it changed."""
        index = bisect.bisect_right(self.starts, offset) - 1
        if index >= 0:
            old_start, old_end, new_start = self.segments[index]
            if offset < old_end:
                return new_start + offset - old_start
        return None

    def end(self, offset: int) -> int | None:
        """The new offset just past the character before old ``offset``, or None."""
        if offset == 0:
            return 0
        before = self.start(offset - 1)
        return None if before is None else before + 1


def _find_exact(source, exact, hint):
    """The occurrence of ``exact``'s words that best fits ``hint``, as a span, or None."""
    wanted = Claim(exact)
    if not wanted.keys:
        return None
    best = None
    for index in source.occurrences(wanted.keys):
        span = _edge_punctuation(source, wanted, *source.span(index, index + len(wanted.keys)))
        score = (span[0] == hint.start, _fit(source, index, index + len(wanted.keys), hint))
        if best is None or score > best[0]:
            best = (score, span)
    return best and best[1]


@dataclass(frozen=True)
class OldAnchor:
    """A claim's anchor in the old text, and whether the client gave it."""

    start: int | None
    end: int | None
    exact: str | None
    prefix: str | None
    suffix: str | None
    given: bool


def reanchor(
    old_text: str | None,
    new_text: str | None,
    claim_text: str,
    kind: str,
    anchor: OldAnchor,
    offsets: OffsetMap | None = None,
) -> tuple[QuoteCheck, bool]:
    """``(check, given)``: the claim checked against a changed source text.

    ``old_text`` is None when it is not known (a claim restored later). A client-given span
    moves with the text around it (``offsets``, an ``OffsetMap`` of the old and new text):
    words changed inside it make it ``altered``, not lost. When its edges
    were edited, it is re-found from its ``exact`` text, prefix, suffix and old position;
    when that text is gone, the claim is sought again as if no span had been given
    (``given`` is then False). A server-found anchor is sought again, preferring the
    occurrence at its old place, else the one whose prefix and suffix fit best.
    """
    if new_text is None:
        span = (anchor.start, anchor.end) if anchor.given else None
        return check_quote(None, claim_text, kind, span), anchor.given
    if anchor.start is None:
        return check_quote(new_text, claim_text, kind), False
    if anchor.given and anchor.exact is None:
        # Given while the source had no text: its offsets are all there is.
        if anchor.end <= len(new_text):
            return check_quote(new_text, claim_text, kind, (anchor.start, anchor.end)), True
        return check_quote(new_text, claim_text, kind), False
    moved_start = moved_end = None
    if old_text is not None:
        if offsets is None:
            offsets = OffsetMap(old_text, new_text)
        moved_start, moved_end = offsets.start(anchor.start), offsets.end(anchor.end)
    hint = Hint(
        moved_start if moved_start is not None else anchor.start,
        anchor.prefix or "",
        anchor.suffix or "",
    )
    if anchor.given:
        span = None
        if moved_start is not None and moved_end is not None and moved_start < moved_end:
            span = (moved_start, moved_end)
        elif anchor.exact:
            span = _find_exact(source_index(new_text), anchor.exact, hint)
        if span:
            return check_quote(new_text, claim_text, kind, span), True
        return check_quote(new_text, claim_text, kind), False
    return check_quote(new_text, claim_text, kind, hint=hint), False
