"""ETags and If-Match: the version of a resource, as HTTP carries it.

The ETag of a resource is its version, quoted (``"3"``). Every change (PATCH, PUT, DELETE)
must send ``If-Match`` with it: without one the answer is 428, with another one 412. As RFC
9110 says, a list matches when any of its tags does, and ``*`` matches any version.
"""

import re

from flask import request
from werkzeug.exceptions import PreconditionFailed, PreconditionRequired

# Tags compare as strings (RFC 9110 strong comparison): "01" is not the tag "1".
ETAG = re.compile(r'^\s*"([1-9][0-9]{0,9})"\s*$', re.ASCII)

IF_MATCH = {
    "in": "header",
    "name": "If-Match",
    "required": True,
    "schema": {"type": "string"},
    "description": "The ETag of the version being changed (428 without it, 412 when stale).",
}
ETAG_HEADER = {"ETag": {"schema": {"type": "string"}, "description": "The version, quoted."}}
# What a 201 carries (api.resources.created): the new resource's version and address.
CREATED_HEADERS = {
    **ETAG_HEADER,
    "Location": {"schema": {"type": "string"}, "description": "The new resource's address."},
}


def etag(instance):
    return f'"{instance.version}"'


def expected_version():
    """The versions If-Match accepts (any of them will do), or None for ``*``."""
    header = request.headers.get("If-Match")
    if header is None:
        raise PreconditionRequired("Send If-Match with the ETag of the version you change.")
    if header.strip() == "*":
        return None
    tags = [ETAG.match(tag) for tag in header.split(",")]
    versions = frozenset(int(tag.group(1)) for tag in tags if tag)
    if not versions:
        raise PreconditionFailed('If-Match carries no ETag of this service ("3", quoted).')
    return versions
