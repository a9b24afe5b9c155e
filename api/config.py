"""Configuration: defaults, then ``CLAIMS_*`` environment variables, then explicit overrides.

| variable | default | meaning |
|---|---|---|
| CLAIMS_DATABASE_URL | sqlite:////$XDG_DATA_HOME/claims/claims.db | sqlite:///file or postgresql://... |
| CLAIMS_PUBLIC_READ | on | off: every read needs a token too |
| CLAIMS_MAX_BODY_BYTES | 1048576 | larger request bodies get 413 |
| CLAIMS_PUBLISHER_NAME | (none) | the organisation publishing ClaimReviews |
| CLAIMS_PUBLISHER_URL | (none) | its web address (http/https); reviews live under it |
| CLAIMS_STATEMENT_TIMEOUT_MS | 10000 | PostgreSQL cancels a statement after this long (503) |
| CLAIMS_LOCK_TIMEOUT_MS | 5000 | a write waits this long for another to finish, then 503 |
| CLAIMS_REQUEST_DEADLINE_MS | 10000 | work in Python (quote checks) past this is cut off: 503, nothing changed |
| CLAIMS_RATE_LIMITS | on | off: no rate limits at all |
| CLAIMS_RATE_LIMIT_STORAGE | memory:// | where counters live: memory:// (one process) or redis://host:port/db (shared) |
| CLAIMS_RATE_LIMIT_TOKEN | 1200/minute | requests per token |
| CLAIMS_RATE_LIMIT_ADDRESS | 300/minute | requests without a token, per address |
| CLAIMS_RATE_LIMIT_FAILED_LOGINS | 20/minute | refused tokens per address, then 429 |
| CLAIMS_PUBLIC_URL | (none) | the service's public address; `Link`/`Location` are built on it |
| CLAIMS_TRUSTED_PROXIES | 0 | proxies in front that set `X-Forwarded-*` (0: trust none) |

The default database is one file per user, wherever the command runs from:
``$XDG_DATA_HOME/claims/claims.db``, that is ``~/.local/share/claims/claims.db`` when
``XDG_DATA_HOME`` is not set. ``sqlite:///relative.db`` is relative to the current folder.

A value that cannot be used raises ``ConfigError`` with a one-line message that names the
variable and says what to fix.
"""

import os
from importlib.metadata import PackageNotFoundError, version

from limits import parse as parse_limit

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
    "PUBLIC_URL": None,
    "TRUSTED_PROXIES": 0,
    "STATEMENT_TIMEOUT_MS": 10_000,
    "LOCK_TIMEOUT_MS": 5_000,
    "REQUEST_DEADLINE_MS": 10_000,
    "RATE_LIMITS": True,
    "RATE_LIMIT_STORAGE": "memory://",
    "RATE_LIMIT_TOKEN": "1200/minute",
    "RATE_LIMIT_ADDRESS": "300/minute",
    "RATE_LIMIT_FAILED_LOGINS": "20/minute",
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
    for name in ("PUBLISHER_URL", "PUBLIC_URL"):
        url = settings[name]
        if url is not None and not str(url).startswith(("http://", "https://")):
            raise ConfigError(f"CLAIMS_{name}={url!r}: give an http:// or https:// address")
    proxies = str(settings["TRUSTED_PROXIES"]).strip()
    if not (proxies.isascii() and proxies.isdigit() and int(proxies) <= 10):
        raise ConfigError(f"CLAIMS_TRUSTED_PROXIES={proxies!r}: give how many proxies (0-10)")
    settings["TRUSTED_PROXIES"] = int(proxies)
    for name in ("STATEMENT_TIMEOUT_MS", "LOCK_TIMEOUT_MS", "REQUEST_DEADLINE_MS"):
        raw = str(settings[name]).strip()
        if not (raw.isascii() and raw.isdigit() and 10 <= int(raw) <= 600_000):
            raise ConfigError(f"CLAIMS_{name}={raw!r}: give milliseconds, 10 to 600000")
        settings[name] = int(raw)
    settings["RATE_LIMITS"] = _boolean("RATE_LIMITS", settings["RATE_LIMITS"])
    for name in ("RATE_LIMIT_TOKEN", "RATE_LIMIT_ADDRESS", "RATE_LIMIT_FAILED_LOGINS"):
        try:
            parse_limit(str(settings[name]))
        except ValueError:
            raise ConfigError(
                f"CLAIMS_{name}={settings[name]!r}: write a limit such as 600/minute"
            ) from None
    if not str(settings["RATE_LIMIT_STORAGE"]).startswith(("memory://", "redis://", "rediss://")):
        raise ConfigError(
            f"CLAIMS_RATE_LIMIT_STORAGE={settings['RATE_LIMIT_STORAGE']!r}: "
            "give memory:// or redis://host:port/db"
        )
    if not str(settings["DATABASE_URL"]).strip():
        raise ConfigError("CLAIMS_DATABASE_URL is empty: give sqlite:///file or postgresql://...")
    return settings
