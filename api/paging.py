"""Pages of a list as HTTP carries them: the body, and a ``Link: rel="next"`` header."""

from urllib.parse import urlencode

from flask import request

from api.headers import public_url

LINK_HEADER = {
    "Link": {"schema": {"type": "string"}, "description": 'The next page, as rel="next".'}
}


def page_response(page):
    headers = {}
    if page.next_cursor:
        args = request.args.to_dict()
        args["cursor"] = page.next_cursor
        headers["Link"] = f'<{public_url(request.path)}?{urlencode(args)}>; rel="next"'
    return {"items": page.items, "next_cursor": page.next_cursor}, headers
