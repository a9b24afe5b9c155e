"""The claims domain: who said what, where, and who says otherwise.

This package knows nothing of HTTP, Flask or marshmallow. Use cases are plain functions
that take keyword arguments, return models and raise the errors of ``claims.errors``.
"""
