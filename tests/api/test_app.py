"""The app's own Flask: how it tells plain callables from coroutine functions."""

import functools

import pytest


def plain():
    return "plain"


async def coroutine():
    return "coroutine"


class View:
    def get(self):
        return "method"


def test_plain_functions_and_methods_are_called_as_they_are(app):
    method = View().get
    for func in (plain, method, functools.wraps(plain)(lambda: "wrapped")):
        assert app.ensure_sync(func) is func


@pytest.mark.parametrize("func", [coroutine, functools.partial(coroutine)], ids=["bare", "partial"])
def test_a_coroutine_function_still_goes_through_flask(app, func):
    # Flask runs it through asgiref, which this service does not install: Flask says so.
    with pytest.raises(RuntimeError, match="async"):
        app.ensure_sync(func)
