"""Speakers' names as sources write them: matching a name to a stored speaker, and telling
what kind of speaker a noun phrase names.

Rules:

- Names compare case- and punctuation-insensitively: "U.S. officials", "US officials" and
  "u.s. Officials" are one name; a leading "the", a parenthetical ("Russia (Russian
  government)") and the possessive "'s" do not count.
- Role words written before a name do not count either: "State spokesman Matt Toner" is
  "Matt Toner", "Army Col. Chris Garver" is "Chris Garver".
- A name alone by its surname ("Toner") matches a person whose name or alias ends with that
  surname. Only a capitalised single word counts as a surname: "officials" never matches
  "U.S. officials". Whether a surname is unambiguous among many speakers is for the caller
  to tell (``unique_match``).
- A given-name conflict is a name whose surname is the speaker's but whose given name is not
  compatible with the speaker's ("Matt Toner" against "Mark Toner"); an initial or a
  shortened form ("M. Toner", "Chris" for "Christopher") is compatible.
- The kind of a speaker is read from the phrase: plural people nouns ("officials",
  "residents", "witnesses") are groups; institutional words ("ministry", "department",
  "Associated Press") and countries are organizations; everything else named is a person.
"""

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence

from claims.models import Speaker

# Words of a title or function written before a person's name.
PERSON_ROLES = frozenset(
    """
president vice secretary minister deputy assistant undersecretary under spokesman spokeswoman
spokesperson spokespeople col colonel gen general lt lieutenant sgt sergeant capt captain maj
major adm admiral cmdr commander army navy air force marine marines sen senator rep
representative gov governor mayor dr prof professor mr mrs ms miss chief director commissioner
ambassador judge justice prime foreign defense defence interior finance state health
education justice economy trade energy home chancellor speaker leader head chairman chairwoman
chair ceo cfo coo founder executive officer official analyst lawyer attorney economist
researcher scientist physician doctor nurse coach manager captain superintendent sheriff
inspector detective constable officer pastor rev reverend father bishop cardinal pope imam
rabbi king queen prince princess sheikh emir councillor councilman councilwoman alderman
lawmaker legislator congressman congresswoman mp mep envoy negotiator adviser advisor aide
counsel prosecutor district u.s us uk eu un white house pentagon kremlin senior former acting
top then interim regional national federal city county local police fire press communications
campaign party opposition team club company group coalition military military's
""".split()
)
# Titles that make the name after them a person's ("Army Col. Chris Garver").
TITLES = frozenset(
    """
president secretary minister spokesman spokeswoman spokesperson col colonel gen general lt
lieutenant sgt sergeant capt captain maj major adm admiral cmdr commander sen senator rep
representative gov governor mayor dr prof professor mr mrs ms chief director commissioner
ambassador judge justice chancellor speaker chairman chairwoman ceo founder officer analyst
lawyer attorney economist researcher rev reverend pope king queen prince princess sheikh emir
councillor councilman councilwoman lawmaker congressman congresswoman mp envoy adviser
advisor aide prosecutor sheriff inspector detective deputy
""".split()
)
# Nouns that name a person by role when no name is given ("the spokesman").
PERSON_NOUNS = frozenset(
    """
spokesman spokeswoman spokesperson minister secretary president official analyst lawyer
attorney economist researcher scientist doctor physician nurse mayor governor senator judge
ambassador chief director commissioner commander officer colonel general captain chairman
chairwoman chair ceo executive founder professor expert witness resident neighbour neighbor
spokesman's manager coach leader head adviser advisor aide envoy negotiator prosecutor
sheriff inspector detective owner worker farmer teacher student parent mother father
woman man driver pilot engineer activist lawmaker legislator councillor councilman
councilwoman candidate diplomat source historian author critic survivor victim official's
""".split()
)
GROUP_NOUNS = frozenset(
    """
officials residents witnesses analysts experts critics lawyers attorneys prosecutors
investigators doctors nurses researchers scientists economists activists protesters
protestors demonstrators lawmakers legislators senators diplomats sources observers
supporters opponents leaders executives commanders soldiers troops rebels militants
fighters survivors families neighbours neighbors locals villagers farmers workers employees
staff teachers students parents people voters members authorities organizers organisers
campaigners engineers pilots passengers parishioners shopkeepers owners scholars historians
officers negotiators aides advisers advisors forecasters meteorologists inspectors
""".split()
)
ORGANIZATION_WORDS = frozenset(
    """
ministry department agency office government company corporation corp inc ltd llc plc firm
bank council committee commission board union party coalition alliance army military navy
police court university institute foundation association federation organization
organisation network newspaper service bureau administration kremlin pentagon press reuters
afp bloomberg times post journal guardian telegraph herald tribune bbc cnn nbc abc cbs fox npr
embassy senate parliament congress cabinet assembly house authority fund center centre
council society trust charity group club team league school hospital clinic church
watchdog regulator exchange commission court tribunal prosecutor's nato un eu who imf opec
fbi cia nsa icrc unicef unhcr fda epa sec fed ecb irs nasa interfax tass xinhua ria
secretariat directorate inspectorate command headquarters airline airlines railway
railways council's ministry's department's agency's chamber chambers consortium radio
television tv broadcaster gazette courier daily channel magazine station wire
""".split()
)
COUNTRIES = frozenset(
    """
russia iran iraq syria israel china japan india pakistan afghanistan turkey egypt jordan
lebanon ukraine belarus poland germany france britain england scotland wales ireland italy
spain portugal greece sweden norway finland denmark netherlands belgium austria switzerland
hungary romania bulgaria serbia croatia canada mexico brazil argentina chile colombia
venezuela cuba peru australia indonesia malaysia philippines vietnam thailand korea
nigeria kenya ethiopia sudan libya tunisia algeria morocco yemen qatar kuwait bahrain oman
saudi arabia emirates washington moscow tehran beijing london paris berlin kyiv kiev
ankara damascus baghdad jerusalem brussels tokyo seoul pyongyang taiwan georgia armenia
azerbaijan kazakhstan uzbekistan america us u.s uk u.k eu u.n un gaza hamas hezbollah
taliban isis nato opec""".split()
)
# Quantifiers dropped from a group's name: "some residents" is "residents".
QUANTIFIERS = frozenset(
    """
some many several few two three four five six seven eight nine ten dozens hundreds
thousands other others most all both numerous various
""".split()
)
# Words after which a noun phrase's head is over: "the spokesman for the coalition",
# "two diplomats familiar with the talks".
POSTMODIFIERS = frozenset(
    "for of at in with from on familiar close involved briefed speaking "
    "based working living who".split()
)
PRONOUN_KINDS = {
    "he": "person",
    "she": "person",
    "him": "person",
    "her": "person",
    "it": "organization",
    "they": "group",
    "we": "group",
    "i": "person",
}

_PARENTHETICAL = re.compile(r"\([^)]*\)")
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_TOKEN = re.compile(r"[^\W_]+(?:[.'\u2019-][^\W_]+)*\.?")


def _fold(value):
    value = unicodedata.normalize("NFKD", value)
    return "".join(c for c in value if not unicodedata.combining(c)).casefold()


def words(name: str | None) -> list[str]:
    """The words of ``name`` as written (punctuation between words dropped)."""
    return _TOKEN.findall(_PARENTHETICAL.sub(" ", name or ""))


@functools.lru_cache(maxsize=16384)
def _key(word):
    return _fold(word).replace(".", "").replace("'", "").replace("\u2019", "")


def _is_role(word):
    return _key(word) in PERSON_ROLES


def strip_role(name: str | None) -> tuple[str, str]:
    """``(role, name)``: the role words written before the name, and the name itself.

    "State spokesman Matt Toner" -> ("State spokesman", "Matt Toner"); a phrase with no
    capitalised word after its role words is all role ("the spokesman" -> ("the spokesman", "")).
    """
    name = name or ""
    tokens = list(_TOKEN.finditer(name))
    last_role = -1
    for index, token in enumerate(tokens):
        word = token.group()
        if _is_role(word) or word[:1].islower() or _key(word) in ("of", "for", "the"):
            last_role = index
    if last_role == -1:
        return "", name.strip()
    rest = tokens[last_role + 1 :]
    if not rest:
        return name.strip(), ""
    role_end = tokens[last_role].end()
    return name[:role_end].strip(), name[rest[0].start() :].strip()


@functools.lru_cache(maxsize=4096)
def normalised(name: str | None) -> tuple[str, ...]:
    """The comparable words of a name: folded, without "the", possessives or punctuation."""
    tokens = [_key(t) for t in words(_POSSESSIVE.sub("", name or ""))]
    tokens = [t for t in tokens if t]
    while tokens and tokens[0] == "the":
        tokens = tokens[1:]
    return tuple(tokens)


@functools.lru_cache(maxsize=4096)
def _bare(name):
    """The name's words without its role words: "State spokesman Matt Toner" -> matt toner."""
    _role, bare = strip_role(_POSSESSIVE.sub("", name or ""))
    return normalised(bare) if bare else normalised(name)


def _is_surname(name):
    tokens = words(name)
    return len(tokens) == 1 and tokens[0][:1].isupper() and not _is_role(tokens[0])


def _person_like(name):
    tokens = words(name)
    return len(tokens) >= 2 and all(t[:1].isupper() for t in tokens)


def matches(name: str, speaker_name: str, aliases: Iterable[str] | None = ()) -> bool:
    """Whether ``name`` (as a source writes it) names the speaker called ``speaker_name``
    with ``aliases``: equal names, equal once role words are set aside, or a surname alone
    that ends a person's name."""
    if not name or not normalised(name):
        return False
    wanted, bare = normalised(name), _bare(name)
    for candidate in (speaker_name, *(aliases or ())):
        if not candidate:
            continue
        theirs = normalised(candidate)
        if wanted == theirs or (bare and bare == _bare(candidate)):
            return True
        if _is_surname(name) and _person_like(strip_role(candidate)[1] or candidate):
            if theirs and theirs[-1] == wanted[-1]:
                return True
    return False


def _given_names(name):
    bare = _bare(name)
    return (bare[0], bare[-1]) if len(bare) >= 2 else None


def _compatible(given, other):
    given, other = given.rstrip("."), other.rstrip(".")
    return given.startswith(other) or other.startswith(given)


def given_name_conflict(name: str, speaker_name: str, aliases: Iterable[str] | None = ()) -> bool:
    """Whether ``name`` has the speaker's surname but a given name that cannot be theirs:
    "Matt Toner" for Mark Toner. The speaker's own name decides; its aliases only when the
    name carries no given name."""
    ours = _given_names(name)
    if ours is None:
        return False
    references = [speaker_name] if _given_names(speaker_name or "") else list(aliases or ())
    surnamed = [_given_names(r) for r in references if r and _given_names(r)]
    surnamed = [r for r in surnamed if r[1] == ours[1]]
    if not surnamed:
        return False
    return not any(_compatible(ours[0], theirs[0]) for theirs in surnamed)


def unique_match(name: str, speakers: Sequence[Speaker]) -> Speaker | None:
    """The one speaker among ``speakers`` (objects with ``name`` and ``aliases``) that
    ``name`` matches, preferring whole-name matches to surname-only ones; None when no
    speaker or more than one matches equally well."""
    whole = [
        s
        for s in speakers
        if matches(name, s.name, ())
        or any(
            normalised(name) == normalised(a) or _bare(name) == _bare(a) for a in s.aliases or ()
        )
    ]
    if len(whole) == 1:
        return whole[0]
    if whole:
        return None
    loose = [s for s in speakers if matches(name, s.name, s.aliases)]
    return loose[0] if len(loose) == 1 else None


def head_word(phrase: str) -> str:
    """The last word of a noun phrase before its modifiers ("spokesman" in "the spokesman for
    the coalition"), folded."""
    tokens = words(phrase)
    for index, token in enumerate(tokens):
        if _key(token) in POSTMODIFIERS and index:
            tokens = tokens[:index]
            break
    return _key(tokens[-1]) if tokens else ""


def _has_title(role):
    return any(_key(w) in TITLES for w in words(role))


def kind_of(phrase: str) -> str:
    """``person``, ``organization`` or ``group``: what the noun phrase names."""
    tokens = words(_POSSESSIVE.sub("", phrase or ""))
    keys = [_key(t) for t in tokens]
    if not keys:
        return "person"
    if len(keys) == 1 and keys[0] in PRONOUN_KINDS:
        return PRONOUN_KINDS[keys[0]]
    head = head_word(phrase)
    if head in GROUP_NOUNS:
        return "group"
    role, name = strip_role(_POSSESSIVE.sub("", phrase))
    if name and role and _has_title(role) and _person_like(name):
        return "person"
    if head in PERSON_NOUNS:
        return "person"
    if any(k in ORGANIZATION_WORDS for k in keys if k != "press") or head == "press":
        return "organization"
    if all(k in COUNTRIES or k == "the" for k in keys):
        return "organization"
    if any(k in COUNTRIES for k in keys) and len(keys) <= 2 and not _person_like(phrase):
        return "organization"
    return "person"
