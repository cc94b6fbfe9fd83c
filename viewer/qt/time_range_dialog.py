"""Timeline > Type times…: the replay time and the in and out points typed, in the clock's zone,
with the same `TimeEntry` as every other time in the app (a time without a date stays on the
date shown; blank in/out points replay from the start / to the end)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QWidget

from viewer.core.time_input import format_time_shown
from viewer.core.timeline import Timeline
from viewer.qt.i18n import translate
from viewer.qt.time_entry import TimeEntry, dialog_layout, entry_time, local_date


def _utc(t: float | None) -> datetime | None:
    return None if t is None else datetime.fromtimestamp(t, UTC)


class TimeRangeDialog(QDialog):
    """Type the replay time and the in/out points of ``timeline``; OK applies them."""

    def __init__(self, timeline: Timeline, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("TimeRange", "Replay times"))
        self.timeline = timeline
        tz = timeline.zone
        day = local_date(_utc(timeline.time) or datetime.now(UTC), tz)
        self.time_edit = TimeEntry(tz, _utc(timeline.time))
        self.in_edit = TimeEntry(tz, _utc(timeline.in_point), default_date=day)
        self.out_edit = TimeEntry(tz, _utc(timeline.out_point), default_date=day)
        self.in_edit.edit.setPlaceholderText(translate("TimeRange", "blank: from the start"))
        self.out_edit.edit.setPlaceholderText(translate("TimeRange", "blank: to the end"))
        span = QLabel(
            translate("TimeRange", "The tracks run from {start} to {end}.").format(
                start=format_time_shown(_utc(timeline.start), tz),  # type: ignore[arg-type]
                end=format_time_shown(_utc(timeline.end), tz),  # type: ignore[arg-type]
            )
        )
        span.setWordWrap(True)
        form = QFormLayout()
        form.addRow(translate("TimeRange", "Time ({tz})").format(tz=tz), self.time_edit)
        form.addRow(translate("TimeRange", "In point"), self.in_edit)
        form.addRow(translate("TimeRange", "Out point"), self.out_edit)
        self.error_label = dialog_layout(self, span, form)

    def _read(self, entry: TimeEntry, what: str, optional: bool) -> float | None:
        if optional and not entry.edit.text().strip():
            return None
        t = entry_time(entry, what).timestamp()
        tl = self.timeline
        if not tl.start <= t <= tl.end:
            raise ValueError(
                translate("TimeRange", "{what}: {time} is outside the tracks' time").format(
                    what=what, time=format_time_shown(datetime.fromtimestamp(t, UTC), tl.zone)
                )
            )
        return t

    def values(self) -> tuple[float, float | None, float | None]:
        """(time, in point, out point) typed, epoch seconds; raises ValueError saying what is
        wrong."""
        t = self._read(self.time_edit, translate("TimeRange", "Time"), optional=False)
        t_in = self._read(self.in_edit, translate("TimeRange", "In point"), optional=True)
        t_out = self._read(self.out_edit, translate("TimeRange", "Out point"), optional=True)
        if t_in is not None and t_out is not None and t_out <= t_in:
            raise ValueError(translate("TimeRange", "The out point is not after the in point"))
        assert t is not None
        return t, t_in, t_out

    def accept(self) -> None:
        try:
            t, t_in, t_out = self.values()
        except ValueError as exc:
            self.error_label.setText(str(exc))
            return
        tl = self.timeline
        tl.clear_in_out()
        if t_in is not None:
            tl.set_in_point(t_in)
        if t_out is not None:
            tl.set_out_point(t_out)
        tl.set_time(t)
        super().accept()


__all__ = ["TimeRangeDialog"]
