"""Thin resources: parse, call one use case, dump. Docstrings are the OpenAPI summaries."""

import functools

from flask import url_for

from api.conditional import etag
from api.headers import public_url


def created(instance, endpoint, **ids):
    """A 201 answer: the new resource, its ETag and its Location."""
    return instance, 201, {"ETag": etag(instance), "Location": public_url(url_for(endpoint, **ids))}


def tagged(instance):
    """A 200 answer with the resource's ETag."""
    return instance, {"ETag": etag(instance)}


def looked_up_first(get, id_name):
    """An unknown or deleted resource answers 404 before the body or the query is read
    (``get`` raises ``NotFound`` for the id named ``id_name``)."""

    def decorate(view):
        @functools.wraps(view)
        def checked(*args, **kwargs):
            get(kwargs[id_name])
            return view(*args, **kwargs)

        return checked

    return decorate
