"""The briefing's checks and readers: errors that name the field, UTC times, value checks, and
`JsonObject`, a JSON object being read with the path of each field for the error messages."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
TIME_FMT = "%Y-%m-%dT%H:%M:%SZ"
TIME_FMT_US = "%Y-%m-%dT%H:%M:%S.%fZ"


class BriefingError(Exception):
    """A briefing that cannot be read or written; the message names the file and the problem."""

    def __init__(self, message: str, path: str | Path | None = None) -> None:
        self.reason = message
        self.path = Path(path) if path is not None else None
        super().__init__(f"{self.path}: {message}" if self.path is not None else message)

    def in_file(self, path: str | Path) -> BriefingError:
        """The same error, naming ``path``."""
        return BriefingError(self.reason, path)


# ---------------------------------------------------------------------------------------- times
def parse_time(text: str) -> datetime:
    """An ISO 8601 time with a zone ('Z' or an offset) as an aware UTC datetime.

    >>> parse_time("2021-10-04T02:00:00+08:00").isoformat()
    '2021-10-03T18:00:00+00:00'
    """
    if not isinstance(text, str):
        raise ValueError(f"expected an ISO 8601 time string; got {json_kind(text)}")
    try:
        value = datetime.fromisoformat(text.strip().replace("z", "Z"))
    except ValueError:
        raise ValueError(
            f"expected an ISO 8601 time such as '2021-10-04T02:00:00Z'; got {text!r}"
        ) from None
    if value.tzinfo is None:
        raise ValueError(f"time {text!r} has no zone; write it in UTC with 'Z'")
    return value.astimezone(UTC)


def format_time(value: datetime) -> str:
    """UTC ISO 8601 with 'Z' (microseconds only when there are some)."""
    value = utc(value)
    return value.strftime(TIME_FMT_US if value.microsecond else TIME_FMT)


def utc(value: datetime) -> datetime:
    if not isinstance(value, datetime):
        raise ValueError(f"expected a datetime; got {json_kind(value)}")
    if value.tzinfo is None:
        raise ValueError(f"time {value.isoformat()} has no zone; times must be UTC-aware")
    return value.astimezone(UTC)


# ---------------------------------------------------------------------------- validation helpers
def json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"a boolean ({json.dumps(value)})"
    if isinstance(value, int | float):
        return f"a number ({value!r})"
    if isinstance(value, str):
        return f"a string ({value[:40]!r})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def check_range(name: str, value: object, lo: float, hi: float) -> None:
    if not is_number(value) or not math.isfinite(float(value)):  # type: ignore[arg-type]
        raise ValueError(f"{name} must be a finite number; got {json_kind(value)}")
    if not lo <= float(value) <= hi:  # type: ignore[arg-type]
        raise ValueError(f"{name} must be in {lo:g}..{hi:g}; got {value!r}")


def check_positive(name: str, value: object) -> None:
    if not is_number(value) or not math.isfinite(float(value)):  # type: ignore[arg-type]
        raise ValueError(f"{name} must be a finite number; got {json_kind(value)}")
    if float(value) <= 0:  # type: ignore[arg-type]
        raise ValueError(f"{name} must be positive; got {value!r}")


def check_color(name: str, value: object) -> None:
    if not isinstance(value, str) or not COLOR_RE.match(value):
        raise ValueError(f"{name} must be a colour '#rrggbb'; got {json_kind(value)}")


def check_id(value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"id must be a non-empty string; got {json_kind(value)}")


def check_tz(value: str) -> None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"unknown time zone {value!r}; expected an IANA name such as 'Asia/Taipei' or 'UTC'"
        ) from None


def check_unique(what: str, ids: Iterable[str]) -> None:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise ValueError(f"{what} id {i!r} appears twice")
        seen.add(i)


MISSING: Any = object()


class JsonObject:
    """A JSON object being read, with the path used in error messages ('scenes[2].view')."""

    def __init__(self, value: object, where: str, allowed: Iterable[str]) -> None:
        if not isinstance(value, dict):
            raise BriefingError(
                f"{where or 'the document'} must be an object; got {json_kind(value)}"
            )
        self.d: dict[str, Any] = value
        self.where = where
        allowed = set(allowed)
        unknown = sorted(set(value) - allowed)
        if unknown:
            raise BriefingError(
                f"unknown field {self.at(unknown[0])!r}; expected {', '.join(sorted(allowed))}"
            )

    def at(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def get(self, key: str, default: Any = MISSING) -> Any:
        if key not in self.d:
            if default is MISSING:
                raise BriefingError(f"{self.at(key)} is missing")
            return default
        return self.d[key]

    def get_str(self, key: str, default: Any = MISSING, nullable: bool = False) -> Any:
        value = self.get(key, default)
        if (value is None and nullable) or isinstance(value, str):
            return value
        raise BriefingError(f"{self.at(key)} must be a string; got {json_kind(value)}")

    def get_num(self, key: str, default: Any = MISSING, nullable: bool = False) -> Any:
        value = self.get(key, default)
        if value is None and nullable:
            return None
        if not is_number(value) or not math.isfinite(value):
            raise BriefingError(f"{self.at(key)} must be a number; got {json_kind(value)}")
        return float(value)

    def get_bool(self, key: str, default: Any = MISSING) -> bool:
        value = self.get(key, default)
        if not isinstance(value, bool):
            raise BriefingError(f"{self.at(key)} must be true or false; got {json_kind(value)}")
        return value

    def get_list(self, key: str, default: Any = MISSING, nullable: bool = False) -> Any:
        value = self.get(key, default)
        if value is None and nullable:
            return None
        if not isinstance(value, list):
            raise BriefingError(f"{self.at(key)} must be a list; got {json_kind(value)}")
        return value

    def get_time(self, key: str, nullable: bool = True) -> datetime | None:
        value = self.get(key, None)
        if value is None and nullable:
            return None
        try:
            return parse_time(value)
        except ValueError as exc:
            raise BriefingError(f"{self.at(key)}: {exc}") from None

    def build(self, factory: Callable[..., Any], **kwargs: Any) -> Any:
        """Construct a dataclass, turning its validation errors into BriefingErrors here."""
        try:
            return factory(**kwargs)
        except (ValueError, TypeError) as exc:
            raise BriefingError(f"{self.where or 'the document'}: {exc}") from None
