"""The shared vocabulary of the service, defined once.

Every enum's values are the exact strings of the HTTP contract; schemas, models and tests
import them from here.
"""

from enum import StrEnum


class Vocabulary(StrEnum):
    """A string enum whose members compare equal to their wire values."""

    @classmethod
    def values(cls) -> list[str]:
        return [member.value for member in cls]


class SourceKind(Vocabulary):
    ARTICLE = "article"
    TRANSCRIPT = "transcript"
    PRESS_RELEASE = "press_release"
    SOCIAL_POST = "social_post"
    OTHER = "other"


class SpeakerKind(Vocabulary):
    PERSON = "person"
    ORGANIZATION = "organization"
    GROUP = "group"


class ClaimKind(Vocabulary):
    DIRECT_QUOTE = "direct_quote"
    PARAPHRASE = "paraphrase"


class QuoteStatus(Vocabulary):
    VERIFIED = "verified"
    ALTERED = "altered"
    UNQUOTED = "unquoted"
    NOT_FOUND = "not_found"
    UNCHECKED = "unchecked"


class RelationType(Vocabulary):
    """How one claim bears on another; ``from`` is the claim doing the contradicting etc."""

    CONTRADICTS = "contradicts"
    SUPPORTS = "supports"
    QUALIFIES = "qualifies"
    REPEATS = "repeats"

    @property
    def symmetric(self) -> bool:
        return self in (RelationType.CONTRADICTS, RelationType.REPEATS)


class Stance(Vocabulary):
    AFFIRMS = "affirms"
    DENIES = "denies"
    QUALIFIES = "qualifies"


class DisputeStatus(Vocabulary):
    OPEN = "open"
    SETTLED = "settled"
    DORMANT = "dormant"


class AnnotationKind(Vocabulary):
    NOTE = "note"
    EVIDENCE = "evidence"
    VERDICT = "verdict"


class Rating(Vocabulary):
    """Verdict ratings, from the truest to the least true; the last two stand apart."""

    TRUE = "true"
    MOSTLY_TRUE = "mostly_true"
    HALF_TRUE = "half_true"
    MOSTLY_FALSE = "mostly_false"
    FALSE = "false"
    MISLEADING = "misleading"
    UNVERIFIABLE = "unverifiable"


class Visibility(Vocabulary):
    INTERNAL = "internal"
    PUBLIC = "public"


class Role(Vocabulary):
    """Editor roles, from the least to the most trusted."""

    READER = "reader"
    EDITOR = "editor"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return list(Role).index(self)


class Audience(Vocabulary):
    """Who may read an entry of the history and change feed."""

    PUBLIC = "public"
    EDITORS = "editors"  # any token: internal annotations
    ADMINS = "admins"  # editors' accounts


class Action(Vocabulary):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    RESTORE = "restore"


class Resource(Vocabulary):
    """The kinds of stored resource that keep a history."""

    SOURCE = "source"
    SPEAKER = "speaker"
    CLAIM = "claim"
    RELATION = "relation"
    DISPUTE = "dispute"
    ANNOTATION = "annotation"
    EDITOR = "editor"
