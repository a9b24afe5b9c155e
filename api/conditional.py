"""ETags and If-Match: the version of a resource, as HTTP carries it.

The ETag of a resource is its version, quoted (``"3"``). Every change (PATCH, PUT, DELETE)
must send ``If-Match`` with it: without one the answer is 428, with another one 412. ``*``
matches any current version, as RFC 9110 says.
"""

import re

from flask import request
from werkzeug.exceptions import PreconditionFailed, PreconditionRequired

ETAG = re.compile(r'^\s*"(\d{1,10})"\s*$')

IF_MATCH = {
    "in": "header",
    "name": "If-Match",
    "required": True,
    "schema": {"type": "string"},
    "description": "The ETag of the version being changed (428 without it, 412 when stale).",
}
ETAG_HEADER = {"ETag": {"schema": {"type": "string"}, "description": "The version, quoted."}}


def etag(instance):
    return f'"{instance.version}"'


def expected_version():
    """The version named by If-Match: an int, or None for ``*``."""
    header = request.headers.get("If-Match")
    if header is None:
        raise PreconditionRequired("Send If-Match with the ETag of the version you change.")
    if header.strip() == "*":
        return None
    versions = [ETAG.match(tag) for tag in header.split(",")]
    numbers = [int(m.group(1)) for m in versions if m]
    if len(numbers) != 1:
        raise PreconditionFailed("If-Match must carry exactly one ETag of this resource.")
    return numbers[0]
