"""Configuration: defaults, then ``CLAIMS_*`` environment variables, then explicit overrides.

| variable | default | meaning |
|---|---|---|
| CLAIMS_DATABASE_URL | sqlite:////$XDG_DATA_HOME/claims/claims.db | sqlite:///file or postgresql://... |
| CLAIMS_PUBLIC_READ | on | off: every read needs a token too |
| CLAIMS_MAX_BODY_BYTES | 1048576 | larger request bodies get 413 |
| CLAIMS_PUBLISHER_NAME | (none) | the organisation publishing ClaimReviews |
| CLAIMS_PUBLISHER_URL | (none) | its web address (http/https); reviews live under it |

The default database is one file per user, wherever the command runs from:
``$XDG_DATA_HOME/claims/claims.db``, that is ``~/.local/share/claims/claims.db`` when
``XDG_DATA_HOME`` is not set. ``sqlite:///relative.db`` is relative to the current folder.

A value that cannot be used raises ``ConfigError`` with a one-line message that names the
variable and says what to fix.
"""

import os
from importlib.metadata import PackageNotFoundError, version

try:
    SERVICE_VERSION = version("claims")
except PackageNotFoundError:  # running from a source tree that was never installed
    SERVICE_VERSION = "0+unknown"


def default_database_url() -> str:
    """``sqlite:///`` and the absolute path of the per-user data file."""
    data_home = os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share")
    return "sqlite:///" + os.path.join(os.path.abspath(data_home), "claims", "claims.db")


DEFAULTS = {
    "DATABASE_URL": None,  # default_database_url(), read when the configuration is loaded
    "PUBLIC_READ": True,
    "MAX_BODY_BYTES": 1024 * 1024,
    "PUBLISHER_NAME": None,
    "PUBLISHER_URL": None,
}
TRUE, FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}


class ConfigError(ValueError):
    """Bad configuration; the message is one line saying what to fix."""


def _boolean(name, raw):
    if isinstance(raw, bool):
        return raw
    value = str(raw).strip().lower()
    if value in TRUE | FALSE:
        return value in TRUE
    raise ConfigError(f"CLAIMS_{name}={raw!r}: use on or off")


def _byte_count(name, raw):
    try:
        value = int(raw)
    except (TypeError, ValueError):
        value = 0
    if value < 1024:
        raise ConfigError(f"CLAIMS_{name}={raw!r}: give a whole number of bytes, at least 1024")
    return value


def load_config(overrides: dict | None = None) -> dict:
    """The settings: defaults, then ``CLAIMS_*`` variables, then ``overrides``; checked."""
    settings = {**DEFAULTS, "DATABASE_URL": default_database_url()}
    for name in DEFAULTS:
        if f"CLAIMS_{name}" in os.environ:
            settings[name] = os.environ[f"CLAIMS_{name}"]
    settings.update(overrides or {})
    settings["PUBLIC_READ"] = _boolean("PUBLIC_READ", settings["PUBLIC_READ"])
    settings["MAX_BODY_BYTES"] = _byte_count("MAX_BODY_BYTES", settings["MAX_BODY_BYTES"])
    url = settings["PUBLISHER_URL"]
    if url is not None and not str(url).startswith(("http://", "https://")):
        raise ConfigError(f"CLAIMS_PUBLISHER_URL={url!r}: give an http:// or https:// address")
    if not str(settings["DATABASE_URL"]).strip():
        raise ConfigError("CLAIMS_DATABASE_URL is empty: give sqlite:///file or postgresql://...")
    return settings
