"""`ReadOptions`: how to read a track file where the file itself does not say — what the readers
take (`viewer.io.registry`), what the session keeps for each loaded file, and what a briefing
keeps as a `TrackFileRef` (`options_for_ref` and `ref_for_options` convert between the two)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from viewer.core.briefing import TrackFileRef


@dataclass(frozen=True)
class ReadOptions:
    """How to read a file where the file itself does not say.

    ``tz``: IANA zone of times written without one (never assumed when None).
    ``column_map``: canonical name -> file column, overriding auto-detection.
    ``altitude_unit``: 'm' or 'ft'; ``speed_unit``: 'kt', 'kmh' or 'mps' when the header is silent.
    ``time_range``: (start, end) UTC, pushed down to partitioned Parquet so only that is read.
    ``confirm_units``: when a unit is only guessed, raise `UnitsUnsure` (the app asks the user)
    instead of warning and reading on (the command line's way).
    ``confirmed_units``: fields ('alt_m', 'speed_kt') whose unit above the user confirmed; the
    report records it.
    ``split_flights``: seconds; when set, each track is cut into flights where its callsign
    changes or two fixes are further apart than this (`viewer.io.flights`).
    """

    tz: str | None = None
    column_map: dict[str, str] | None = None
    altitude_unit: str | None = None
    speed_unit: str | None = None
    time_range: tuple[Any, Any] | None = None
    confirm_units: bool = False
    confirmed_units: tuple[str, ...] = ()
    split_flights: float | None = None


def options_for_ref(ref: TrackFileRef) -> ReadOptions | None:
    """The options a briefing keeps for a track file (its zone, the columns and units the user
    confirmed), so it reads as it did when saved; None when it keeps none (read as the file
    says)."""
    if not ref.has_read_options:
        return None
    return ReadOptions(
        tz=ref.tz,
        column_map=ref.columns,
        altitude_unit=ref.altitude_unit,
        speed_unit=ref.speed_unit,
        confirmed_units=ref.confirmed_units,
    )


def ref_for_options(path: str, options: ReadOptions | None) -> TrackFileRef:
    """A briefing's entry for the track file at ``path`` read with ``options``: what the user
    said about the file (zone, columns, units) is kept; how the app reads (``confirm_units``,
    ``time_range``) is not."""
    if options is None:
        return TrackFileRef(path)
    return TrackFileRef(
        path,
        tz=options.tz,
        column_map=tuple(options.column_map.items()) if options.column_map else None,
        altitude_unit=options.altitude_unit,
        speed_unit=options.speed_unit,
        confirmed_units=tuple(options.confirmed_units),
    )


def with_tz(options: ReadOptions | None, zone: str) -> ReadOptions:
    """``options`` (or none) with the times written without a zone read in ``zone``."""
    return ReadOptions(tz=zone) if options is None else replace(options, tz=zone)


def asking_units(options: ReadOptions | None) -> ReadOptions:
    """The app's reads stop at a guessed unit (`UnitsUnsure`) so the user is asked."""
    if options is None:
        return ReadOptions(confirm_units=True)
    return options if options.confirm_units else replace(options, confirm_units=True)
