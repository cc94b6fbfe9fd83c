"""`ArchiveState` and the session around it, with no engine and no Qt: the window chosen of an
archive is the clock's range (a zoom keeps the clock's time), the hour counts bound a window's
fixes, a window dragged on a year snaps to hours, zooms stay inside the archive, and a briefing
keeps the archive (relative folder, URL without a password) and never its loaded window as a
track file; the density grid and classes (`viewer.core.density`) on known answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from viewer.core.archive_ref import ArchiveRef
from viewer.core.archive_state import (
    LOADED,
    ArchiveState,
    archive_name,
    dense_activity,
    snap_window,
    window_words,
    zoom_window,
)
from viewer.core.catalog import load_catalog
from viewer.core.density import class_bounds, class_raster, view_grid
from viewer.core.map_state import MapState
from viewer.core.projection import Projection
from viewer.core.session import Session
from viewer.core.tracks import TrackSet
from viewer.core.view import MapView, home_view

DAY0 = datetime(2024, 5, 1, tzinfo=UTC).timestamp()
H = 3600.0


@dataclass(frozen=True)
class Hours:
    """What `viewer.io.archive.Activity` carries (the state reads nothing else)."""

    bin_start: np.ndarray
    fixes: np.ndarray
    tracks: np.ndarray
    bin_seconds: float = 3600.0

    @property
    def span(self):
        return float(self.bin_start[0]), float(self.bin_start[-1] + self.bin_seconds)


# hours 0, 1 and 5 of the day have fixes; 2-4 have none (absent, as the engine answers)
HOURS = Hours(DAY0 + H * np.array([0.0, 1.0, 5.0]), np.array([10, 20, 40]), np.array([1, 2, 4]))


@pytest.fixture
def session() -> Session:
    return Session(MapState(load_catalog()))


def opened(session: Session, source: str = "/data/adsb-2024") -> ArchiveState:
    state = session.archive
    state.open(ArchiveRef(source), info=None, span=(DAY0, DAY0 + 6 * H))
    state.set_overview(HOURS)
    return state


def test_the_chosen_window_is_the_clock_range_and_a_zoom_keeps_the_time(session) -> None:
    state = opened(session)
    state.choose(DAY0, DAY0 + 6 * H)
    tl = session.timeline
    assert (tl.start, tl.end) == (DAY0, DAY0 + 6 * H)
    tl.set_time(DAY0 + 1.5 * H)
    state.choose(DAY0 + H, DAY0 + 2 * H)  # the clock is inside: it stays
    assert (tl.start, tl.end, tl.time) == (DAY0 + H, DAY0 + 2 * H, DAY0 + 1.5 * H)
    state.choose(DAY0 + 4 * H, DAY0 + 5 * H)  # outside: the window's start
    assert tl.time == DAY0 + 4 * H
    state.choose(DAY0 - 10 * H, DAY0 + 99 * H)  # clipped to the archive
    assert state.chosen == (DAY0, DAY0 + 6 * H)


def test_loaded_tracks_do_not_move_the_clock_off_the_window(session) -> None:
    state = opened(session)
    state.choose(DAY0 + 5 * H, DAY0 + 6 * H)
    frame = pd.DataFrame(
        {
            "track_id": ["A", "A"],
            "time": pd.to_datetime([DAY0 + 5.2 * H, DAY0 + 5.4 * H], unit="s", utc=True),
            "lon": [120.0, 121.0],
            "lat": [22.0, 22.0],
        }
    )
    session.add_tracks(state.key, TrackSet.from_frame(frame), None)
    state.set_window_state(LOADED, 2)
    tl = session.timeline
    assert (tl.start, tl.end) == (DAY0 + 5 * H, DAY0 + 6 * H)
    brief = session.snapshot(base=Path("/data"))
    assert brief.files == ()  # the window is kept as the archive, not as a track file
    (ref,) = brief.archives
    assert ref.source == "adsb-2024"  # relative to the briefing's folder
    assert (ref.start.timestamp(), ref.end.timestamp()) == (DAY0 + 5 * H, DAY0 + 6 * H)
    state.close()
    assert (tl.start, tl.end) == (DAY0 + 5.2 * H, DAY0 + 5.4 * H)  # the tracks' span again


def test_a_database_is_kept_by_its_url() -> None:
    state = ArchiveState()
    url = "postgresql://me@db.example/tracks?table=public.fixes"
    state.open(ArchiveRef(url, tz="UTC"), info=None, span=None)
    ref = state.briefing_ref(Path("/anywhere"))
    assert ref == ArchiveRef(url, tz="UTC")
    assert state.name == "public.fixes" == archive_name(url)
    assert archive_name("opensky://me@trino.opensky-network.org") == "trino.opensky-network.org"


def test_hour_counts_bound_a_windows_fixes() -> None:
    state = ArchiveState()
    state.open(ArchiveRef("/a"), None, None)
    assert state.fixes_bounds(DAY0, DAY0 + H) is None  # before the overview
    state.set_overview(HOURS)
    assert state.span == (DAY0, DAY0 + 6 * H)
    assert state.fixes_bounds(DAY0, DAY0 + 6 * H) == (70, 70)
    assert state.fixes_bounds(DAY0 + 0.5 * H, DAY0 + 5.5 * H) == (20, 70)
    assert state.fixes_bounds(DAY0 + 2 * H, DAY0 + 5 * H) == (0, 0)


def test_dense_activity_fills_the_empty_hours() -> None:
    edges, fixes, tracks = dense_activity(HOURS)
    np.testing.assert_array_equal(edges, DAY0 + H * np.arange(7))
    np.testing.assert_array_equal(fixes, [10, 20, 0, 0, 0, 40])
    np.testing.assert_array_equal(tracks, [1, 2, 0, 0, 0, 4])


def test_windows_dragged_snap_outwards_and_zooms_stay_inside() -> None:
    year = 365 * 86400.0
    assert snap_window(DAY0 + 6.2 * H, DAY0 + 6.9 * H, year) == (DAY0 + 6 * H, DAY0 + 7 * H)
    assert snap_window(DAY0 + 6.9 * H, DAY0 + 6.2 * H, year) == (DAY0 + 6 * H, DAY0 + 7 * H)
    assert snap_window(DAY0 + 130, DAY0 + 170, 3600.0) == (DAY0 + 120, DAY0 + 180)
    span = (DAY0, DAY0 + 10 * H)
    assert zoom_window((DAY0, DAY0 + 10 * H), 0.5, DAY0 + 2 * H, span) == (
        DAY0 + H,
        DAY0 + 6 * H,
    )  # the time under the cursor stays where it was
    assert zoom_window((DAY0 + 8 * H, DAY0 + 10 * H), 4.0, DAY0 + 9 * H, span) == (
        DAY0 + 2 * H,
        DAY0 + 10 * H,
    )
    assert zoom_window((DAY0, DAY0 + H), 0.001, DAY0, span) == (DAY0, DAY0 + 600.0)


def test_window_words() -> None:
    assert window_words(DAY0 + 6 * H, DAY0 + 7 * H) == "2024-05-01 06:00–07:00 UTC"
    assert window_words(DAY0, DAY0 + 24 * H) == "2024-05-01 00:00–24:00 UTC"
    assert window_words(DAY0, DAY0 + 48 * H) == "2024-05-01 00:00 – 2024-05-03 00:00 UTC"


# ---------------------------------------------------------------------------- density
def test_class_bounds() -> None:
    assert class_bounds(1) == [1]
    assert class_bounds(7) == [1, 2, 5]
    assert class_bounds(20_000) == [1, 10, 100, 1000, 10_000]  # 1-2-5 would make 13
    assert len(class_bounds(10**12)) <= 9


def test_class_raster_looks_up_each_pixel_in_its_lon_lat_cell() -> None:
    """Plate carrée (linear in lon and lat), one degree per 10 px: a 4 x 2 grid over
    120-124°E, 20-22°N; the pixel at (121.55°E, 20.45°N) lies in column 1 of row 0 (the south
    row)."""
    projection = Projection.from_user_input("equirectangular")
    (cx,), (cy,) = projection.forward(np.array([122.0]), np.array([21.0]))
    (x1,), _ = projection.forward(np.array([123.0]), np.array([21.0]))
    view = MapView(float(cx), float(cy), float(x1 - cx) / 10, 40, 20)
    counts = np.array([[0, 7, 0, 0], [0, 0, 0, 250]])
    bounds = class_bounds(int(counts.max()))
    raster = class_raster(counts, (120.0, 20.0, 124.0, 22.0), bounds, projection, view, stride=1)
    assert raster.shape == (20, 40)
    assert raster[15, 15] == bounds.index(5)  # 7 fixes: the 5–9 class
    assert raster[5, 35] == bounds.index(200)  # 250: north-east cell
    assert raster[15, 5] == -1  # no fix
    assert (raster >= 0).sum() == 200  # two cells of 10 x 10 px


def test_view_grid_covers_the_view_in_cells_of_8_px() -> None:
    projection = Projection.default()
    view = home_view(projection, 800, 480)
    (west, south, east, north), nx, ny = view_grid(view, projection)
    assert (nx, ny) == (100, 60)
    corners = projection.inverse(
        *view.to_map(np.array([0, 800, 0, 800]), np.array([0, 0, 480, 480]))
    )
    assert west <= corners[0].min() and east >= corners[0].max()
    assert south <= corners[1].min() and north >= corners[1].max()
