"""When a scene plays or an annotation shows, typed: a still time, a range from–to, or none
(the scene keeps the previous scene's time; the annotation always shows). Times are typed with
the app's one `TimeEntry`, in the clock's zone."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QStackedWidget,
    QWidget,
)

from viewer.core.briefing import Annotation, Scene, TimeRange
from viewer.qt.i18n import translate
from viewer.qt.time_entry import TimeEntry, dialog_layout, entry_time, local_date

NONE, STILL, RANGE = "none", "still", "range"


class TimingDialog(QDialog):
    """A choice of ``modes`` (`NONE`, `STILL`, `RANGE`, with their ``labels``) and the times;
    ``result_timing`` after OK: (mode, still time, range start, range end), UTC."""

    def __init__(
        self,
        title: str,
        modes: dict[str, str],
        tz: str,
        mode: str,
        still: datetime | None,
        start: datetime | None,
        end: datetime | None,
        default: datetime | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.result_timing: tuple[str, datetime | None, datetime | None, datetime | None] | None
        self.result_timing = None
        day = local_date(default, tz) if default is not None else None
        self.mode_combo = QComboBox()
        for key, label in modes.items():
            self.mode_combo.addItem(label, key)
        self.still_edit = TimeEntry(tz, still or default, default_date=day)
        self.start_edit = TimeEntry(tz, start or default, default_date=day)
        self.end_edit = TimeEntry(tz, end, default_date=day)
        self.start_edit.value_changed.connect(self._on_start_changed)
        self._on_start_changed(self.start_edit.value())
        pages = QStackedWidget()
        self._pages: dict[str, int] = {}
        for key in modes:
            page = QWidget()
            form = QFormLayout(page)
            form.setContentsMargins(0, 0, 0, 0)
            if key == STILL:
                form.addRow(translate("Timing", "At ({tz})").format(tz=tz), self.still_edit)
            elif key == RANGE:
                form.addRow(translate("Timing", "From ({tz})").format(tz=tz), self.start_edit)
                form.addRow(translate("Timing", "To ({tz})").format(tz=tz), self.end_edit)
            self._pages[key] = pages.addWidget(page)
        self.mode_combo.currentIndexChanged.connect(
            lambda _i: pages.setCurrentIndex(self._pages[self.mode_combo.currentData()])
        )
        self.mode_combo.setCurrentIndex(max(0, self.mode_combo.findData(mode)))
        pages.setCurrentIndex(self._pages[self.mode_combo.currentData()])
        self.error_label = dialog_layout(self, self.mode_combo, pages)

    def _on_start_changed(self, start: datetime | None) -> None:
        if start is not None:  # a bare end time is on the start's date
            self.end_edit.set_default_date(local_date(start, self.start_edit.zone()))

    def timing(self) -> tuple[str, datetime | None, datetime | None, datetime | None]:
        mode = self.mode_combo.currentData()
        if mode == STILL:
            return mode, entry_time(self.still_edit, translate("Timing", "At")), None, None
        if mode == RANGE:
            start = entry_time(self.start_edit, translate("Timing", "From"))
            end = entry_time(self.end_edit, translate("Timing", "To"))
            if end <= start:
                raise ValueError(translate("Timing", "The end is not after the start"))
            return mode, None, start, end
        return mode, None, None, None

    def accept(self) -> None:
        try:
            self.result_timing = self.timing()
        except ValueError as exc:
            self.error_label.setText(str(exc))
            return
        super().accept()


def scene_timing_dialog(scene: Scene, tz: str, default: datetime | None, parent=None):
    """The dialog for a scene's time: keep the previous scene's, a still, or a range to play."""
    rng = scene.time_range
    mode = RANGE if rng else STILL if scene.time else NONE
    return TimingDialog(
        translate("Timing", "Timing of {scene}").format(scene=scene.title),
        {
            STILL: translate("Timing", "A still at one time"),
            RANGE: translate("Timing", "Play from one time to another"),
            NONE: translate("Timing", "Keep the previous scene's time"),
        },
        tz,
        mode,
        scene.time,
        rng.start if rng else None,
        rng.end if rng else None,
        default,
        parent,
    )


def scene_with_timing(scene: Scene, timing) -> Scene:
    mode, still, start, end = timing
    if mode == RANGE:
        return replace(scene, time=None, time_range=TimeRange(start, end))
    return replace(scene, time=still if mode == STILL else None, time_range=None)


def annotation_timing_dialog(
    annotation: Annotation, tz: str, default: datetime | None, parent=None
):
    """The dialog for when an annotation shows: always, or from one time to another."""
    rng = annotation.time
    return TimingDialog(
        translate("Timing", "When the annotation shows"),
        {
            NONE: translate("Timing", "Always"),
            RANGE: translate("Timing", "From one time to another"),
        },
        tz,
        RANGE if rng else NONE,
        None,
        rng.start if rng else None,
        rng.end if rng else None,
        default,
        parent,
    )


def annotation_with_timing(annotation: Annotation, timing) -> Annotation:
    mode, _still, start, end = timing
    return replace(annotation, time=TimeRange(start, end) if mode == RANGE else None)


__all__ = [
    "TimingDialog",
    "annotation_timing_dialog",
    "annotation_with_timing",
    "scene_timing_dialog",
    "scene_with_timing",
]
