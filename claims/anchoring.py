"""Finding a claim in its source text, and checking a quote against it.

Rules:

- Text is compared after *normalisation*: curly and straight quotes are equal, every dash is
  a hyphen, an ellipsis is three dots, and every run of white space (no-break spaces
  included) is one space. Offsets always refer to the original text, in code points.
- A **direct quote** is ``verified`` when its normalised text occurs in the normalised source
  as whole words (not starting or ending inside a word); the first such occurrence is the
  anchor. Otherwise the best near match is sought, word by word
  with punctuation and case set aside: when at least ``NEAR_MATCH_RATIO`` of the words agree
  the quote is ``altered`` and ``differences`` lists what the claim says against what the
  source says; otherwise it is ``not_found``. Quotes over ``NEAR_MATCH_MAX_WORDS`` words
  are only sought verbatim, so that no request can make the check slow.
- A **paraphrase** is the reporter's rendering and need not appear in the text: without a
  span it stays ``unchecked`` (the contract's rule), anchored where its words appear
  verbatim. With a span it is checked like a quote.
- When the client gives the span (``start``/``end``), the anchor is that span whatever the
  kind, and the claim's text is checked against the span's text alone, widened to whole
  words (a span that cuts a word never verifies a quote).
- Without source text nothing can be checked: ``unchecked``, keeping a given span's offsets.
- The anchor carries W3C text-quote selectors: ``exact`` and up to 32 characters of
  ``prefix`` and ``suffix``.
"""

import bisect
import functools
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from claims.enums import ClaimKind, QuoteStatus

CONTEXT_CHARS = 32
NEAR_MATCH_RATIO = 0.6
# Longer quotes are checked verbatim only: a near match costs words x claim words.
NEAR_MATCH_MAX_WORDS = 250

EQUIVALENTS = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u0060\u00b4", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    "\u2026": "...",
}
WORD = re.compile(r"[^\W_]+")
TOKEN = re.compile(r"\S+")
CANDIDATE_ALIGNMENTS = 5
# Runs of white space other than one plain space, and the characters EQUIVALENTS replaces.
CHANGED = re.compile(r"\s{2,}|[^\S ]|[" + re.escape("".join(EQUIVALENTS)) + "]")


@dataclass(frozen=True)
class QuoteCheck:
    status: QuoteStatus
    start: int | None = None
    end: int | None = None
    exact: str | None = None
    prefix: str | None = None
    suffix: str | None = None
    differences: list | None = None


class Normalized:
    """A text in normalised form, with the original offset of every normalised character."""

    def __init__(self, original):
        self.original = original
        chars, pieces = [], []
        copied = length = 0
        # Only what normalisation changes is visited; the runs between are copied whole.
        # ``pieces`` holds (normalised start, original start, copied?) of every run.
        for match in CHANGED.finditer(original):
            start = match.start()
            if start > copied:
                chars.append(original[copied:start])
                pieces.append((length, copied, True))
                length += start - copied
            found = match.group()
            replacement = " " if found[0].isspace() else EQUIVALENTS[found]
            chars.append(replacement)
            pieces.append((length, start, False))
            length += len(replacement)
            copied = match.end()
        if copied < len(original):
            chars.append(original[copied:])
            pieces.append((length, copied, True))
        self.text = "".join(chars)
        self._starts = [piece[0] for piece in pieces]
        self._pieces = pieces

    def _origin(self, position):
        normalized_start, original_start, copied = self._pieces[
            bisect.bisect_right(self._starts, position) - 1]
        return original_start + (position - normalized_start if copied else 0)

    def original_span(self, start, end):
        """The original offsets of the normalised span ``[start, end)``."""
        return self._origin(start), self._origin(end - 1) + 1

    def words(self):
        """``(key, start, end)`` of every word: a run of letters and digits, lower-cased.

        ``start``/``end`` are those of the white-space-delimited token holding the word, so
        that a difference is shown as the reader sees it ("It’s", not "s").
        """
        found = []
        for token in TOKEN.finditer(self.text):
            for word in WORD.finditer(token.group()):
                found.append((word.group().lower(), token.start(), token.end()))
        return found


def _located(status, source, start, end, differences=None):
    text = source.original
    return QuoteCheck(
        status=status,
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS):start],
        suffix=text[end:end + CONTEXT_CHARS],
        differences=differences,
    )


def _differences(claim, claim_words, source, source_words, bounds=None):
    """What the claim says against what the source says, where their words differ.

    ``bounds`` clips what is shown as found to the anchor.
    """

    def phrase(normalized, words, i, j, limits=None):
        if i == j:
            return ""
        start, end = normalized.original_span(words[i][1], words[j - 1][2])
        if limits:
            start, end = max(start, limits[0]), min(end, limits[1])
        return normalized.original[start:end]

    def diff(claim_keys, source_keys):
        matcher = SequenceMatcher(None, claim_keys, source_keys, autojunk=False)
        return [
            {
                "claimed": phrase(claim, claim_words, i1, i2),
                "found": phrase(source, source_words, j1, j2, bounds),
            }
            for tag, i1, i2, j1, j2 in matcher.get_opcodes()
            if tag != "equal"
        ]

    by_words = diff([w[0] for w in claim_words], [w[0] for w in source_words])
    if by_words:
        return by_words
    # Same words; only punctuation or case differs: show the tokens that differ.
    return diff(
        [claim.text[s:e] for _, s, e in claim_words],
        [source.text[s:e] for _, s, e in source_words],
    )


def _ratio(a, b):
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _near_match(source, claim):
    """The window of source words closest to the claim's words, or None below the ratio.

    Every source word equal to a claim word votes for the alignment that would put them
    side by side; the few best-voted alignments are then widened or narrowed by up to two
    words at each end, and the window most similar to the claim wins.
    """
    source_words, claim_words = source.words(), claim.words()
    if not source_words or not claim_words or len(claim_words) > NEAR_MATCH_MAX_WORDS:
        return None
    source_keys = [w[0] for w in source_words]
    claim_keys = [w[0] for w in claim_words]
    places = {}
    for j, key in enumerate(claim_keys):
        places.setdefault(key, []).append(j)
    # Words the claim repeats often ("the") would cast most of the votes for nothing.
    places = {key: at for key, at in places.items() if len(at) <= 3} or places
    votes = {}
    for i, key in enumerate(source_keys):
        for j in places.get(key, ()):
            votes[i - j] = votes.get(i - j, 0) + 1
    if not votes:
        return None
    count = len(claim_keys)
    best = None
    for base in sorted(votes, key=lambda b: (-votes[b], b))[:CANDIDATE_ALIGNMENTS]:
        for low in range(max(0, base - 2), max(0, base + 3)):
            for high in range(base + count - 2, min(len(source_keys), base + count + 2) + 1):
                if high <= low:
                    continue
                score = (_ratio(source_keys[low:high], claim_keys), -abs(high - low - count))
                if best is None or score > best[0]:
                    best = (score, low, high)
    if best is None:  # a source shorter than the claim: no window to compare
        return None
    (ratio, _), low, high = best
    if ratio < NEAR_MATCH_RATIO:
        return None
    window = source_words[low:high]
    start, end = source.original_span(window[0][1], window[-1][2])
    text = source.original
    # The window is made of whole tokens; the anchor leaves out their outer punctuation.
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end, _differences(claim, claim_words, source, window, (start, end))


def _whole_words(text, start, end):
    """The span widened so that it neither starts nor ends inside a word."""
    while 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def _check_span(source, claim, start, end):
    # A span that cuts a word is checked with the whole word: "not help" is not verbatim.
    span = Normalized(source.original[slice(*_whole_words(source.original, start, end))])
    if span.text.strip() == claim.text:
        return _located(QuoteStatus.VERIFIED, source, start, end)
    span_words, claim_words = span.words(), claim.words()
    if span_words and claim_words and _ratio(
        [w[0] for w in span_words], [w[0] for w in claim_words]
    ) >= NEAR_MATCH_RATIO:
        differences = _differences(claim, claim_words, span, span_words)
        return _located(QuoteStatus.ALTERED, source, start, end, differences)
    return _located(QuoteStatus.NOT_FOUND, source, start, end)


def _find_whole_words(text, wanted):
    """The first occurrence of ``wanted`` that neither starts nor ends inside a word, or -1."""
    position = text.find(wanted)
    while position >= 0:
        end = position + len(wanted)
        cut_before = position > 0 and wanted[0].isalnum() and text[position - 1].isalnum()
        cut_after = end < len(text) and wanted[-1].isalnum() and text[end].isalnum()
        if not cut_before and not cut_after:
            return position
        position = text.find(wanted, position + 1)
    return -1


@functools.lru_cache(maxsize=8)
def _normalized(source_text):
    """A source's normalised text, kept for the next claims of the same source (an import)."""
    return Normalized(source_text)


def check_quote(source_text, claim_text, kind, span=None):
    """Anchor ``claim_text`` in ``source_text`` and rate it; see the module's rules.

    ``span`` is the client's ``(start, end)``; the caller has checked that it lies within
    the source text (when there is one).
    """
    if source_text is None:
        start, end = span if span else (None, None)
        return QuoteCheck(QuoteStatus.UNCHECKED, start=start, end=end)
    source = _normalized(source_text)
    claim = Normalized(claim_text.strip())
    if span:
        return _check_span(source, claim, *span)
    position = _find_whole_words(source.text, claim.text) if claim.text else -1
    if kind == ClaimKind.PARAPHRASE:
        if position < 0:
            return QuoteCheck(QuoteStatus.UNCHECKED)
        start, end = source.original_span(position, position + len(claim.text))
        return _located(QuoteStatus.UNCHECKED, source, start, end)
    if position >= 0:
        start, end = source.original_span(position, position + len(claim.text))
        return _located(QuoteStatus.VERIFIED, source, start, end)
    near = _near_match(source, claim)
    if near is None:
        return QuoteCheck(QuoteStatus.NOT_FOUND)
    start, end, differences = near
    return _located(QuoteStatus.ALTERED, source, start, end, differences)


def follow_span(old_exact, old_start, new_text):
    """Where a client-given span's text now sits in a changed source text, or None.

    The occurrence nearest to the old start wins.
    """
    if not old_exact or new_text is None:
        return None
    source, wanted = Normalized(new_text), Normalized(old_exact).text
    if not wanted:
        return None
    best, position = None, source.text.find(wanted)
    while position >= 0:
        start, end = source.original_span(position, position + len(wanted))
        if best is None or abs(start - old_start) < abs(best[0] - old_start):
            best = (start, end)
        position = source.text.find(wanted, position + 1)
    return best
