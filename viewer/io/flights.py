"""One aircraft's day as one track or as flights: a callsign that changes within one
transponder id is a label change, said in the report; on request (`ReadOptions.split_flights`)
each callsign, and each stretch after a gap longer than the set time, becomes its own flight.

    frame = split_flights(frame, gap_s=1800, report=report)  # 'a1b2c3' -> 'a1b2c3/1', '/2'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

from viewer.core.constants import CALLSIGN, TIME, TRACK_ID

if TYPE_CHECKING:
    import pandas as pd

    from viewer.io.report import ImportReport

# Deferred on purpose: pandas (heavy: imported by the functions that use them, so importing the
# module stays quick (STYLE 12)).

BLANK = frozenset(("", "nan", "<NA>", "None"))  # what a text column holds for "no value"
GAP_UNITS = {"s": 1, "min": 60, "m": 60, "h": 3600, "d": 86400}


def parse_gap(text: str) -> float:
    """'30min', '2h', '90s', '1800' (seconds) -> seconds; ValueError with the expected form."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(s|min|m|h|d)?\s*", str(text))
    if match is None or float(match.group(1)) <= 0:
        raise ValueError(
            f"a gap is a positive time such as 30min, 2h, 90s or 1800 (seconds); got {text!r}"
        )
    return float(match.group(1)) * GAP_UNITS[match.group(2) or "s"]


def _blank(values: np.ndarray) -> np.ndarray:
    text = np.asarray(values, dtype=object)
    return np.array([v is None or str(v).strip() in BLANK for v in text], dtype=bool)


def tracks_changing_callsign(track_of: np.ndarray, callsigns: np.ndarray) -> int:
    """How many tracks hold more than one callsign (blanks aside). ``track_of``: the track of
    each value; the values may be every row's or only the first of each run of equal ones."""
    import pandas as pd

    keep = ~_blank(callsigns)
    if not keep.any():
        return 0
    pairs = pd.DataFrame({"t": np.asarray(track_of)[keep], "c": np.asarray(callsigns)[keep]})
    return int((pairs.groupby("t")["c"].nunique() > 1).sum())


def note_callsign_changes(count: int, report: ImportReport) -> None:
    if count:
        report.notice(
            f"{count:,} tracks change callsign along the way: a label change, each kept as one "
            "track (split into flights to make each callsign a track of its own)"
        )


def split_flights(frame: pd.DataFrame, gap_s: float, report: ImportReport) -> pd.DataFrame:
    """The canonical table (sorted by track, then time) with each track cut into flights where
    the callsign changes (blanks aside) or the time between two fixes exceeds ``gap_s``; a
    track cut in k flights becomes 'id/1' .. 'id/k'."""
    import pandas as pd

    n = len(frame)
    if n < 2:
        return frame
    codes = pd.factorize(frame[TRACK_ID], sort=False)[0]
    t = frame[TIME].to_numpy(dtype="datetime64[ns]").view(np.int64)
    same_track = codes[1:] == codes[:-1]
    cut = (np.diff(t) > gap_s * 1e9) & same_track
    if CALLSIGN in frame.columns:
        calls = frame[CALLSIGN].astype(str).to_numpy(dtype=object)
        blank = _blank(calls)
        # the last non-blank callsign so far within the track, compared with this row's
        last = pd.Series(np.where(blank, None, calls)).groupby(codes).ffill().to_numpy(object)
        prev = np.concatenate([[None], last[:-1]])
        changed = ~blank[1:] & (prev[1:] != None) & (calls[1:] != prev[1:])  # noqa: E711
        cut |= changed & same_track
    if not cut.any():
        report.notice(f"flights split at callsign changes and gaps over {_words(gap_s)}: none")
        return frame
    starts = np.concatenate([[True], ~same_track])  # a track's first row
    piece = np.cumsum(np.concatenate([[False], cut]) | starts)  # flight number over the file
    first_piece = np.maximum.accumulate(np.where(starts, piece, 0))
    number = piece - first_piece + 1  # 1, 2, ... within the track
    pieces = pd.Series(number).groupby(codes).transform("max").to_numpy()
    ids = frame[TRACK_ID].astype(str).to_numpy(dtype=object)
    split = pieces > 1
    new_ids = ids.copy()
    new_ids[split] = [f"{i}/{k}" for i, k in zip(ids[split], number[split], strict=True)]
    out = frame.copy()
    out[TRACK_ID] = pd.Categorical(new_ids, categories=pd.unique(new_ids))
    aircraft = len(np.unique(codes[split]))
    flights = len(pd.unique(new_ids))
    report.tracks = flights
    report.notice(
        f"flights split at callsign changes and gaps over {_words(gap_s)}: {aircraft:,} "
        f"tracks cut into flights, {flights:,} tracks in all"
    )
    return out


def _words(seconds: float) -> str:
    if seconds % 3600 == 0:
        return f"{seconds / 3600:g} h"
    if seconds % 60 == 0:
        return f"{seconds / 60:g} min"
    return f"{seconds:g} s"
