"""Exports from the window: the map as a PNG, the replay as a video (MP4 or GIF) and the whole
briefing as a video, with a progress dialog and Cancel. Frames come from the session through
`viewer.export`, as on the command line."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog

from viewer.export.metadata import stamp_png
from viewer.export.picture import map_picture
from viewer.export.video import (
    ExportCancelled,
    frame_times,
    render_frames,
    render_plan,
    write_output,
)
from viewer.qt.controller import Controller
from viewer.qt.export_dialog import ExportPngDialog
from viewer.qt.i18n import translate
from viewer.render.map_scene import MapScene
from viewer.render.underlay_painter import PictureError


class ExportController(Controller):
    def __init__(self, session, window) -> None:
        super().__init__(session, window)
        self.create_actions()

    def create_actions(self) -> None:
        w = self.window
        self.export_png_act = QAction(
            translate("MainWindow", "Export map as &PNG…"),
            w,
            shortcut="Ctrl+E",
            statusTip=translate("MainWindow", "Save the map as shown to a PNG image"),
            triggered=self.export_png,
        )
        self.export_video_act = QAction(
            translate("MainWindow", "Export &video…"),
            w,
            shortcut="Ctrl+Shift+E",
            statusTip=translate("MainWindow", "Save the replay (in/out range) as MP4 or GIF"),
            triggered=self.export_video,
        )
        self.export_briefing_video_act = QAction(
            translate("MainWindow", "Export &briefing as video…"),
            w,
            statusTip=translate(
                "MainWindow", "Every scene of the briefing in order, as MP4 or GIF"
            ),
            triggered=self.export_briefing_video,
        )

    @Slot()
    def export_png(
        self,
        path: str | None = None,
        size: tuple[int, int] | None = None,
        dpi: int = 150,
        title_clock: bool = True,
    ) -> bool:
        """The map as shown (same extent) at ``size`` pixels and ``dpi``, legend, scale bar and
        sources burned in, with title and clock if asked; a dialog when no path is given."""
        if not path:
            dialog = ExportPngDialog(self.window)
            if dialog.exec() != ExportPngDialog.Accepted:
                return False
            size, dpi, title_clock = (
                dialog.chosen_size(),
                dialog.dpi.value(),
                dialog.title_clock.isChecked(),
            )
            path, _ = QFileDialog.getSaveFileName(
                self.window, translate("MainWindow", "Export map"), "map.png", "PNG (*.png)"
            )
            if not path:
                return False
        image, view = map_picture(
            self.window.scene, self.window.canvas.view, size, dpi, title_clock
        )
        if not stamp_png(image).save(path):
            self.show_error(
                translate("MainWindow", "Export failed"),
                translate("MainWindow", "{path}: could not write the PNG").format(path=path),
            )
            return False
        self.show_message(
            translate("MainWindow", "Saved {path} ({width}x{height}, {dpi} dpi)").format(
                path=path, width=view.width, height=view.height, dpi=dpi
            ),
            8000,
        )
        return True

    @Slot()
    def export_video(
        self,
        path: str | None = None,
        seconds: float = 20.0,
        fps: float = 25.0,
        size: tuple[int, int] | None = None,
    ) -> bool:
        """The replay between the in and out points (or the whole range) as MP4 or GIF, exactly
        as the map shows it (the window's painters on the session's clock), with a progress
        dialog and Cancel."""
        if not self.session.tracks.items:
            self.show_error(
                translate("Replay", "Export video"),
                translate("Replay", "Load track files first: there is nothing to replay"),
            )
            return False
        path = path or self._ask_video_path(translate("Replay", "Export video"), "replay.mp4")
        if not path:
            return False
        canvas, timeline = self.window.canvas, self.session.timeline
        width, height = size or (canvas.width(), canvas.height())
        width, height = width - width % 2, height - height % 2  # H.264 wants even sizes
        view = canvas.view.resized(width, height)
        n = max(1, round(seconds * fps))
        times = frame_times(timeline.lo, timeline.hi, n)
        was_playing, keep = timeline.playing, timeline.time
        timeline.pause()
        frames = render_frames(self.window.scene, self.session, view, times)
        try:
            return self._write_video(Path(path), frames, n, fps, (width, height))
        finally:
            timeline.set_time(keep)
            if was_playing:
                timeline.play()

    @Slot()
    def export_briefing_video(
        self, path: str | None = None, fps: float = 25.0, size: tuple[int, int] = (1920, 1080)
    ) -> bool:
        """Every scene of the briefing, in order, as one MP4 or GIF (as `adiz-viewer render`):
        from a fork of the session (the loaded tracks, nothing re-read) so the window stays as
        it is, drawn in the units and theme of the window."""
        briefing = self.session.briefing
        if briefing is None or not briefing.scenes:
            self.show_error(
                translate("Replay", "Export briefing"),
                translate("Replay", "The briefing has no scenes to play"),
            )
            return False
        title = translate("Replay", "Export briefing video")
        path = path or self._ask_video_path(title, "briefing.mp4")
        if not path:
            return False
        session = self.session.fork(self.window.canvas.view)
        try:
            scene = MapScene.for_session(session, pictures=self.window.authoring.pictures)
        except PictureError as exc:
            self.show_error(translate("Replay", "Export failed"), str(exc))
            return False
        # the scale bar and the look follow View > Units and View > High-contrast theme
        scene.units, scene.theme = self.window.scene.units, self.window.scene.theme
        plan = session.scene_plan(fps)
        frames = render_plan(scene, session, size[0], size[1], plan)
        return self._write_video(Path(path), frames, len(plan), fps, size)

    def _ask_video_path(self, title: str, name: str) -> str:
        """Where to save a video (MP4 or GIF); "" when the user cancels."""
        kinds = translate("Replay", "MP4 video (*.mp4);;GIF animation (*.gif)")
        path, _ = QFileDialog.getSaveFileName(self.window, title, name, kinds)
        return path

    def _write_video(self, path: Path, frames, n: int, fps: float, size) -> bool:
        """Encode frames with a progress dialog and Cancel; a cancelled file is removed."""
        dialog = QProgressDialog(
            translate("Replay", "Rendering the video…"),
            translate("Replay", "Cancel"),
            0,
            n,
            self.window,
        )
        dialog.setWindowTitle(translate("Replay", "Export video"))
        dialog.setMinimumDuration(300)

        def progress(done: int, total: int) -> None:
            dialog.setValue(done)
            QApplication.processEvents()

        try:
            written = write_output(path, frames, n, fps, size, progress, dialog.wasCanceled)
        except ExportCancelled:
            self.show_message(translate("Replay", "Export cancelled; no file written"), 8000)
            return False
        except (OSError, ValueError) as exc:
            self.show_error(translate("Replay", "Export failed"), f"{path}: {exc}")
            return False
        finally:
            dialog.close()
        self.show_message(
            translate("Replay", "Saved {path} ({frames} frames)").format(path=path, frames=written),
            10000,
        )
        return True
