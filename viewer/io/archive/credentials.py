"""Database passwords: from the system keyring (``keyring``) when it holds one, else asked; never
written into a briefing or a source URL.

Without a keyring backend (a headless machine, a container), `get_password` returns None and
`keyring_status` says why, so the caller asks every time and tells the user so.
"""

from __future__ import annotations

import contextlib
from urllib.parse import SplitResult, urlsplit, urlunsplit

# Deferred on purpose: keyring (optional: only when a password is stored or asked).

SERVICE = "adiz-viewer"


def account(url: str) -> str:
    """The keyring account for a database URL: ``user@host:port/path`` (no password, no
    query)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    user = parts.username or ""
    return f"{parts.scheme}://{user}@{host}{port}{parts.path}"


def strip_password(url: str) -> str:
    """The URL without its password (what may be shown, logged or saved)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)[1]
    user = parts.username or ""
    return urlunsplit(SplitResult(parts.scheme, f"{user}@{netloc}", parts.path, parts.query, ""))


def _backend():
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None, "the keyring package is not installed"
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # a broken configuration
        return None, f"no usable keyring ({exc})"
    if isinstance(backend, fail.Keyring):
        return None, "no system keyring on this machine (no Secret Service, KWallet or Keychain)"
    return backend, ""


def keyring_status() -> str:
    """'' when a keyring is usable, else why not (said to the user beside the password prompt)."""
    return _backend()[1]


def get_password(url: str) -> str | None:
    """The password the keyring keeps for this database, or None (none kept, or no keyring)."""
    backend, _ = _backend()
    if backend is None:
        return None
    try:
        return backend.get_password(SERVICE, account(url))
    except Exception:  # a locked or broken keyring: ask instead
        return None


def set_password(url: str, password: str) -> str:
    """Keep the password in the keyring; '' when kept, else why not."""
    backend, why = _backend()
    if backend is None:
        return why
    try:
        backend.set_password(SERVICE, account(url), password)
    except Exception as exc:
        return f"the keyring refused it ({exc})"
    return ""


def delete_password(url: str) -> None:
    backend, _ = _backend()
    if backend is None:
        return
    with contextlib.suppress(Exception):
        backend.delete_password(SERVICE, account(url))
