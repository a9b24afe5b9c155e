"""Paragraphs and sentences of a news text, with their offsets.

Rules:

- A paragraph is a line of the text; a line break inside a quotation that the next line
  re-opens still ends the paragraph (the quotation runs over both).
- A paragraph that does not end with a sentence's end mark (``.``, ``!``, ``?``, ``…``, maybe
  followed by closing quotation marks or brackets) is a heading: a headline, a section label,
  a kicker, a byline. Headings hold no sentences of the story.
- A sentence ends at an end mark followed by white space and a capital letter, a digit or an
  opening mark, except after a title or an abbreviation that stands before a name ("Col.",
  "Mr.", "Sen.") or an initial ("Mark C. Toner"); after an abbreviation that may also end a
  sentence ("U.S.", "a.m.") only when a word that usually begins a sentence follows.
- End marks inside a quotation do not end the sentence that carries the quotation: the
  quotation is read as one piece ("“We will go. We will stay,” he said.").
- A marker of the publishing system in braces at the start of a sentence ("{mosads}") is not
  part of it.
"""

import bisect
import functools
import re
from dataclasses import dataclass

from claims.quotations import find_quotations

TITLES = frozenset(
    """
mr mrs ms dr prof col gen lt sgt capt maj adm cmdr sen rep gov pres rev st ft mt sr jr gov
supt cpl pvt gen brig lieut atty hon messrs mme mlle no nos vol fig jan feb mar apr jun jul
aug sep sept oct nov dec est ald insp det
""".split()
)
# Abbreviations that may end a sentence as well as stand inside one.
FINAL_ABBREVIATIONS = frozenset("inc ltd co corp etc plc llc am pm".split())
SENTENCE_STARTERS = frozenset(
    """
the a an he she it they we i his her its their our this that these those there then but and
so yet in on at after before when while as if although though however meanwhile still
officials some many one two three four five six seven eight nine ten
""".split()
)
END_MARKS = ".!?\u2026"
CLOSERS = "\"'\u201d\u2019\u00bb\u203a)]"
OPENERS = "\"'\u201c\u2018\u00ab\u2039([\u201e"
CANDIDATE_END = re.compile(rf"[{re.escape(END_MARKS)}]+[{re.escape(CLOSERS)}]*(?=\s)")
MARKER = re.compile(r"\{[^{}\s]{1,40}\}")
LINE = re.compile(r"[^\n\r\u2028\u2029]+")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int  # just past its end mark (and closing marks)
    paragraph: int  # index of its paragraph among the text's paragraphs


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    heading: bool


def _is_heading(text, start, end):
    stripped = text[start:end].rstrip().rstrip(CLOSERS + " ")
    return not stripped or stripped[-1] not in END_MARKS


def _word_before(text, at):
    """The word ending at ``at`` (the end mark's offset), with its inner dots."""
    start = at
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".-"):
        start -= 1
    return text[start:at]


def _word_after(text, at):
    match = re.compile(r"\s*[" + re.escape(OPENERS) + r"]*([^\W\d_][\w'\u2019-]*)").match(text, at)
    return match.group(1) if match else ""


def _ends_sentence(text, mark_at, after):
    """Whether the end mark at ``mark_at`` (its run ending at ``after``) ends a sentence."""
    following = text[after:].lstrip()[:1]
    if not following or not (following.isupper() or following.isdigit() or following in OPENERS):
        return False
    if text[mark_at] != ".":
        return True
    word = _word_before(text, mark_at)
    key = word.replace(".", "").lower()
    if len(word) == 1 and word.isupper():
        return False  # an initial: "Mark C. Toner"
    if key in TITLES:
        return False
    if "." in word or key in FINAL_ABBREVIATIONS:  # "U.S.", "a.m.", "Inc."
        return _word_after(text, after).lower() in SENTENCE_STARTERS
    return True


def _inside(outer, starts, at, run_end):
    """Whether the end marks ``[at, run_end)`` stand inside one of the ``outer`` quotations
    (in text order, ``starts`` their starts), not at its end."""
    index = bisect.bisect_left(starts, at) - 1
    return index >= 0 and run_end < outer[index].end


@functools.lru_cache(maxsize=16)
def _read(text):
    outer = [q for q in find_quotations(text) if q.depth == 0]
    starts = [q.start for q in outer]
    paragraphs, sentences = [], []
    for line in LINE.finditer(text):
        start, end = line.start(), line.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        heading = _is_heading(text, start, end)
        index = len(paragraphs)
        paragraphs.append(Paragraph(start, end, heading))
        if heading:
            continue
        begin = start
        for match in CANDIDATE_END.finditer(text, start, end):
            marks_end = match.start() + len(match.group().rstrip(CLOSERS))
            if _inside(outer, starts, match.start(), marks_end) or not _ends_sentence(
                text, match.start(), match.end()
            ):
                continue
            sentences.append(_sentence(text, begin, match.end(), index))
            begin = match.end()
            while begin < end and text[begin].isspace():
                begin += 1
        if begin < end:
            sentences.append(_sentence(text, begin, end, index))
    return tuple(paragraphs), tuple(sentences)


def _sentence(text, start, end, paragraph):
    marker = MARKER.match(text, start)
    while marker:
        start = marker.end()
        while start < end and text[start].isspace():
            start += 1
        marker = MARKER.match(text, start)
    return Sentence(start, end, paragraph)


def paragraphs(text: str) -> list[Paragraph]:
    """Every paragraph of ``text`` (headings included), in text order."""
    return list(_read(text)[0])


def sentences(text: str) -> list[Sentence]:
    """Every sentence of the story in ``text`` (headings left out), in text order."""
    return list(_read(text)[1])
