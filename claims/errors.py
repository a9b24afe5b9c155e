"""Domain errors. The HTTP edge maps each class to one status (api/errors.py)."""


class DomainError(Exception):
    """Base of every error a use case raises on purpose."""

    def __init__(self, detail):
        super().__init__(detail)
        self.detail = detail


class NotFound(DomainError):
    """The resource does not exist, or is soft-deleted."""


class Conflict(DomainError):
    """The request conflicts with stored data: a duplicate, or a rule of the domain."""


class InvalidField(DomainError):
    """A field names something that does not exist or does not fit the stored data.

    ``errors`` maps field names to lists of messages, like a schema's validation errors.
    """

    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.errors = {field: [message]}


class StaleVersion(DomainError):
    """The caller's version is not the stored one: someone else changed it first."""

    def __init__(self, current_version):
        super().__init__(
            f"The resource was changed by someone else; its current version is {current_version}."
        )
        self.current_version = current_version


class Unauthenticated(DomainError):
    """No editor, or a token that matches no active editor."""


class Forbidden(DomainError):
    """The editor's role is too low for the operation."""


class Unavailable(DomainError):
    """The service is not set up to do this (a missing setting), whatever the request."""


class Moved(DomainError):
    """The resource was merged into another one, which now answers for it."""

    def __init__(self, detail, target_id):
        super().__init__(detail)
        self.target_id = target_id
