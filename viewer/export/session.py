"""A headless map session: what the window shows, built from a briefing or track files, with no
window — for `adiz-viewer render` and the exports. Same painters as the screen."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from viewer.core.briefing import Briefing, load_briefing, missing_files, resolve_file
from viewer.core.catalog import load_catalog
from viewer.core.map_state import MapState
from viewer.core.projection import Projection
from viewer.core.track_layers import LoadedTracks, TrackLayers
from viewer.core.units import Units
from viewer.core.view import MapView
from viewer.io.registry import ReadOptions, load_trackset, options_for_ref
from viewer.qt.annotation_painter import AnnotationPainter, paint_notice
from viewer.qt.map_scene import MapScene
from viewer.qt.overlays import paint_clock
from viewer.qt.theme import Theme
from viewer.qt.track_painter import TrackPainter


@dataclass
class Clock:
    time: float = 0.0
    trail: float = 3600.0


@dataclass
class HeadlessSession:
    state: MapState
    scene: MapScene
    tracks: TrackLayers
    clock: Clock
    briefing: Briefing | None = None
    reports: list = field(default_factory=list)

    @classmethod
    def build(
        cls,
        inputs: list[str],
        crs: str | None = None,
        naming: str | None = None,
        tz: str | None = None,
        units: Units | None = None,
        theme: Theme | None = None,
    ) -> HeadlessSession:
        """From one briefing or from track files (then the default view and layers); the
        scale bar in ``units`` (nmi by default), drawn in ``theme`` (normal by default)."""
        briefing = None
        files: list[tuple[Path, ReadOptions | None]] = []
        if len(inputs) == 1 and inputs[0].lower().endswith(".briefing.json"):
            path = Path(inputs[0])
            briefing = load_briefing(path)
            missing = missing_files(briefing, path.parent)
            if missing:
                raise FileNotFoundError(
                    f"{path}: track files not found: {', '.join(m.path for m in missing)}"
                )
            files = [(resolve_file(r, path.parent), options_for_ref(r)) for r in briefing.files]
        else:
            files = [(Path(p), ReadOptions(tz=tz) if tz else None) for p in inputs]
        projection = Projection.from_user_input(crs or (briefing.view.crs if briefing else "lcc"))
        state = MapState(load_catalog(), projection)
        if naming or briefing:
            state.set_naming(naming or briefing.naming)  # type: ignore[union-attr]
        if briefing:
            for setting in briefing.layers:
                try:
                    default = state.layer(setting.id).style.color
                except KeyError:
                    continue
                st = setting.to_layer_state(default)
                state.update_layer(
                    setting.id, visible=st.visible, opacity=st.opacity, color=st.color
                )
        scene = MapScene(state)
        scene.units = units or scene.units
        scene.theme = theme or scene.theme
        tracks = TrackLayers()
        session = cls(state, scene, tracks, Clock(), briefing)
        for path, options in files:
            ts, report = load_trackset(path, projection, options)
            tracks.add(LoadedTracks(path, ts, report))
            session.reports.append(report)
        if briefing is not None and briefing.traced is not None:
            from viewer.core.tracing import traced_trackset

            traced, problems = traced_trackset(briefing.traced, projection)
            if problems:
                raise ValueError(f"{inputs[0]}: traced tracks cannot be timed: {problems[0]}")
            if traced is not None:
                tracks.add(LoadedTracks(Path("Traced tracks"), traced, None))
        if briefing is not None and briefing.underlay is not None:
            from viewer.qt.underlay import UnderlayPainter, load_picture

            picture = Path(briefing.underlay.path)
            picture = picture if picture.is_absolute() else Path(inputs[0]).parent / picture
            if not picture.is_file():
                raise FileNotFoundError(f"{inputs[0]}: underlay picture not found: {picture}")
            scene.set_underlay(UnderlayPainter(briefing.underlay, load_picture(picture)))
        span = tracks.time_span
        session.clock.time = span[0] if span else 0.0
        if briefing:
            session.clock.trail = briefing.trail_seconds
            if briefing.time_range:
                session.clock.time = briefing.time_range.start.timestamp()
        scene.dynamic.append(
            AnnotationPainter(
                lambda: briefing.annotations if briefing else (),
                lambda: session.clock.time if tracks.items else None,
            )
        )
        scene.dynamic.append(
            TrackPainter(tracks, lambda: session.clock.time, lambda: session.clock.trail)
        )
        scene.overlays.append(
            lambda p, ctx: paint_notice(p, ctx, briefing.notice if briefing else "")
        )
        scene.overlays.append(session._paint_clock)
        return session

    def view(self, width: int, height: int, scene_index: int | None = None) -> MapView:
        spec = None
        if self.briefing is not None:
            spec = self.briefing.view
            if scene_index is not None:
                for s in self.briefing.scenes[: scene_index + 1]:
                    spec = s.view or spec
        if spec is not None:
            return spec.to_map_view(width, height, self.state.projection)
        return self.scene.home_view(width, height)

    def apply_scene_layers(self, index: int) -> None:
        """The layers visible in scene ``index`` (None in the scene: unchanged)."""
        if self.briefing is None:
            return
        layers = None
        for scene in self.briefing.scenes[: index + 1]:
            layers = scene.layers if scene.layers is not None else layers
        if layers is not None:
            for st in self.state.layers:
                if st.visible != (st.id in layers):
                    self.state.update_layer(st.id, visible=st.id in layers)

    def scene_plan(
        self, fps: float, still_seconds: float = 3.0, max_seconds: float = 20.0
    ) -> list[tuple[int, float]]:
        """(scene index, map time) for every frame of the whole briefing, scenes in order: a
        scene that plays a range lasts range / speed (at most ``max_seconds``), a still
        ``still_seconds``."""
        import numpy as np

        plan: list[tuple[int, float]] = []
        if self.briefing is None:
            return plan
        t = self.clock.time
        speed = self.briefing.speed
        for i, scene in enumerate(self.briefing.scenes):
            speed = scene.speed or speed
            if scene.time_range is not None:
                a, b = scene.time_range.start.timestamp(), scene.time_range.end.timestamp()
                n = max(2, round(fps * min(max_seconds, (b - a) / speed)))
                plan += [(i, float(x)) for x in np.linspace(a, b, n)]
                t = b
            else:
                t = scene.time.timestamp() if scene.time is not None else t
                plan += [(i, t)] * max(1, round(fps * still_seconds))
        return plan

    def set_time(self, t: float) -> None:
        self.clock.time = t
        self.state.follow_clock(t)

    def _paint_clock(self, painter, ctx) -> None:
        """The time in UTC and Taipei time, bottom centre (burned into exports)."""
        if self.tracks.items and math.isfinite(self.clock.time):
            paint_clock(painter, ctx, self.clock.time)
