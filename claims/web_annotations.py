"""A source's claims as a W3C Web Annotation ``AnnotationCollection`` (JSON-LD), so that
annotation tools (Hypothesis and the like) can show them on the page.

Rules:

- One ``Annotation`` per live claim anchored in the source's text, in text order; claims
  without an anchor have nowhere to point and are left out.
- The ``target`` is the source (its ``url``, else its URL in this API) with two selectors:
  ``TextQuoteSelector`` (``exact``, ``prefix``, ``suffix``) and ``TextPositionSelector``
  (``start``, ``end``, offsets in code points of the stored text).
- The ``body`` is the claim's text as a ``TextualBody`` whose ``creator`` is the speaker
  (the author of the quoted words, not of the annotation); a second body tags the claim's
  quote status (``quote:verified``, ...).
- The whole collection is one page (``first``), with ``total``; it costs two queries.
"""

from typing import Any

from claims.models import Claim, Speaker
from claims.sources import get_source

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
AGENT_TYPES = {"person": "Person", "organization": "Organization", "group": "Organization"}


def _iso(moment):
    return moment.isoformat(timespec="seconds") + "Z"


def annotation_collection(source_id: int, *, base_url: str) -> dict[str, Any]:
    """The ``AnnotationCollection`` of the source's anchored claims; ``base_url`` is this
    service's root (for the ids)."""
    source = get_source(source_id)
    api = base_url.rstrip("/") + "/api/v1"
    target_source = source.url or f"{api}/sources/{source.id}"
    rows = (
        Claim.live(Claim, Speaker.id, Speaker.name, Speaker.kind)
        .join(Speaker)
        .where(Claim.source == source.id, Claim.anchor_start.is_null(False))
        .order_by(Claim.anchor_start, Claim.id)
    )
    items = []
    for claim in rows:
        speaker = claim.speaker
        items.append(
            {
                "id": f"{api}/claims/{claim.id}",
                "type": "Annotation",
                "motivation": "highlighting",
                "created": _iso(claim.created_at),
                "modified": _iso(claim.updated_at),
                "body": [
                    {
                        "type": "TextualBody",
                        "value": claim.text,
                        "format": "text/plain",
                        "purpose": "describing",
                        "creator": {
                            "id": f"{api}/speakers/{speaker.id}",
                            "type": AGENT_TYPES.get(speaker.kind, "Agent"),
                            "name": speaker.name,
                        },
                    },
                    {
                        "type": "TextualBody",
                        "value": f"quote:{claim.quote_status}",
                        "purpose": "tagging",
                    },
                ],
                "target": {
                    "source": target_source,
                    "selector": [
                        {
                            "type": "TextQuoteSelector",
                            "exact": claim.anchor_exact or "",
                            "prefix": claim.anchor_prefix or "",
                            "suffix": claim.anchor_suffix or "",
                        },
                        {
                            "type": "TextPositionSelector",
                            "start": claim.anchor_start,
                            "end": claim.anchor_end,
                        },
                    ],
                },
            }
        )
    collection_id = f"{api}/sources/{source.id}/annotations.jsonld"
    return {
        "context": CONTEXT,  # "@context" once dumped
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": f"Attributed statements in “{source.title}”",
        "total": len(items),
        "first": {
            "id": f"{collection_id}#page-1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }
