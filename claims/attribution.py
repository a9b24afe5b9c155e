"""Attribution: who a news text gives its words to.

``speaker_of(text, start, end)`` answers for any span of a text: the mention of the speaker
the source gives those words to, followed through pronouns and descriptions back to the
name. ``attributions(text)`` lists every attribution of the text, the material of extraction.

Rules (the attribution patterns of news English):

- An attribution is a **cue** (a reporting verb: said, says, told, added, confirmed, denied,
  claimed, warned, ..., with its auxiliaries: "has claimed", "would not say"; or "according
  to") with its **subject**, the noun phrase that names who speaks: before the cue ("Toner
  said", "The spokesman for the coalition said on Tuesday") or after it ("said Toner",
  "according to The Associated Press"). Words inside quotation marks are never cues or
  subjects: they are the speaker's words.
- A subject is a name ("Army Col. Chris Garver", "Iranian officials", "The State
  Department"), a pronoun (he, she, it, they) or a description ("the spokesman", "the
  ministry"). A phrase that names no one ("the move", "the report", "it is believed", a
  passive "was told") is no subject: hedges without a speaker attribute nothing.
- Role words before a name and an appositive after it are the speaker's role as written
  ("State spokesman Matt Toner"; "Toner, a State Department spokesman, said").
- A **quotation** belongs to the attribution that closes it (``"…," Toner said``, ``"…,"
  said Toner``), else to the one that opens it (``Toner said: "…"``, ``Toner said, "…"``),
  else, as a partial quote, to the attribution of the sentence around it (``called the move
  "not helpful"``). A quotation that opens a sentence or paragraph with no attribution of its
  own continues the speaker of the quotation before it in the paragraph, or of the last
  attribution of the paragraph before. Quoted terms ("so-called", "dubbed", titles in capitals)
  and quotations in sentences without attribution are nobody's words.
- Pronouns and descriptions resolve to the last compatible named speaker: he/she to the last
  person not known to be of the other gender (a pronoun or a role word such as "Ms." or
  "spokeswoman" tells), it to the last organization, they to the last group or
  organization, "the spokesman" to the last person with that role, "the ministry" to the
  last organization so called, "the company" to the last organization named as one
  ("Acme Corp."). A description with "a" or "an" ("a council spokesman")
  brings in someone new. A description that fits no one before it is given to a person
  named in full in the next sentence's attribution when that person is new and no other
  job is written beside their name ("The spokesman for the coalition said ... Army Col. Chris
  Garver said ..."). A surname alone is the person named before in full.
- A name in apposition to a description speaks, and the description is its role: "The
  councillor, Derek Lyle, denied ...", "according to the inquiry's chairwoman, retired
  judge Helen Marr, ...".
- Where one sentence carries two attributions ("While Russia has claimed that ..., U.S.
  officials say ..."), each has its own span, from its subject to the clause break before the
  next one. An attribution inside the content of another ("Reuters reported that officials
  said ...") is nested: ``via`` points to the outer one.
"""

import functools
import re
from dataclasses import dataclass

from claims import speaker_names
from claims.quotations import find_quotations
from claims.sentences import sentences

_VERBS = {
    "say": "say says said saying",
    "tell": "tell tells told telling",
    "add": "add adds added adding",
    "state": "states stated",
    "claim": "claim claims claimed claiming",
    "deny": "deny denies denied denying",
    "confirm": "confirm confirms confirmed",
    "reject": "reject rejects rejected",
    "accuse": "accuse accuses accused",
    "blame": "blame blames blamed",
    "warn": "warn warns warned warning",
    "promise": "promise promises promised",
    "estimate": "estimate estimates estimated",
    "insist": "insist insists insisted",
    "argue": "argue argues argued",
    "explain": "explain explains explained",
    "note": "notes noted",
    "announce": "announce announces announced",
    "acknowledge": "acknowledge acknowledges acknowledged",
    "admit": "admit admits admitted",
    "report": "report reports reported",
    "write": "write writes wrote",
    "tweet": "tweeted",
    "post": "posted",
    "predict": "predict predicts predicted",
    "assert": "assert asserts asserted",
    "allege": "allege alleges alleged",
    "maintain": "maintains maintained",
    "contend": "contend contends contended",
    "concede": "concede concedes conceded",
    "declare": "declare declares declared",
    "disclose": "disclosed",
    "recall": "recalls recalled",
    "complain": "complain complains complained",
    "vow": "vow vows vowed",
    "pledge": "pledge pledges pledged",
    "reply": "replies replied",
    "respond": "responded",
    "counter": "countered",
    "caution": "cautioned",
    "stress": "stressed stresses",
    "emphasise": "emphasised emphasized emphasises emphasizes",
    "observe": "observed",
    "remark": "remarked",
    "believe": "believes",
    "testify": "testified testifies",
    "ask": "asked asks",
    "continue": "continued",
    "conclude": "concluded concludes",
    "threaten": "threatened",
    "urge": "urged urges",
    "agree": "agreed",
    "acknowledged": "acknowledged",
    "indicate": "indicated",
    "forecast": "forecast forecasts",
    "project": "projected",
    "describe": "described",
    "call": "called",
    "dismiss": "dismissed",
    "suggest": "suggested",
}
# Cues that attribute quotations only, never a paraphrase ("asked", "continued").
QUOTE_ONLY = frozenset("ask asks asked continued".split())
_AUX = (
    r"(?:(?:has|have|had|will|would|could|can|did|does|do|may|might|must|should|shall)"
    r"(?:\s+(?:not|never))?(?:n['\u2019]t)?\s+)?(?:(?:also|later|earlier|again|further|"
    r"previously|repeatedly|publicly|privately|then|since|already|once)\s+)*"
)
_VERB_FORMS = sorted(
    {form for forms in _VERBS.values() for form in forms.split()}, key=len, reverse=True
)
CUE = re.compile(
    r"(?<![\w\u2019'-])(?P<aux>" + _AUX + r")(?P<verb>" + "|".join(_VERB_FORMS) + r")(?![\w-])"
    r"|(?<![\w-])(?P<refuse>(?:would|could|did)\s+not\s+say|(?:declined|refused)\s+to\s+"
    r"(?:say|comment|specify|discuss|disclose))(?![\w-])"
    r"|(?<![\w-])(?P<according>[Aa]ccording\s+to)(?![\w-])"
    r"|(?<![\w-])(?P<citing>[Cc]iting)(?=\s)"
    r"|['\u2019]s\s+(?P<view>(?:view|position|assessment|argument|contention|conclusion)\s+"
    r"(?:is|was)\s+that)(?![\w-])"
)
_PASSIVE_BEFORE = re.compile(
    r"(?:\b(?:is|was|were|are|been|be|being|it's|it\u2019s)\s+(?:also\s+|widely\s+|"
    r"generally\s+)?)$",
    re.IGNORECASE,
)
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|his|her|its|their|our|my|your|these|those|such|any|no|of|new|"
    r"earlier|previous|similar|those|two|many|recent|unconfirmed|initial|false|this|that)\s+)$",
    re.IGNORECASE,
)
# A single mark breaks a clause only beside quoted (masked) words: elsewhere it is an
# apostrophe ("Keldar's ministry", "a nurses' association").
_CLAUSE_BREAK = re.compile(
    r"[,;:()\u2014\u2013\x00\"\u201c\u201d\u00ab\u00bb]|(?<=\x00)['\u2018\u2019]|['\u2018\u2019](?=\x00)"
    r"|(?<![\w-])(?:that|but|while|whereas|because|although|though|when|after|before|since|"
    r"if|so|which|who|where|whom|whose|than|until|unless|as)(?![\w-])"
)
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_TIME = (
    rf"(?:on\s+)?(?:(?:last|this|next)\s+)?(?:{_DAYS})(?:\s+(?:morning|afternoon|evening|"
    r"night))?|(?:last|this)\s+(?:week|weekend|month|year|night|morning|spring|summer|"
    r"autumn|fall|winter)|yesterday|today|tonight|earlier\s+this\s+(?:week|month|year)"
)
_TRAILING_ADVERBIAL = re.compile(
    r"(?:\s*,)?\s+(?:" + _TIME + r"|also|later|earlier|again|previously|repeatedly|separately|"
    r"privately|publicly|often|once|recently|however|too|then|now|still|first|initially|"
    r"subsequently|further|reportedly|himself|herself|itself|themselves|meanwhile|in\s+(?:a|an|"
    r"its|his|her|their)\s+(?:[\w-]+\s+)?(?:statement|interview|briefing|post|letter|tweet|"
    r"speech|report|release|email|e-mail|message|video|conference|note|filing)"
    r"(?:\s+(?:on|to|with)\s+[\w.]+(?:\s+[\w.]+)?)?)\s*,?\s*$",
    re.IGNORECASE,
)
# An introductory phrase before a speaker's name, not part of the statement.
_INTRODUCTORY = re.compile(
    r"(?:in|on|at|after|before|during|asked|however|meanwhile|earlier|later|separately|"
    r"speaking|responding|writing|addressing|last|this|yesterday|today|for\s+(?:his|her|its|"
    r"their)\s+part)\b[^,\x00\"\u201c\u00ab]{0,80},\s*$",
    re.IGNORECASE,
)
# The word that opens a subordinate clause just before a speaker's name.
_SUBORDINATE = re.compile(
    r"\b(?:after|because|when|since|before|until|although|though|"
    r"once|as)\s+$",
    re.IGNORECASE,
)
_LEADING = re.compile(
    r"^(?:(?:and|but|yet|so|while|whereas|although|though|meanwhile|also|still|now|then|later|"
    r"however|instead|separately|earlier|indeed|moreover|in\s+turn|for\s+(?:his|her|its|their)"
    r"\s+part)\b[\s,]*)+",
    re.IGNORECASE,
)
_NOT_SPEAKERS = frozenset(
    """
this that there which what who nothing everything everyone anyone someone somebody nobody
reports data evidence research analysis studies study report move it's wave i we you one
monday tuesday wednesday thursday friday saturday sunday yesterday today tonight january
february march april may june july august september october november december
""".split()
)
_PRONOUNS = frozenset("he she it they".split())
# Small words inside names: "Bank of England", "Ibn al-Haytham", "Ludwig van Beethoven".
_NAME_JOINERS = frozenset("of the and de al bin van von der la le du da for".split())
_TRAILING_CONTENT = re.compile(
    r"^(?:\s*,?\s*(?:" + _TIME + r"|in\s+(?:a|an|its|his|her|their)\s+(?:[\w-]+\s+)?"
    r"(?:statement|interview|briefing|post|letter|tweet|speech|email|message|video)"
    r"(?:\s+(?:on|to|with)\s+[\w.]+)?|also|later|earlier|again|(?:to|in)\s+(?:reporters|"
    r"journalists|the\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*|[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)))*"
    r"\s*(?:[.!?\u2026]|,\s*(?:adding|noting|saying|explaining|stressing|before|as|while|"
    r"and|but)\b|$)",
)
_NAMING_BEFORE = re.compile(
    r"(?:so-called|so\s+called|dubbed|known\s+as|titled|entitled|named|called|term|word|"
    r"words|phrase|slogan|motto|hashtag|banner|nicknamed|labell?ed|branded)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Mention:
    """Where the source names a speaker: ``text`` at ``[start, end)``, its ``name`` without
    role words, the ``role`` as written, the speaker's ``kind`` and the ``cue`` of the
    statement it was found for."""

    start: int
    end: int
    text: str
    name: str
    role: str | None
    kind: str
    cue: str | None


@dataclass(frozen=True)
class Attribution:
    """One attribution of a text.

    ``start``/``end`` is the span of its statement (the sentence, or the sentence's part that
    carries it); ``content_start``/``content_end`` the reported words; ``subject_*`` where the
    sentence names the speaker (maybe a pronoun); ``speaker`` the resolved named mention (None
    when it cannot be resolved); ``quotations`` the (start, end) of the quotations it carries;
    ``via`` the index of the attribution it is nested in; ``resolved_by`` how the speaker
    was found (name, surname, pronoun, description, continuation).
    """

    start: int
    end: int
    cue: str
    cue_start: int
    cue_end: int
    subject_start: int
    subject_end: int
    content_start: int
    content_end: int
    speaker: Mention | None
    quotations: tuple
    via: int | None
    resolved_by: str
    sentence: int
    trailing: bool


@dataclass
class _Found:
    """An attribution while it is being read."""

    sentence: int
    cue: str
    cue_start: int
    cue_end: int
    subject_start: int
    subject_end: int
    role: str | None = None
    trailing: bool = False
    quote_only: bool = False
    start: int = 0
    end: int = 0
    content_start: int = 0
    content_end: int = 0
    via: int | None = None
    quotations: list = None
    speaker: Mention | None = None
    resolved_by: str = "name"


def _masked(text, quotations):
    """``text`` with every quoted character of an outer quotation replaced by NUL."""
    chars = list(text)
    for quotation in quotations:
        if quotation.depth:
            continue
        for start, end in quotation.parts:
            chars[start:end] = "\x00" * (end - start)
    return "".join(chars)


def _trim(text, start, end):
    while start < end and text[start] in " \t\n\u00a0,":
        start += 1
    while end > start and text[end - 1] in " \t\n\u00a0,":
        end -= 1
    return start, end


def _subject_before(masked, text, sentence_start, cue_start):
    """``(start, end, role)`` of the subject written just before a cue, or None."""
    end = cue_start
    head = masked[sentence_start:end]
    role, named = None, None
    stripped = head.rstrip()
    if stripped.endswith(",") and not stripped.endswith("\x00,"):
        # "Toner, a State Department spokesman, said": an appositive between commas.
        inner_end = sentence_start + len(stripped) - 1
        comma = masked.rfind(",", sentence_start, inner_end)
        dash = -1
        if comma >= 0:
            appositive = text[comma + 1 : inner_end].strip()
            if not re.match(
                r"(?:in|on|at|according|after|before|when|while|during)\b",
                appositive,
                re.IGNORECASE,
            ):
                role = (
                    appositive
                    if re.match(r"(?:a|an|the|who\s+is|its|his|her|\d)\b|[A-Z]", appositive)
                    else None
                )
            end = comma
            named = _trim(text, comma + 1, inner_end)
        elif dash >= 0:
            end = dash
        else:
            end = inner_end
    start = sentence_start
    for match in _CLAUSE_BREAK.finditer(masked, sentence_start, end):
        start = match.end()
    start, end = _trim(text, start, end)
    chunk = text[start:end]
    while True:
        adverbial = _TRAILING_ADVERBIAL.search(chunk)
        if not adverbial or adverbial.start() == 0:
            break
        chunk = chunk[: adverbial.start()]
    leading = _LEADING.match(chunk)
    if leading:
        start += leading.end()
        chunk = chunk[leading.end() :]
    end = start + len(chunk)
    start, end = _trim(text, start, end)
    if role and _names_after_description(text, (start, end), named):
        # "The councillor, Derek Lyle, denied": the name speaks, the description is its role;
        # the subject is both (role words come before a name).
        return start, named[1], text[start:end]
    if not _is_subject(text[start:end]):
        return None
    return start, end, role


def _names_after_description(text, described, named):
    """Whether ``named`` (offsets) is a name given in apposition to the description at
    ``described``: "the councillor, Derek Lyle", "the contractor, Harcourt Build Ltd.",
    "the inquiry's chairwoman, retired judge Helen Marr"."""
    tokens = speaker_names.words(text[described[0] : described[1]])
    if not tokens or len(tokens) > 6:
        return False
    possessive = re.match(r"[A-Z][\w.-]*['\u2019]s$", text[described[0] : described[1]].split()[0])
    if (
        tokens[0].casefold() not in ("the", "a", "an", "its", "his", "her", "their")
        and not possessive
    ):
        return False
    if not all(t[:1].islower() for t in tokens[1:]):
        return False
    _role, name = speaker_names.strip_role(text[named[0] : named[1]])
    words = speaker_names.words(name)
    return (
        bool(words)
        and len(words) <= 6
        and all(w[:1].isupper() or w.casefold() in _NAME_JOINERS for w in words)
        and _is_subject(name)
    )


def _is_subject(phrase):
    tokens = speaker_names.words(phrase)
    if not tokens or len(tokens) > 12 or "\x00" in phrase or CUE.search(phrase):
        return False  # a subject holds no cue: "He accused City Hall" names no speaker
    keys = [t.casefold() for t in tokens]
    if keys[0] in _NOT_SPEAKERS or (len(keys) == 1 and keys[0] in ("i", "we", "you")):
        return False
    if len(keys) == 1 and keys[0] in _PRONOUNS:
        return True
    head = speaker_names.head_word(phrase)
    if head in speaker_names.PERSON_NOUNS or head in speaker_names.GROUP_NOUNS:
        return True
    if head in speaker_names.ORGANIZATION_WORDS:
        return True
    head_token = tokens[len(speaker_names.words(_before_modifiers(phrase))) - 1]
    if head.casefold() in _NOT_SPEAKERS:
        return False
    if not head_token[:1].isupper():
        return False
    # A proper name: every word of it capitalised, save a few joining words.
    name_tokens = speaker_names.words(_before_modifiers(phrase))
    lower = [
        t
        for t in name_tokens[1:]
        if t[:1].islower()
        and t.casefold() not in _NAME_JOINERS
        and t.casefold() not in speaker_names.PERSON_ROLES
    ]
    if not lower:
        return True
    # A name after words that say what it is: "the public broadcaster Radio Valmora".
    role, name = speaker_names.strip_role(_before_modifiers(phrase))
    return bool(role and name) and all(
        t[:1].isupper() or t.casefold() in _NAME_JOINERS for t in speaker_names.words(name)
    )


_POSTMODIFIER = re.compile(r"\s(?:" + "|".join(sorted(speaker_names.POSTMODIFIERS)) + r")\s")


def _before_modifiers(phrase):
    match = _POSTMODIFIER.search(phrase)
    return phrase[: match.start()] if match else phrase


def _subject_after(masked, text, cue_end, sentence_end):
    """The subject written after a cue ("said Toner", "according to X"), up to the clause's
    end: ``(start, end, role)`` or None."""
    stop = sentence_end
    match = re.compile(r"[,;:.!?\u2014\x00()]|\s(?:that|who|which)\s").search(
        masked, cue_end, sentence_end
    )
    while match and match.group() == "." and _is_abbreviation_dot(text, match.start()):
        match = re.compile(r"[,;:.!?\u2014\x00()]|\s(?:that|who|which)\s").search(
            masked, match.end(), sentence_end
        )
    if match:
        stop = match.start()
    start, end = _trim(text, cue_end, stop)
    chunk = text[start:end]
    adverbial = _TRAILING_ADVERBIAL.search(chunk)
    if adverbial and adverbial.start() > 0:
        end = start + adverbial.start()
    role = None
    after = masked[stop:sentence_end]
    if after.startswith(","):
        appositive = re.match(r",\s*((?:a|an|the)\s[^,.;\x00]{1,120})", text[stop:sentence_end])
        if appositive:
            role = appositive.group(1).strip()
        following = re.match(
            r",([^,;:\x00()]{1,80}?)(?:,|(?<!\b[A-Z])\.(?=\s|$)|$)", masked[stop:sentence_end]
        )
        if following:
            named = _trim(text, stop + following.start(1), stop + following.end(1))
            if _names_after_description(text, (start, end), named):
                return start, named[1], text[start:end]
    if not _is_subject(text[start:end]):
        return None
    return start, end, role


def _is_abbreviation_dot(text, at):
    word = re.search(r"[\w.]*$", text[max(0, at - 40) : at]).group()
    return (
        "." in word
        or (len(word) == 1 and word.isupper())
        or word.lower()
        in (
            "col",
            "gen",
            "lt",
            "sgt",
            "capt",
            "maj",
            "adm",
            "sen",
            "rep",
            "gov",
            "dr",
            "mr",
            "mrs",
            "ms",
            "prof",
            "st",
            "jr",
            "sr",
            "rev",
            "cmdr",
        )
    )


def _is_trailing(masked, text, cue_end, sentence_end):
    """Whether nothing of the content follows the cue: "..., Toner said Tuesday."."""
    rest = masked[cue_end:sentence_end]
    return bool(_TRAILING_CONTENT.match(rest))


def _find_in_sentence(index, sentence, masked, text):
    found = []
    for match in CUE.finditer(masked, sentence.start, sentence.end):
        cue_start = match.start()
        if match.group("view"):
            cue_start = match.start("view")
            subject = _subject_before(masked, text, sentence.start, match.start())
            if subject:
                found.append(
                    _Found(
                        index, "view is that", cue_start, match.end(), *subject[:2], role=subject[2]
                    )
                )
            continue
        if match.group("citing"):
            subject = _subject_after(masked, text, match.end(), sentence.end)
            if subject:
                found.append(
                    _Found(
                        index,
                        "citing",
                        cue_start,
                        match.end(),
                        *subject[:2],
                        role=subject[2],
                        trailing=True,
                    )
                )
            continue
        if match.group("according"):
            subject = _subject_after(masked, text, match.end(), sentence.end)
            if subject:
                found.append(
                    _Found(
                        index, "according to", cue_start, match.end(), *subject[:2], role=subject[2]
                    )
                )
            continue
        verb = match.group("verb") or ""
        if verb and verb[0].isupper() and match.start() != sentence.start:
            continue
        if verb and (
            _PASSIVE_BEFORE.search(masked, sentence.start, match.start())
            or (
                not match.group("aux")
                and _DETERMINER_BEFORE.search(masked, sentence.start, match.start())
            )
        ):
            continue  # a passive ("it is believed") or a noun ("the claims")
        if verb in ("called", "dismissed") and not _names_a_quote(
            masked, match.end(), sentence.end, verb
        ):
            continue
        cue = re.sub(r"\s+", " ", text[match.start() : match.end()])
        cue = re.sub(
            r"\b(?:also|later|earlier|again|further|previously|repeatedly|publicly|"
            r"privately|then|since|already|once)\s+",
            "",
            cue,
        )
        subject = _subject_before(masked, text, sentence.start, match.start())
        trailing = _is_trailing(masked, text, match.end(), sentence.end)
        if subject is None:
            before = masked[sentence.start : match.start()].rstrip()
            if before.endswith((",", "\x00")) or re.search(r"\x00[\W]*$", before):
                subject = _subject_after(masked, text, match.end(), sentence.end)
                trailing = subject is not None
        if subject is None:
            continue
        found.append(
            _Found(
                index,
                cue,
                match.start(),
                match.end(),
                *subject[:2],
                role=subject[2],
                trailing=trailing,
                quote_only=verb.lower() in QUOTE_ONLY,
            )
        )
    return found


def _names_a_quote(masked, cue_end, sentence_end, verb):
    """Whether "called"/"described" reports words: an object then a quotation ("called the
    move "not helpful""), or "described X as"."""
    rest = masked[cue_end:sentence_end]
    if verb == "described":
        return bool(re.match(r"\s+[^,.;\x00]{1,60}?\s+as\s", rest))
    if verb == "called" and re.match(r"\s+(?:for|on)\s", rest):
        return True
    return bool(re.match(r"\s+[^,.;:\x00\"\u201c\u2018]{1,60}?\s*[\"\u201c\u2018\u00ab]\x00", rest))


def _segment(found, sentence, masked, text):
    """Set the span, content and nesting of the attributions of one sentence."""
    found.sort(key=lambda f: f.cue_start)
    citing = [item for item in found if item.cue == "citing"]
    top = []
    for item in found:
        if item.cue == "citing":
            continue
        outer = top[-1] if top else None
        if (
            outer is not None
            and not outer.trailing
            and item.subject_start > outer.cue_end
            and not re.search(r"[,;:\x00]", masked[outer.cue_end : item.subject_start])
            and item.subject_start - outer.cue_end < 60
        ):
            item.via = outer
            continue
        top.append(item)
    for position, item in enumerate(top):
        following = top[position + 1] if position + 1 < len(top) else None
        if len(top) == 1:
            start, end = sentence.start, sentence.end
            leading = _LEADING.match(text[start : item.subject_start])
            if not item.trailing and (
                _INTRODUCTORY.match(text, start, item.subject_start)
                or _SUBORDINATE.search(text, start, item.subject_start)
                or (leading and start + leading.end() == item.subject_start)
            ):
                # "In a statement, the ministry said ...", "... after residents said ...",
                # "But Marsh insisted ..."
                start = item.subject_start
        else:
            start = (
                item.subject_start
                if not item.trailing and item.cue != "according to"
                else (top[position - 1].end if position else sentence.start)
            )
            if position and item.trailing:
                start = _after_break(masked, text, top[position - 1].cue_end, item.subject_start)
            end = sentence.end
            if following is not None:
                end = _break_before(masked, text, item.cue_end, following)
        item.start, item.end = _trim(text, start, end)
        if item.start > item.subject_start and not item.trailing:
            item.start = item.subject_start
    for item in found:
        if item.via is not None:
            item.start, item.end = item.subject_start, item.via.end
    for item in citing:
        # "The Herald, citing two officials, said ...": the officials speak through it.
        relays = [other for other in top if other.start <= item.cue_start < other.end]
        if relays:
            item.via = relays[0]
            item.start, item.end = item.via.start, item.via.end
        else:
            found.remove(item)
    for item in found:
        if item.cue == "citing":
            continue
        if item.trailing or (
            item.cue == "according to"
            and item.subject_start > item.start
            and masked[item.start : item.cue_start].strip()
        ):
            item.content_start, item.content_end = _trim(text, item.start, item.cue_start)
            if not item.trailing:
                item.content_end = _trim(text, item.start, item.cue_start)[1]
        else:
            item.content_start, item.content_end = _trim(text, item.cue_end, item.end)
        item.content_start, item.content_end = _strip_subject(item, text)
    for item in found:
        if item.cue == "citing":
            item.content_start, item.content_end = item.via.content_start, item.via.content_end


def _strip_subject(item, text):
    start, end = item.content_start, item.content_end
    if start <= item.subject_start < end and item.trailing:
        end = item.subject_start
    return _trim(text, start, end)


def _break_before(masked, text, after, following):
    """Where a statement ends before the next attribution of its sentence: the last clause
    break (comma, semicolon, "but") before the next one's subject."""
    limit = following.subject_start if not following.trailing else following.cue_start
    gap = masked[after:limit]
    last = None
    for match in re.finditer(r"[,;]|\s(?:but|and|while|whereas)\s", gap):
        last = match
    if last is None:
        return limit
    end = after + last.start()
    return _trim(text, after, end)[1]


def _after_break(masked, text, after, limit):
    gap = masked[after:limit]
    last = None
    for match in re.finditer(r"[,;]\s*(?:but|and|while|whereas)?\s*", gap):
        last = match
    return after + last.end() if last else after


def _attach_quotations(text, masked, sents, found):
    """Give each outer quotation to the attribution that speaks it (see the module rules)."""
    quotations = [q for q in find_quotations(text) if q.depth == 0]
    by_sentence = {}
    for item in found:
        by_sentence.setdefault(item.sentence, []).append(item)
        item.quotations = []
    starts = [s.start for s in sents]
    continuations = []
    for quotation in quotations:
        open_index = _sentence_at(starts, sents, quotation.start)
        close_index = _sentence_at(starts, sents, quotation.end - 1)
        if open_index is None or close_index is None:
            continue
        owner = _closing_owner(quotation, by_sentence.get(close_index, []), masked)
        if owner is None:
            owner = _opening_owner(quotation, by_sentence.get(open_index, []), masked)
            introduced = re.search(
                r"[:,]\s*$", text[max(0, quotation.start - 41) : quotation.start - 1]
            )
            if (
                owner is not None
                and not introduced
                and _is_term(quotation, text, sents[open_index])
            ):
                owner = None
                continue
        if owner is None and open_index == close_index:
            owner = _sentence_owner(
                quotation, by_sentence.get(open_index, []), masked, text, sents[open_index]
            )
        if owner is not None:
            owner.quotations.append((quotation.start, quotation.end))
        elif _opens_its_sentence(quotation, sents[open_index], text):
            continuations.append((quotation, open_index))
    return continuations


def _sentence_at(starts, sents, offset):
    import bisect

    index = bisect.bisect_right(starts, offset) - 1
    if index >= 0 and offset < sents[index].end + 1:
        return index
    return None


def _closing_owner(quotation, candidates, masked):
    for item in candidates:
        if item.cue_start < quotation.end:
            continue
        gap = masked[quotation.end : min(item.subject_start, item.cue_start)]
        if re.fullmatch(r"[^\w\x00]{0,4}\s*", gap) or (
            item.trailing
            and re.fullmatch(r"[^\w\x00]{0,4}\s*", masked[quotation.end : item.cue_start])
        ):
            return item
    return None


def _opening_owner(quotation, candidates, masked):
    best = None
    for item in candidates:
        if item.cue_end > quotation.start or item.trailing and item.cue != "according to":
            continue
        gap = masked[item.cue_end : quotation.start - 1]
        if item.cue == "according to":
            gap = masked[max(item.cue_end, item.subject_end) : quotation.start - 1]
        if re.fullmatch(r"[^,;.\x00\"\u201c]{0,80}?[,:]?\s*(?:that\s*)?", gap):
            best = item
    return best


def _sentence_owner(quotation, candidates, masked, text, sentence):
    if _is_term(quotation, text, sentence):
        return None
    for item in candidates:
        if item.quote_only:
            continue
        if (
            item.start <= quotation.start
            and quotation.end <= item.end
            and not (item.subject_start <= quotation.start < item.subject_end)
        ):
            return item
    return None


def _is_term(quotation, text, sentence):
    """A quoted term, name or title rather than someone's words."""
    before = text[sentence.start : quotation.start - 1]
    if _NAMING_BEFORE.search(before.rstrip()):
        return True
    words = text[quotation.start : quotation.end]
    quoted = speaker_names.words(words)
    mid_sentence = quotation.start - 1 > sentence.start
    # A name or title: capitalised words (and numbers), no sentence punctuation ("KettlePro
    # 3", "Night Shift", "Safe Home").
    return (
        mid_sentence
        and 1 <= len(quoted) <= 8
        and quoted[0][:1].isupper()
        and not re.search(r"[,;:!?]|\.(?:\s|$)", words)
        and all(
            w[:1].isupper()
            or w[:1].isdigit()
            or w.lower() in ("of", "the", "and", "a", "in", "on", "for", "to")
            for w in quoted
        )
    )


def _opens_its_sentence(quotation, sentence, text):
    return text[sentence.start : quotation.start - 1].strip() == ""


@functools.lru_cache(maxsize=16)
def _analyse(text):
    quotations = find_quotations(text)
    masked = _masked(text, quotations)
    sents = sentences(text)
    found = []
    for index, sentence in enumerate(sents):
        items = _find_in_sentence(index, sentence, masked, text)
        if items:
            _segment(items, sentence, masked, text)
            found.extend(items)
    found.sort(key=lambda f: f.cue_start)
    continuations = _attach_quotations(text, masked, sents, found)
    _resolve(text, sents, found)
    found.extend(_continued(text, sents, found, continuations))
    found.sort(key=lambda f: (f.start, f.cue_start))
    position = {id(item): index for index, item in enumerate(found)}
    return tuple(
        Attribution(
            start=item.start,
            end=item.end,
            cue=item.cue,
            cue_start=item.cue_start,
            cue_end=item.cue_end,
            subject_start=item.subject_start,
            subject_end=item.subject_end,
            content_start=item.content_start,
            content_end=item.content_end,
            speaker=item.speaker,
            quotations=tuple(item.quotations or ()),
            via=position.get(id(item.via)) if item.via is not None else None,
            resolved_by=item.resolved_by,
            sentence=item.sentence,
            trailing=item.trailing,
        )
        for item in found
    )


def _continued(text, sents, found, continuations):
    """Attributions for quotations that continue an earlier speaker's words."""
    extra = []
    for quotation, index in continuations:
        sentence = sents[index]
        earlier = [
            f
            for f in found + extra
            if f.speaker is not None
            and (f.quotations or f.cue_end <= quotation.start)
            and sents[f.sentence].paragraph in (sentence.paragraph, sentence.paragraph - 1)
            and f.start < quotation.start
        ]
        if not earlier:
            continue
        same_paragraph = [f for f in earlier if sents[f.sentence].paragraph == sentence.paragraph]
        previous = max(same_paragraph or earlier, key=lambda f: f.start)
        if not same_paragraph and not (
            previous.quotations or text[previous.start : previous.end].rstrip().endswith(":")
        ):
            continue
        item = _Found(
            index,
            previous.cue,
            previous.cue_start,
            previous.cue_end,
            previous.subject_start,
            previous.subject_end,
            quote_only=True,
        )
        item.start, item.end = quotation.start, quotation.end
        item.content_start, item.content_end = quotation.start, quotation.end
        item.quotations = [(quotation.start, quotation.end)]
        item.speaker = previous.speaker
        item.resolved_by = "continuation"
        extra.append(item)
    return extra


@dataclass
class _Entity:
    kind: str
    name: str
    role: str | None
    roles: set
    mention: tuple  # (start, end, text) of the latest named mention
    last: int  # offset of the latest reference, for recency
    gender: str | None = None  # "he" or "she", once a pronoun or a role word says which


_GENDERED = {
    "he": frozenset(
        "mr spokesman chairman councilman congressman businessman father son "
        "brother husband man king prince sir lord".split()
    ),
    "she": frozenset(
        "mrs ms miss spokeswoman chairwoman councilwoman congresswoman "
        "businesswoman mother daughter sister wife woman queen princess lady "
        "dame".split()
    ),
}


def _gender_of(*phrases):
    keys = {
        speaker_names.head_word(word)
        for phrase in phrases
        if phrase
        for word in speaker_names.words(phrase)
    }
    for pronoun, words in _GENDERED.items():
        if keys & words:
            return pronoun
    return None


def _resolve(text, sents, found):
    """Resolve every subject to a named mention, in text order (see the module rules)."""
    entities = []
    ordered = sorted(found, key=lambda f: f.subject_start)
    for position, item in enumerate(ordered):
        phrase = text[item.subject_start : item.subject_end]
        key = phrase.casefold()
        if key in _PRONOUNS:
            entity = _by_pronoun(entities, key)
            item.resolved_by = "pronoun"
        elif _is_description(phrase):
            # "A council spokesman" brings in someone new; "the spokesman" points back.
            indefinite = phrase.split()[0].casefold() in ("a", "an")
            entity = None if indefinite else _by_description(entities, phrase)
            if entity is None:
                entity = _cataphora(text, sents, ordered[position + 1 :], item, entities)
            if entity is None:
                entity = _new_entity(entities, item, phrase, description=True)
            else:
                entity.roles.add(speaker_names.head_word(phrase))
                item.resolved_by = "description"
        else:
            entity = _by_name(entities, phrase, item, text)
        if entity is None:
            item.speaker = None
            continue
        entity.last = item.subject_start
        if item.role:
            entity.roles.add(speaker_names.head_word(item.role))
        start, end, written = entity.mention
        role = item.role or entity.role
        if item.resolved_by == "description":
            role = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)
        item.speaker = Mention(start, end, written, entity.name, role, entity.kind, item.cue)


def _is_description(phrase):
    """A phrase that describes a speaker without naming them: "the spokesman", "the
    ministry", "the spokesman for the coalition". Capitalised words only after the head."""
    tokens = speaker_names.words(_before_modifiers(phrase))
    if len(tokens) < 2 or tokens[0].casefold() not in ("the", "a", "an", "this", "that"):
        return False
    head = speaker_names.head_word(phrase)
    if (
        head not in speaker_names.PERSON_NOUNS
        and head not in speaker_names.ORGANIZATION_WORDS
        and head not in speaker_names.GROUP_NOUNS
    ):
        return False
    return all(t[:1].islower() for t in tokens[1:])


def _by_pronoun(entities, pronoun):
    wanted = {
        "he": ("person",),
        "she": ("person",),
        "it": ("organization",),
        "they": ("group", "organization"),
    }[pronoun]
    for kind in wanted:
        candidates = [
            e
            for e in entities
            if e.kind == kind and (kind != "person" or e.gender in (None, pronoun))
        ]
        if candidates:
            entity = max(candidates, key=lambda e: e.last)
            if kind == "person":
                entity.gender = pronoun
            return entity
    return None


def _by_description(entities, phrase):
    head = speaker_names.head_word(phrase)
    bare = _before_modifiers(phrase) == phrase
    kind = speaker_names.kind_of(phrase)
    fitting = [
        e
        for e in entities
        if e.kind == kind
        and (head in e.roles or head in {w.casefold() for w in speaker_names.words(e.name)})
    ]
    if fitting:
        return max(fitting, key=lambda e: e.last)
    if bare and kind == "person":
        people = [e for e in entities if e.kind == "person"]
        if people:
            return max(people, key=lambda e: e.last)
    if head in _COMPANY_NOUNS:
        # "the company" after "Acme Corp.": the last organization named as a company.
        companies = [
            e
            for e in entities
            if e.kind == "organization"
            and {w.casefold().rstrip(".") for w in speaker_names.words(e.name)} & _COMPANY_MARKS
        ]
        if companies:
            return max(companies, key=lambda e: e.last)
    return None


_COMPANY_NOUNS = frozenset(
    "company firm corporation business manufacturer maker retailer "
    "carrier airline insurer lender group".split()
)
_COMPANY_MARKS = frozenset(
    "inc corp corporation ltd llc plc co company group holdings ag sa gmbh nv bv".split()
)


def _cataphora(text, sents, later, item, entities):
    """A description that fits no one yet: the new person named in the next sentence's
    attribution, if any."""
    if speaker_names.kind_of(text[item.subject_start : item.subject_end]) != "person":
        return None
    for other in later:
        if other.sentence > item.sentence + 1:
            return None
        if other.sentence == item.sentence + 1:
            phrase = text[other.subject_start : other.subject_end]
            if phrase.casefold() in _PRONOUNS or _is_description(phrase):
                continue
            if speaker_names.kind_of(phrase) != "person" or _find_named(entities, phrase):
                continue
            if len(speaker_names.words(speaker_names.strip_role(phrase)[1])) < 2:
                continue  # a lone capitalised word may name anything
            if not _may_be(text[item.subject_start : item.subject_end], phrase, other.role):
                continue
            return _new_entity(entities, other, phrase)
    return None


def _may_be(description, phrase, appositive):
    """Whether the person named ``phrase`` (with its ``appositive``) may be the one the
    ``description`` speaks of: not when their written role names another job ("the mayor"
    is not "engineer Tom Ruiz"; a rank such as "Col." names no job)."""
    role, _name = speaker_names.strip_role(phrase)
    written = " ".join(filter(None, (role, appositive)))
    jobs = {speaker_names.head_word(word) for word in speaker_names.words(written)}
    jobs &= speaker_names.PERSON_NOUNS
    return not jobs or speaker_names.head_word(description) in jobs


def _find_named(entities, phrase):
    role, name = speaker_names.strip_role(phrase)
    name = name or phrase
    for entity in sorted(entities, key=lambda e: -e.last):
        if speaker_names.matches(name, entity.name, ()) or (
            speaker_names.normalised(phrase) == speaker_names.normalised(entity.name)
        ):
            return entity
    return None


def _new_entity(entities, item, phrase, description=False):
    kind = speaker_names.kind_of(phrase)
    role, name = speaker_names.strip_role(phrase)
    if kind != "person" or not name or description:
        name, role = _display_name(phrase), None
    if description:
        item.resolved_by = "description"
    entity = _Entity(
        kind,
        name,
        role or item.role,
        set(),
        (item.subject_start, item.subject_end, phrase),
        item.subject_start,
        _gender_of(phrase, item.role) if kind == "person" else None,
    )
    if role:
        entity.roles.add(speaker_names.head_word(role))
    if item.role:
        entity.roles.add(speaker_names.head_word(item.role))
    entities.append(entity)
    return entity


def _display_name(phrase):
    words = phrase.split()
    while words and words[0].casefold() in {"the", "a", "an"} | speaker_names.QUANTIFIERS:
        words = words[1:]
    return " ".join(words) or phrase


def _full_name_before(text, phrase, before):
    """The full name a surname alone stands for, written earlier in the text ("Mayor Ann
    Lee ... Lee said"), or None."""
    tokens = speaker_names.words(phrase)
    if len(tokens) != 1 or not tokens[0][:1].isupper():
        return None
    pattern = re.compile(
        r"((?:[A-Z][\w.'\u2019-]*[^\S\n]+){1,4})" + re.escape(tokens[0]) + r"(?![\w-])"
    )
    found = None
    for match in pattern.finditer(text, 0, before):
        found = match
    if found is None:
        return None
    role, name = speaker_names.strip_role(found.group())
    if len(speaker_names.words(name)) < 2 or speaker_names.kind_of(found.group()) != "person":
        return None
    return name


def _by_name(entities, phrase, item, text=""):
    entity = _find_named(entities, phrase)
    if entity is None:
        entity = _new_entity(entities, item, phrase)
        full = _full_name_before(text, phrase, item.subject_start)
        if full and entity.kind == "person":
            entity.name = full
            item.resolved_by = "surname"
        return entity
    role, name = speaker_names.strip_role(phrase)
    if len(speaker_names.words(name or phrase)) == 1 and len(speaker_names.words(entity.name)) > 1:
        item.resolved_by = "surname"
    elif entity.kind == "person" and len(speaker_names.words(name)) > len(
        speaker_names.words(entity.name)
    ):
        entity.name = name
    if role and entity.kind == "person":
        entity.role = role
        entity.roles.add(speaker_names.head_word(role))
    entity.mention = (item.subject_start, item.subject_end, phrase)
    return entity


def attributions(text: str) -> list[Attribution]:
    """Every attribution of ``text``, in text order."""
    return list(_analyse(text))


def speaker_of(text: str, start: int, end: int) -> Mention | None:
    """The mention the source gives the words ``text[start:end]`` to, or None.

    Words inside a quotation belong to the quotation's attribution; other words to the
    attribution whose statement span holds most of them.
    """
    found = _analyse(text)
    for item in found:
        if any(q_start <= start and end <= q_end for q_start, q_end in item.quotations):
            return item.speaker
    for quotation in find_quotations(text):
        if quotation.depth == 0 and quotation.start <= start and end <= quotation.end:
            return None  # quoted words that nobody in the text is given
    best, best_overlap = None, 0
    for item in found:
        overlap = min(end, item.end) - max(start, item.start)
        if overlap > best_overlap and item.speaker is not None:
            best, best_overlap = item, overlap
            if item.via is not None and (end - start) > 0:
                pass
    if best is None or best_overlap * 2 < min(end - start, best.end - best.start):
        return None
    # The innermost attribution that holds the span: a nested one wins over its relay.
    inner = [i for i in found if i.start <= start and end <= i.end and i.speaker is not None]
    if inner:
        return max(inner, key=lambda i: i.start).speaker
    return best.speaker
