"""One example for each schema of the spec, keyed by the schema's class (see api/docs.py).

The examples tell one story, the seed article's (seeds/seed_article.json, on a fresh
database: source 1, speakers 1 to 8, claims 1 to 15, disputes 1 to 3, relations 1 to 8):
an editor, Dana Whitfield, rates the State Department's "not helpful." true, files
evidence for what Iranian officials say, renames the article's "Matt Toner" to Mark Toner,
and opens the dispute "Does Russia have a permanent base in Iran?" (4), where the AP's
"significant stationing" affirms and the Iranian officials deny. Offsets, quoted words and
their context are cut from the seed article's text itself, so they are the server's own.

A page of a list (``page_of``) needs no entry: its example is one item's, with
``next_cursor`` null.
"""

import copy
import hashlib
from importlib.resources import files

from flask_smorest.pagination import PaginationMetadataSchema

from schemas import (
    annotations,
    claims,
    common,
    disputes,
    editors,
    extraction,
    history,
    imports,
    records,
    relations,
    sources,
    speakers,
    web_annotations,
)

TEXT = files("seeds").joinpath("seed_article.txt").read_text(encoding="utf-8")
TEXT_SHA256 = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
CONTEXT = 32  # characters of the source on either side of an anchor

SEEDED = "2026-11-30T09:02:11Z"
RATED = "2026-11-30T09:14:05Z"
RENAMED = "2026-11-30T09:21:37Z"
DISPUTED = "2026-11-30T09:30:52Z"
POSITIONED = "2026-11-30T09:33:18Z"
ADDED = "2026-11-30T09:40:26Z"

THE_HILL = {
    "id": 1,
    "title": "Russia launches second wave of airstrikes in Syria from Iran air base",
    "publisher": "The Hill",
    "url": "https://digital-release.thehill.com/policy/defense/291716-russia-launches-second-"
    "wave-of-airstrikes-in-syria-from-iran-air-base/amp",
    "published_at": "2016-08-17",
}
SOURCE_SUMMARY = {
    "id": 1,
    "created_at": SEEDED,
    "updated_at": SEEDED,
    "version": 1,
    "kind": "article",
    "title": THE_HILL["title"],
    "publisher": "The Hill",
    "url": THE_HILL["url"],
    "section": "Defense",
    "authors": [],
    "published_at": "2016-08-17",
    "language": "en",
    "text_sha256": TEXT_SHA256,
}
SOURCE_CREATE = {
    "kind": "article",
    "title": THE_HILL["title"],
    "publisher": "The Hill",
    "url": THE_HILL["url"],
    "section": "Defense",
    "authors": [],
    "published_at": "2016-08-17",
    "language": "en",
    "text": TEXT,
}

SPEAKERS = {
    1: ("Russian Ministry of Defence", "organization"),
    2: ("The Associated Press", "organization"),
    3: ("Iranian officials", "group"),
    5: ("U.S. officials", "group"),
    7: ("U.S. Department of State", "organization"),
    8: ("Mark Toner", "person"),
}
TONER_ALIASES = ["State spokesman Matt Toner", "Matt Toner", "Toner"]
TONER = {
    "id": 8,
    "created_at": SEEDED,
    "updated_at": RENAMED,
    "version": 2,
    "name": "Mark Toner",
    "kind": "person",
    "description": "Deputy Spokesperson of the U.S. Department of State in August 2016; the "
    "article calls him 'Matt Toner'.",
    "affiliation": "U.S. Department of State",
    "aliases": TONER_ALIASES,
    "wikidata_id": None,
}
DANA = {"id": 2, "name": "Dana Whitfield"}


def speaker(speaker_id):
    name, kind = SPEAKERS[speaker_id]
    return {"id": speaker_id, "name": name, "kind": kind}


def span(start, end):
    return {"start": start, "end": end, "text": TEXT[start:end]}


def anchor(start, end):
    return {
        "start": start,
        "end": end,
        "exact": TEXT[start:end],
        "prefix": TEXT[max(0, start - CONTEXT) : start],
        "suffix": TEXT[end : end + CONTEXT],
    }


# The seed's claims that the examples show: id: speaker, kind, span, how the source names
# the speaker (and where), role, cue, said_on.
CLAIMS = {
    1: (1, "paraphrase", (230, 400), (230, 258), "defense ministry", "said", "2016-08-16"),
    2: (2, "direct_quote", (500, 522), (583, 603), "news agency", "according to", None),
    3: (3, "paraphrase", (616, 725), (616, 633), None, "say", None),
    10: (5, "paraphrase", (1914, 2018), (1914, 1928), None, "said", "2016-08-16"),
    11: (7, "direct_quote", (2070, 2082), (2021, 2041), None, "called", "2016-08-16"),
    # Created from an edited candidate: the first words of Toner's long quote (claim 13).
    16: (8, "direct_quote", (2508, 2610), (2867, 2872), "State spokesman", "said", None),
}


def claim(claim_id, **changes):
    speaker_id, kind, (start, end), (named_from, named_to), role, cue, said_on = CLAIMS[claim_id]
    seeded = claim_id <= 15
    stamp = SEEDED if seeded else ADDED
    return {
        "id": claim_id,
        "created_at": stamp,
        "updated_at": stamp,
        "version": 1,
        "speaker_id": speaker_id,
        "source_id": 1,
        "speaker": speaker(speaker_id),
        "source": THE_HILL,
        "kind": kind,
        "text": TEXT[start:end],
        "speaker_name_as_written": TEXT[named_from:named_to],
        "speaker_role": role,
        "cue": cue,
        "said_on": said_on,
        "tags": ["syria", "russia-iran"] if seeded else [],
        "anchor": anchor(start, end),
        "quote_status": "verified",
        "quote_differences": None,
        "quote_elisions": None,
        "context_warnings": None,
        "attribution": {
            "status": "confirmed",
            "mention": span(named_from, named_to),
            "speaker_id": speaker_id,
        },
        **changes,
    }


# Toner's long quote (claim 13) starts at 2508: "It’s not helpful to the situation ...".
TONER_QUOTE = 2508
CLAIM_CREATE = {
    "speaker_id": 8,
    "source_id": 1,
    "kind": "direct_quote",
    "text": TEXT[TONER_QUOTE:2610],
    "speaker_name_as_written": "Toner",
    "speaker_role": "State Department deputy spokesperson",
    "cue": "said",
    "said_on": "2016-08-16",
    "tags": ["syria", "russia-iran"],
    "anchor": {"start": TONER_QUOTE, "end": 2610},
}

RELATION_CONTRADICTS = {
    "id": 1,
    "created_at": SEEDED,
    "updated_at": SEEDED,
    "version": 1,
    "from_claim_id": 3,
    "to_claim_id": 2,
    "type": "contradicts",
    "rationale": "Iranian officials: no permanent base, refuelling only; AP: first 'significant "
    "stationing' of Russian troops in Iran since WWII.",
}
RELATION_REPEATS = {
    "id": 7,
    "created_at": SEEDED,
    "updated_at": SEEDED,
    "version": 1,
    "from_claim_id": 11,
    "to_claim_id": 13,
    "type": "repeats",
    "rationale": "The Department's 'not helpful' characterization is the same remark quoted at "
    "length from Toner.",
}

VERDICT_RATIONALE = (
    "The State Department's briefing transcript of 16 August 2016 has its deputy spokesperson, "
    "Mark Toner, calling the flights from Hamadan \u201cnot helpful\u201d."
)
VERDICT = {
    "annotation_id": 1,
    "rating": "true",
    "rationale": VERDICT_RATIONALE,
    "author": DANA,
    "created_at": RATED,
    "updated_at": RATED,
}
ANNOTATION_CREATE = {
    "kind": "verdict",
    "rating": "true",
    "rationale": VERDICT_RATIONALE,
    "visibility": "public",
}
ANNOTATION_OUT = {
    "id": 1,
    "created_at": RATED,
    "updated_at": RATED,
    "version": 1,
    "claim_id": 11,
    "kind": "verdict",
    "body": None,
    "url": None,
    "rating": "true",
    "rationale": VERDICT_RATIONALE,
    "visibility": "public",
    "author": DANA,
}

QUESTION = "Does Russia have a permanent base in Iran?"
DESCRIPTION = (
    "Iranian officials say the base is used for refuelling only; the AP calls it the first "
    "significant stationing of Russian troops in Iran since World War II."
)
DISPUTE_SUMMARY = {
    "id": 4,
    "created_at": DISPUTED,
    "updated_at": POSITIONED,
    "version": 3,
    "question": QUESTION,
    "description": DESCRIPTION,
    "status": "open",
}
REFUELLING = "Refuelling only, no permanent base."
POSITIONS = [
    {"claim_id": 3, "stance": "denies", "note": REFUELLING},
    {"claim_id": 2, "stance": "affirms", "note": None},
]


def compared(claim_id, note):
    full = claim(claim_id)
    return {
        "claim_id": claim_id,
        "date": full["said_on"] or THE_HILL["published_at"],
        "speaker": {
            **full["speaker"],
            "role": full["speaker_role"],
            "name_as_written": full["speaker_name_as_written"],
        },
        "kind": full["kind"],
        "text": full["text"],
        "cue": full["cue"],
        "quote_status": full["quote_status"],
        "anchor": full["anchor"],
        "source": THE_HILL,
        "note": note,
        "verdict": None,
    }


def side(stance, *claims_of_side):
    return {
        "stance": stance,
        "claims": list(claims_of_side),
        "total": len(claims_of_side),
        "next_cursor": None,
    }


DENIES = side("denies", compared(3, REFUELLING))
PLACEMENT = {
    "claim": claim(1),
    "stance": "affirms",
    "type": "supports",
    "score": 0.4127,
    "reasons": [
        {"kind": "shared_terms", "detail": "base, Iran, Russian"},
        {"kind": "same_source", "detail": "100 characters apart in the source"},
    ],
    "compared_with": 2,
}

CANDIDATE_WARNING = 'The source calls the speaker "Matt Toner"; the stored speaker 8 is Mark Toner.'


def candidate(start, end, kind, cue, mention, confidence, recorded_claim_id):
    """A candidate of Toner's, as the extraction answers it."""
    return {
        "kind": kind,
        "text": TEXT[start:end],
        "start": start,
        "end": end,
        "cue": cue,
        "speaker_mention": span(*mention),
        "speaker": speaker(8),
        "speaker_role": "State spokesman",
        "speaker_name_warning": CANDIDATE_WARNING,
        "said_on": None,
        "reported_via": None,
        "confidence": confidence,
        "recorded_claim_id": recorded_claim_id,
    }


# Toner's confirmation (claim 12) and "We continue to pursue that," (claim 15), as found.
CONFIRMED = candidate(2084, 2245, "paraphrase", "confirmed", (2084, 2110), 0.9, 12)
PURSUE = candidate(3017, 3044, "direct_quote", "said", (2881, 2886), 0.8, 15)
# An editor accepts the first words of Toner's long quote (an edited candidate, which claim
# 16 records) and "We continue to pursue that,", which claim 15 records already.
EDITED = candidate(TONER_QUOTE, 2610, "direct_quote", "said", (2867, 2872), 0.9, None)

RENAME = {"old": "Matt Toner", "new": "Mark Toner"}

WEB_BASE = "https://claims.example.org/api/v1"
WEB_AGENT = {"id": f"{WEB_BASE}/speakers/7", "type": "Organization", "name": SPEAKERS[7][0]}
WEB_BODY = {
    "type": "TextualBody",
    "value": "not helpful.",
    "format": "text/plain",
    "purpose": "describing",
    "creator": WEB_AGENT,
}
QUOTE_SELECTOR = {
    "type": "TextQuoteSelector",
    "exact": anchor(2070, 2082)["exact"],
    "prefix": anchor(2070, 2082)["prefix"],
    "suffix": anchor(2070, 2082)["suffix"],
}
WEB_TARGET = {
    "source": THE_HILL["url"],
    "selector": [QUOTE_SELECTOR, {"type": "TextPositionSelector", "start": 2070, "end": 2082}],
}
WEB_ANNOTATION = {
    "id": f"{WEB_BASE}/claims/11",
    "type": "Annotation",
    "motivation": "highlighting",
    "created": SEEDED,
    "modified": SEEDED,
    "body": [WEB_BODY, {"type": "TextualBody", "value": "quote:verified", "purpose": "tagging"}],
    "target": WEB_TARGET,
}
WEB_PAGE = {
    "id": f"{WEB_BASE}/sources/1/annotations.jsonld#page-1",
    "type": "AnnotationPage",
    "startIndex": 0,
    "items": [WEB_ANNOTATION],
}

PUBLISHER = {
    "@type": "Organization",
    "name": "The Ledger Desk",
    "url": "https://factcheck.example.org",
}
REVIEW_RATING = {
    "@type": "Rating",
    "ratingValue": 5,
    "bestRating": 5,
    "worstRating": 1,
    "alternateName": "True",
}
APPEARANCE = {
    "@type": "CreativeWork",
    "url": THE_HILL["url"],
    "headline": THE_HILL["title"],
    "datePublished": "2016-08-17",
    "publisher": {"@type": "Organization", "name": "The Hill"},
}
REVIEWED_CLAIM = {
    "@type": "Claim",
    "author": {"@type": "Organization", "name": SPEAKERS[7][0]},
    "appearance": APPEARANCE,
    "datePublished": "2016-08-16",
}

NO_RATINGS = {
    "unrated": 4,
    "true": 0,
    "mostly_true": 0,
    "half_true": 0,
    "mostly_false": 0,
    "false": 0,
    "misleading": 0,
    "unverifiable": 0,
}
QUOTE_STATUSES = {"verified": 4, "altered": 0, "unquoted": 0, "not_found": 0, "unchecked": 0}
# Chris Garver's claims 6, 7 and 8 in the seed's dispute 3.
SCORECARD_DISPUTE = {
    "dispute_id": 3,
    "question": "Did Russia give the U.S. adequate advance notice of the strikes flown from Iran?",
    "status": "open",
    "positions": [
        {"claim_id": 7, "stance": "affirms"},
        {"claim_id": 6, "stance": "qualifies"},
        {"claim_id": 8, "stance": "qualifies"},
    ],
}

# Were a later claim of Garver's (17) to deny that Russia gave notice, it would contradict
# his claim 7 (relation 9) and take the other side of dispute 3.
GARVER_CONTRADICTS = {"relation_id": 9, "claim_ids": [17, 7]}
GARVER_BOTH_SIDES = {"dispute_id": 3, "affirming": [7], "denying": [17]}

EDITOR_OUT = {
    "id": 2,
    "created_at": "2026-11-30T08:55:40Z",
    "updated_at": "2026-11-30T08:55:40Z",
    "version": 1,
    **DANA,
    "role": "editor",
    "active": True,
    "token_expires_at": None,
}
NEW_EDITOR = {
    "id": 3,
    "created_at": ADDED,
    "updated_at": ADDED,
    "version": 1,
    "name": "Priya Raman",
    "role": "reader",
    "active": True,
    "token_expires_at": "2027-02-28T09:40:26Z",
    "token": "clm_4pRz9QvT2mWc7Lx0bNs6KdYh3JfGa8UeXo1iVt5Hq2E",
}

EXAMPLES = {
    common.Problem: {
        "type": "about:blank",
        "title": "Unprocessable Entity",
        "status": 422,
        "detail": "Some fields are invalid.",
        "errors": {"source_id": ["Missing data for required field."]},
    },
    PaginationMetadataSchema: {
        "total": 15,
        "total_pages": 1,
        "first_page": 1,
        "last_page": 1,
        "page": 1,
    },
    common.Span: {"start": TONER_QUOTE, "end": 2610},
    editors.IndexLinks: {
        "docs": "/api/v1/docs",
        "openapi": "/api/v1/openapi.json",
        "health": "/healthz",
    },
    editors.Index: {
        "service": "claims",
        "version": "0.1.0",
        "links": {"docs": "/api/v1/docs", "openapi": "/api/v1/openapi.json", "health": "/healthz"},
    },
    editors.Health: {"status": "ok", "version": "0.1.0", "schema_version": 7},
    editors.Me: {**DANA, "role": "editor"},
    editors.EditorRef: DANA,
    editors.EditorOut: EDITOR_OUT,
    editors.NewEditor: NEW_EDITOR,
    editors.EditorCreate: {"name": "Priya Raman", "role": "reader", "expires_in_days": 90},
    editors.EditorUpdate: {"role": "editor", "active": True},
    editors.TokenReissue: {"expires_in_days": 30},
    sources.SourceSummary: SOURCE_SUMMARY,
    sources.SourceOut: {**SOURCE_SUMMARY, "text": TEXT},
    sources.SourceCreate: SOURCE_CREATE,
    sources.SourceUpdate: {"section": "Defense", "language": "en-US"},
    speakers.SpeakerOut: TONER,
    speakers.SpeakerCreate: {
        key: TONER[key]
        for key in ("name", "kind", "description", "affiliation", "aliases", "wikidata_id")
    },
    speakers.SpeakerUpdate: {"name": "Mark Toner", "aliases": TONER_ALIASES},
    speakers.Merge: {"into": 8},
    claims.ClaimSpeaker: speaker(8),
    claims.ClaimSource: THE_HILL,
    claims.Anchor: anchor(2070, 2082),
    # Toner quoted as "stalemate in Aleppo": the source has "around".
    claims.Difference: {"claimed": "in", "found": "around"},
    claims.Elision: span(2564, 2675),
    # "helpful to the situation that we currently have", without Toner's "not".
    claims.ContextWarning: {"kind": "negation_omitted", **span(2513, 2516)},
    claims.Mention: span(2021, 2041),
    claims.Attribution: {"status": "confirmed", "mention": span(2021, 2041), "speaker_id": 7},
    claims.ClaimOut: claim(11),
    claims.ClaimCreate: CLAIM_CREATE,
    claims.ClaimUpdate: {"speaker_role": "State Department deputy spokesperson"},
    claims.Via: {
        "kind": "relation",
        "relation_id": 1,
        "type": "contradicts",
        "rationale": RELATION_CONTRADICTS["rationale"],
    },
    claims.Contradiction: {
        "claim": claim(2),
        "via": {
            "kind": "relation",
            "relation_id": 1,
            "type": "contradicts",
            "rationale": RELATION_CONTRADICTS["rationale"],
        },
    },
    claims.Reason: {"kind": "shared_terms", "detail": "base, officials, Russia"},
    claims.Suggestion: {
        "claim": claim(10),
        "type": "supports",
        "score": 0.3568,
        "reasons": [{"kind": "shared_terms", "detail": "base, officials, Russia"}],
    },
    claims.ClaimDetail: {
        **claim(11),
        "contradicted_by": [],
        "contradicted_by_next_cursor": None,
        "relations": [RELATION_REPEATS],
        "relations_next_cursor": None,
        "verdict": VERDICT,
    },
    relations.RelationOut: RELATION_CONTRADICTS,
    relations.RelationCreate: {
        key: RELATION_CONTRADICTS[key]
        for key in ("from_claim_id", "to_claim_id", "type", "rationale")
    },
    relations.RelationUpdate: {
        "rationale": "Iran: refuelling only, no permanent base; AP: the first significant "
        "stationing of Russian troops in Iran since World War II."
    },
    disputes.DisputeCreate: {"question": QUESTION, "description": DESCRIPTION, "status": "open"},
    disputes.DisputeUpdate: {"status": "settled"},
    disputes.PositionIn: {"stance": "denies", "note": REFUELLING},
    disputes.PositionOut: POSITIONS[0],
    disputes.DisputeSummary: DISPUTE_SUMMARY,
    disputes.DisputeOut: {**DISPUTE_SUMMARY, "positions": POSITIONS},
    disputes.ComparedSpeaker: compared(3, REFUELLING)["speaker"],
    disputes.ComparedClaim: compared(3, REFUELLING),
    disputes.Side: DENIES,
    disputes.DateSpan: {"first": "2016-08-17", "last": "2016-08-17"},
    disputes.Placement: PLACEMENT,
    disputes.Comparison: {
        "dispute": DISPUTE_SUMMARY,
        "sides": [side("affirms", compared(2, None)), DENIES, side("qualifies")],
        "relations": [RELATION_CONTRADICTS],
        "dates": {"first": "2016-08-17", "last": "2016-08-17"},
        "suggested": [PLACEMENT],
    },
    annotations.Verdict: VERDICT,
    annotations.AnnotationOut: ANNOTATION_OUT,
    annotations.AnnotationCreate: ANNOTATION_CREATE,
    annotations.AnnotationUpdate: {
        "rating": "mostly_true",
        "rationale": "The article gives the Department a remark that its deputy spokesperson, "
        "Mark Toner, made at the briefing.",
    },
    extraction.SpeakerMention: span(2084, 2110),
    extraction.ProposedSpeaker: speaker(8),
    extraction.Candidate: CONFIRMED,
    extraction.CandidateList: {"items": [CONFIRMED, PURSUE]},
    extraction.Accepted: {"items": [EDITED, PURSUE]},
    extraction.Skipped: {"index": 1, "claim_id": 15},
    extraction.AcceptedClaims: {
        "items": [claim(16)],
        "skipped": [{"index": 1, "claim_id": 15}],
    },
    history.ChangedValue: RENAME,
    history.ChangeOut: {
        "seq": 61,
        "resource": "speaker",
        "id": 8,
        "version": 2,
        "action": "update",
        "editor": DANA,
        "at": RENAMED,
        "changes": {"name": RENAME},
    },
    imports.ImportReport: {
        "lines": 3,
        "created": {"source": 0, "speaker": 0, "claim": 1, "relation": 0, "dispute": 1},
        "rejected": [
            {
                "line": 2,
                "reason": "speaker_key: the speaker key 'toner' is not the key of an earlier line.",
            }
        ],
        "committed_through": 3,
    },
    records.Thing: PUBLISHER,
    records.ReviewRating: REVIEW_RATING,
    records.Appearance: APPEARANCE,
    records.ReviewedClaim: REVIEWED_CLAIM,
    records.ClaimReview: {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://factcheck.example.org/claims/11",
        "claimReviewed": "not helpful.",
        "datePublished": "2026-11-30",
        "author": PUBLISHER,
        "reviewRating": REVIEW_RATING,
        "itemReviewed": REVIEWED_CLAIM,
        "reviewBody": VERDICT_RATIONALE,
    },
    records.Ratings: NO_RATINGS,
    records.QuoteStatuses: QUOTE_STATUSES,
    records.ScorecardPosition: {"claim_id": 7, "stance": "affirms"},
    records.ScorecardDispute: SCORECARD_DISPUTE,
    records.ContradictingRelation: GARVER_CONTRADICTS,
    records.BothSides: GARVER_BOTH_SIDES,
    records.SelfContradictions: {
        "relations": [GARVER_CONTRADICTS],
        "disputes": [GARVER_BOTH_SIDES],
    },
    records.Scorecard: {
        "speaker": TONER,
        "claims": 4,
        "ratings": NO_RATINGS,
        "quote_statuses": QUOTE_STATUSES,
        "disputes": [],
        "self_contradictions": {"relations": [], "disputes": []},
    },
    web_annotations.WebAgent: WEB_AGENT,
    web_annotations.WebBody: WEB_BODY,
    web_annotations.WebSelector: QUOTE_SELECTOR,
    web_annotations.WebTarget: WEB_TARGET,
    web_annotations.WebAnnotation: WEB_ANNOTATION,
    web_annotations.WebAnnotationPage: WEB_PAGE,
    web_annotations.WebAnnotationCollection: {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": f"{WEB_BASE}/sources/1/annotations.jsonld",
        "type": "AnnotationCollection",
        "label": f"Attributed statements in \u201c{THE_HILL['title']}\u201d",
        "total": 15,
        "first": WEB_PAGE,
    },
}


def example_of(schema_class):
    """The example of a schema class, a fresh copy; None when it has none."""
    item_schema = getattr(schema_class, "item_schema", None)
    if item_schema is not None:
        item = example_of(item_schema)
        return None if item is None else {"items": [item], "next_cursor": None}
    example = EXAMPLES.get(schema_class)
    return None if example is None else copy.deepcopy(example)
