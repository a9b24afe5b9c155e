"""The HTTP edge of the service; ``create_app`` (in ``api.app``) builds the WSGI app.

Importing ``api`` loads nothing else: the command line (``api.cli``) uses the domain and
the configuration without Flask, so that ``claims --help`` or ``claims editors list`` does
not pay for importing the web stack. ``api.create_app`` is looked up on first use.
"""


def __getattr__(name):
    if name == "create_app":
        from api.app import create_app

        return create_app
    raise AttributeError(f"module 'api' has no attribute {name!r}")
