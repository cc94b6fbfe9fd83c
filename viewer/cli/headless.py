"""A session opened with no window, for the command line: one briefing (its track files read
as when it was saved) or track files (the default view and layers), read synchronously."""

from __future__ import annotations

from pathlib import Path

from viewer.core.briefing import load_briefing, missing_files
from viewer.core.catalog import load_catalog
from viewer.core.map_state import MapState
from viewer.core.projection import Projection
from viewer.core.read_options import ReadOptions
from viewer.core.session import Session
from viewer.io.registry import load_trackset


def open_session(
    inputs: list[str],
    crs: str | None = None,
    naming: str | None = None,
    tz: str | None = None,
) -> Session:
    """A session on one briefing or on track files, in ``crs`` (a preset, EPSG code or PROJ
    string; default the briefing's, else 'lcc') with place names in ``naming`` (default the
    briefing's); ``tz`` is the zone of track-file times written without one.

    Raises ValueError (a CRS, traced tracks that cannot be timed), `BriefingError`,
    `TrackImportError` or FileNotFoundError (a track file the briefing names is not there),
    each naming the file."""
    session = Session(MapState(load_catalog(), Projection.from_user_input(crs or "lcc")))
    if len(inputs) == 1 and inputs[0].lower().endswith(".briefing.json"):
        path = Path(inputs[0])
        briefing = load_briefing(path)
        missing = missing_files(briefing, path.parent)
        if missing:
            raise FileNotFoundError(
                f"{path}: track files not found: {', '.join(m.path for m in missing)}"
            )
        projection = Projection.from_user_input(crs) if crs else None
        files = session.apply_briefing(briefing, path, projection)
        if session.traced_problems:
            problem = session.traced_problems[0]
            raise ValueError(f"{inputs[0]}: traced tracks cannot be timed: {problem}")
    else:
        files = [(Path(p), ReadOptions(tz=tz) if tz else None) for p in inputs]
    if naming:
        session.state.set_naming(naming)
    for file, options in files:
        trackset, report = load_trackset(file, session.state.projection, options)
        session.add_tracks(file, trackset, report, options)
    session.apply_pending_time()
    return session
