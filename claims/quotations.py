"""Finding the quotations of a text: which words the text presents as someone's own words.

Rules:

- Quotation marks come in families: double (``"`` ``“`` ``”`` ``„`` ``‟``), single (``'``
  ``‘`` ``’`` ``‚`` ``‛``), guillemets (``«`` ``»``) and single guillemets (``‹`` ``›``). A
  quotation opened by a mark of one family is closed by the next closing mark of the same
  family, whatever its style: typing mixes straight and curly marks, and German quotes open
  with ``„`` and close with ``“``.
- Whether a mark opens or closes is read from what stands around it, as a reader does: a
  mark followed by a word and preceded by white space or punctuation opens; one preceded by
  a word and followed by white space or punctuation closes. Where that cannot tell, the
  glyph decides (``“`` opens, ``”`` closes) and a straight mark closes the open quotation of
  its family, else opens one.
- A single mark is an apostrophe, not a quotation mark, inside a word ("Russia's",
  "don't"), before a year ("'90s", "'16"), in the common elisions ("rock 'n' roll", "'em",
  "'til", "'cause"), and at the end of a word ending in "in" or "s" ("goin'", "officials'")
  when the next single mark of the paragraph also closes: that one ends the quotation.
- A quotation may run over several paragraphs: each paragraph it continues in re-opens the
  mark and only the last one closes it. Each paragraph's share is one of its ``parts``. A
  quotation still open at the end of a paragraph that the next paragraph does not re-open
  was never closed: it is not a quotation (a line break inside a paragraph, as in text
  wrapped by hand, is no such end). Quotations nested in it stand on their own.
- A quotation inside another has ``depth`` 1 (2 inside that, and so on). Quotations are
  listed in text order. Empty ones (``""``) are not quotations.
- Offsets are those of the text, in code points; a part leaves out its marks and the white
  space just inside them.
- The work is one pass over the text, done once per text (kept in a small cache).
"""

import bisect
import functools
import re
from dataclasses import dataclass

DOUBLE, SINGLE, GUILLEMET, SINGLE_GUILLEMET = "double", "single", "guillemet", "single guillemet"
FAMILY = {
    **dict.fromkeys('"\u201c\u201d\u201e\u201f', DOUBLE),
    **dict.fromkeys("'\u2018\u2019\u201a\u201b", SINGLE),
    **dict.fromkeys("\u00ab\u00bb", GUILLEMET),
    **dict.fromkeys("\u2039\u203a", SINGLE_GUILLEMET),
}
OPENS_BY_GLYPH = set("\u201c\u201e\u201f\u2018\u201a\u201b\u00ab\u2039")
CLOSES_BY_GLYPH = set("\u201d\u2019\u00bb\u203a")
SINGLE_MARKS = "'\u2018\u2019\u201a\u201b"
LINE_BREAKS = "\n\r\u2028\u2029\x0b\x0c\x85"

MARK_OR_BREAK = re.compile("[" + re.escape("".join(FAMILY)) + "]|[" + LINE_BREAKS + r"]\s*")
# Apostrophes of elision that stand where an opening or closing mark could: "rock 'n'
# roll", "'em", "'til", "'cause", and two-digit years ("'90s", "'16").
ELISION = re.compile(
    rf"(?<!\w)[{SINGLE_MARKS}](?:(?P<n>n)[{SINGLE_MARKS}](?!\w)"
    r"|(?:em|tis|twas|til|cause|bout|round|cept|kay)(?!\w)"
    r"|\d\d(?:s\b|(?!\w)))",
    re.IGNORECASE,
)
# Word endings where a trailing single mark may be an apostrophe: "goin'", "officials'".
APOSTROPHE_ENDINGS = ("in", "s")

OPEN, CLOSE, EITHER, APOSTROPHE = "open", "close", "either", "apostrophe"


@dataclass(frozen=True)
class Quotation:
    start: int  # offset of the first quoted character (just inside the opening mark)
    end: int  # offset just past the last quoted character (before the closing mark)
    parts: tuple[tuple[int, int], ...]  # quoted spans per paragraph, marks excluded
    depth: int  # 0 outer quotation, 1 quotation nested inside another
    mark: str = '"'  # the opening mark

    def holds(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside this quotation: it begins and ends inside its
        parts (between two parts stand only the white space and the re-opened mark)."""
        if start >= end or start < self.start or end > self.end:
            return False
        starts = [part[0] for part in self.parts]
        first = bisect.bisect_right(starts, start) - 1
        last = bisect.bisect_right(starts, end - 1) - 1
        return (
            first >= 0 and start < self.parts[first][1] and last >= 0 and end <= self.parts[last][1]
        )


def _is_space(char):
    return char.isspace()


def _is_punctuation(char):
    return not char.isalnum() and not char.isspace()


def _flanking(text, i):
    """``(left, right)``: whether the mark at ``i`` can open and whether it can close."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    left = not _is_space(after) and (
        not _is_punctuation(after) or _is_space(before) or _is_punctuation(before)
    )
    right = not _is_space(before) and (
        not _is_punctuation(before) or _is_space(after) or _is_punctuation(after)
    )
    return left, right


def _role(text, i, elided):
    """What the mark at ``i`` does: OPEN, CLOSE, EITHER (the state decides) or APOSTROPHE."""
    mark = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if FAMILY[mark] == SINGLE and (i in elided or (before.isalnum() and after.isalnum())):
        return APOSTROPHE
    left, right = _flanking(text, i)
    if left and not right:
        return OPEN
    if right and not left:
        return CLOSE
    if mark in OPENS_BY_GLYPH:
        return OPEN
    if mark in CLOSES_BY_GLYPH:
        return CLOSE
    return EITHER


class _Frame:
    """A quotation being read: its family, finished parts and the start of the current one."""

    def __init__(self, mark, start):
        self.mark = mark
        self.family = FAMILY[mark]
        self.parts = []
        self.part_start = start


def _trimmed(text, start, end):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class _Reader:
    """One pass over the text, keeping the stack of open quotations."""

    def __init__(self, text):
        self.text = text
        self.stack = []
        self.found = []  # (parts, mark) of every closed quotation
        self.elided = {m.start() for m in ELISION.finditer(text)}
        self.elided |= {m.start("n") + 1 for m in ELISION.finditer(text) if m.group("n")}
        self.breaks = [m.start() for m in re.finditer("[" + LINE_BREAKS + "]", text)]
        self._singles = None

    def read(self):
        skip = -1
        for match in MARK_OR_BREAK.finditer(self.text):
            at = match.start()
            if at == skip:
                continue
            if self.text[at] in LINE_BREAKS:
                skip = self._paragraph_end(at, match.end())
                continue
            self._mark(at)
        self.stack.clear()  # never closed: not quotations
        return self.found

    def _mark(self, at):
        role = _role(self.text, at, self.elided)
        if role == APOSTROPHE:
            return
        family = FAMILY[self.text[at]]
        open_index = self._open_index(family)
        if role == CLOSE and self._ends_word_that_may_elide(at):
            if open_index is None or self._next_single_closes(at):
                return  # an apostrophe: "goin'", "officials'"
        if role == CLOSE or (role == EITHER and open_index is not None):
            if open_index is not None:
                self._close(open_index, at)
            return
        self.stack.append(_Frame(self.text[at], at + 1))

    def _open_index(self, family):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index].family == family:
                return index
        return None

    def _close(self, index, at):
        frame = self.stack[index]
        del self.stack[index:]  # quotations opened inside it and never closed are dropped
        parts = frame.parts + [_trimmed(self.text, frame.part_start, at)]
        parts = [part for part in parts if part[0] < part[1]]
        if parts:
            self.found.append((tuple(parts), frame.mark))

    def _paragraph_end(self, at, after):
        """At a line break: continue, re-open or drop the open quotations.

        Returns the offset of a re-opening mark to skip, else -1.
        """
        if not self.stack:
            return -1
        outer = self.stack[0]
        reopening = (
            after < len(self.text)
            and FAMILY.get(self.text[after]) == outer.family
            and _role(self.text, after, self.elided) in (OPEN, EITHER)
        )
        if reopening:
            outer.parts.append(_trimmed(self.text, outer.part_start, at))
            outer.part_start = after + 1
            del self.stack[1:]
            return after
        if self._is_wrapped_line(at, after):
            return -1
        self.stack.clear()
        return -1

    def _is_wrapped_line(self, at, after):
        """A single line break (no blank line) inside a paragraph wrapped by hand."""
        gap = self.text[at:after].replace("\r\n", "\n")
        return sum(gap.count(b) for b in LINE_BREAKS) == 1

    def _ends_word_that_may_elide(self, at):
        word_end = self.text[max(0, at - 2) : at].lower()
        return (
            at > 0
            and self.text[at] in SINGLE_MARKS
            and self.text[at - 1].isalpha()
            and (word_end.endswith(APOSTROPHE_ENDINGS))
        )

    def _next_single_closes(self, at):
        """Whether the next single mark after ``at`` in the same paragraph closes."""
        if self._singles is None:
            self._singles = [
                i
                for i, char in enumerate(self.text)
                if char in SINGLE_MARKS and _role(self.text, i, self.elided) != APOSTROPHE
            ]
        index = bisect.bisect_right(self._singles, at)
        if index == len(self._singles):
            return False
        following = self._singles[index]
        next_break = bisect.bisect_right(self.breaks, at)
        if next_break < len(self.breaks) and self.breaks[next_break] < following:
            return False
        return _role(self.text, following, self.elided) in (CLOSE, EITHER)


@functools.lru_cache(maxsize=16)
def _quotations(text):
    found = []
    for parts, mark in sorted(_Reader(text).read(), key=lambda q: (q[0][0][0], -q[0][-1][1])):
        found.append((parts[0][0], parts[-1][1], parts, mark))
    quotations, enclosing = [], []
    for start, end, parts, mark in found:
        while enclosing and enclosing[-1] <= start:
            enclosing.pop()
        quotations.append(Quotation(start, end, parts, len(enclosing), mark))
        enclosing.append(end)
    return tuple(quotations)


def find_quotations(text: str) -> list[Quotation]:
    """Every quotation of ``text`` in text order (outer before the ones nested in it)."""
    return list(_quotations(text))


def quotation_holding(quotations: list[Quotation], start: int, end: int) -> Quotation | None:
    """The innermost quotation that holds ``[start, end)``, or None."""
    starts = [quotation.start for quotation in quotations]
    best = None
    for quotation in quotations[: bisect.bisect_right(starts, start)]:
        if quotation.holds(start, end) and (best is None or quotation.depth > best.depth):
            best = quotation
    return best
