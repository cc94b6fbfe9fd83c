"""The one field the app asks for a time with: a line edit that takes what people type.

`TimeEntry` reads ``10:20``, ``10:20:00``, ``2021-10-04 10:20[:00]`` and ISO 8601 with or without
a zone (`viewer.core.time_input`), in its zone when none is typed; a bare time stays on the date
shown. It shows the value back with the zone and offset (``2021-10-04 10:20:00 Asia/Taipei
(UTC+8)``) and, under the field, what the text reads as in UTC — or, in red, why it is not a
time. Nothing typed is reinterpreted: the digits stay where they were typed (a `QDateTimeEdit`
moved them: issue 22). A calendar button sets the date and keeps the time of day.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from viewer.core.time_input import (
    EXAMPLES,
    TimeInputError,
    format_time_shown,
    parse_time_input,
)
from viewer.core.timeline import zone_info
from viewer.qt.i18n import translate

ERROR_COLOUR = "#C0392B"


def time_error_text(exc: TimeInputError) -> str:
    """The reason a text is not a time, in the interface language (same placeholders as
    `viewer.core.time_input.MESSAGES`)."""
    messages = {
        "empty": translate("TimeEntry", "Type a time, e.g. {examples}"),
        "not_a_time": translate("TimeEntry", "{text!r} is not a time: write it as {examples}"),
        "day_first": translate(
            "TimeEntry",
            "{text!r}: write the date year first (2021-10-04), a day-first date is ambiguous",
        ),
        "date_only": translate(
            "TimeEntry", "{text!r} has no time of day: add it, e.g. {text} 10:20"
        ),
        "no_date": translate("TimeEntry", "{text!r} has no date: write it as 2021-10-04 {text}"),
        "bad_field": translate(
            "TimeEntry", "{text!r}: {field} {value} is out of range ({allowed})"
        ),
        "bad_date": translate("TimeEntry", "{text!r}: {value} is not a date of the calendar"),
        "bad_offset": translate(
            "TimeEntry", "{text!r}: the offset {value} is not a UTC offset (from -14:00 to +14:00)"
        ),
        "unknown_zone": translate(
            "TimeEntry", "{text!r}: {value} is not a time zone known here (e.g. Asia/Taipei, UTC)"
        ),
        "offset_mismatch": translate(
            "TimeEntry", "{text!r}: {zone} is {actual} on that date, not {typed}"
        ),
        "gap": translate(
            "TimeEntry",
            "{text!r}: {time} does not exist in {zone} (the clocks skip it): type the offset",
        ),
        "fold": translate(
            "TimeEntry",
            "{text!r}: {time} happens twice in {zone}: add the offset, e.g. {time} {offsets}",
        ),
    }
    fields = {
        "hour": translate("TimeEntry", "hour"),
        "minute": translate("TimeEntry", "minute"),
        "second": translate("TimeEntry", "second"),
    }
    params = dict(exc.params)
    if "field" in params:
        params["field"] = fields.get(params["field"], params["field"])
    if "allowed" in params:
        params["allowed"] = params["allowed"].replace(" to ", "–")
    text = messages.get(exc.reason)
    return text.format(**params) if text else str(exc)


def entry_time(entry: TimeEntry, what: str) -> datetime:
    """The time in ``entry``; raises ValueError "<what>: <why it is not a time>"."""
    try:
        return entry.checked()
    except TimeInputError as exc:
        raise ValueError(f"{what}: {time_error_text(exc)}") from None


def dialog_layout(dialog: QDialog, *parts: QWidget | QLayout) -> QLabel:
    """Lay ``dialog`` out: ``parts`` one under the other, a red line for what is wrong, OK and
    Cancel (connected to ``accept``/``reject``). Returns the red line's label."""
    error = QLabel()
    error.setStyleSheet(f"color: {ERROR_COLOUR}")
    error.setWordWrap(True)
    buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    lay = QVBoxLayout(dialog)
    for part in parts:
        if isinstance(part, QLayout):
            lay.addLayout(part)
        else:
            lay.addWidget(part)
    lay.addWidget(error)
    lay.addWidget(buttons)
    return error


def local_date(value: datetime, tz: str) -> date:
    """The date ``value`` falls on in ``tz`` (an IANA name, "UTC" or "local")."""
    return value.astimezone(zone_info(tz)).date()


class TimeEntry(QWidget):
    """A time typed in ``tz``; ``value()`` is UTC (None while the text is not a time).

    ``value_changed(datetime | None)`` fires whenever the text reads as another time (or stops
    being one). ``checked()`` gives the value or raises `TimeInputError` (for a dialog's OK)."""

    value_changed = Signal(object)

    def __init__(
        self,
        tz: str,
        value: datetime | None = None,
        default_date: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tz = tz
        self._value: datetime | None = None
        self._error: TimeInputError | None = None
        self._default_date = default_date
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(translate("TimeEntry", "e.g. 10:20 or 2021-10-04 10:20"))
        self.edit.setToolTip(
            translate(
                "TimeEntry",
                "Type a time in {zone}: {examples}. A time without a date stays on the date "
                "shown; a time with Z, an offset or a zone name is read in that zone.",
            ).format(zone=tz, examples=EXAMPLES)
        )
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("0" * 40))
        self.edit.textEdited.connect(self._on_text_edited)
        self.edit.editingFinished.connect(self._on_editing_finished)
        self.pick_button = QToolButton()
        icon = QIcon.fromTheme("x-office-calendar")
        if icon.isNull():
            self.pick_button.setText(translate("TimeEntry", "Date…"))
        else:
            self.pick_button.setIcon(icon)
        self.pick_button.setToolTip(translate("TimeEntry", "Pick the date (keeps the time)"))
        self.pick_button.setPopupMode(QToolButton.InstantPopup)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._on_date_picked)
        self.calendar.activated.connect(self._on_date_picked)
        menu = QMenu(self.pick_button)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._on_calendar_shown)
        self.pick_button.setMenu(menu)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setTextInteractionFlags(Qt.TextSelectableByMouse)
        font = self.hint.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.hint.setFont(font)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.pick_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(row)
        lay.addWidget(self.hint)
        self.setFocusProxy(self.edit)
        self.set_value(value)

    # ------------------------------------------------------------------ state
    def zone(self) -> str:
        return self._tz

    def value(self) -> datetime | None:
        """The time the text reads as (UTC), None when it is not a time."""
        return None if self._error is not None else self._value

    def error(self) -> str:
        """Why the text is not a time ("" when it is one), in the interface language."""
        return time_error_text(self._error) if self._error is not None else ""

    def checked(self) -> datetime:
        """The value; raises `TimeInputError` (``str`` in the interface language) if none."""
        if self._error is not None:
            raise TimeInputError(self._error.reason, **self._error.params)
        if self._value is None:
            raise TimeInputError("empty", examples=EXAMPLES)
        return self._value

    def set_value(self, value: datetime | None) -> None:
        """Show ``value`` (a tz-aware time; None empties the field)."""
        if value is not None and value.tzinfo is None:
            raise ValueError(f"time {value} has no time zone")
        self._value = None if value is None else value.astimezone(UTC)
        self._error = None
        self._show_value()

    def set_zone(self, tz: str) -> None:
        """Read and show times in ``tz`` from now on (the value is kept, shown in ``tz``)."""
        zone_info(tz)
        self._tz = tz
        if self._error is None:
            self._show_value()

    def set_default_date(self, day: date | None) -> None:
        """The date a bare time is on while the field has no value."""
        self._default_date = day

    def base_date(self) -> date | None:
        """The date a typed bare time is on: the value's (in the zone), else the default."""
        if self._value is not None:
            return local_date(self._value, self._tz)
        return self._default_date

    # ------------------------------------------------------------------ view
    def _show_value(self) -> None:
        text = "" if self._value is None else format_time_shown(self._value, self._tz)
        self.edit.setText(text)
        self.edit.setCursorPosition(0)
        self._show_hint(self._value, canonical=True)

    def _show_hint(self, value: datetime | None, canonical: bool) -> None:
        self.edit.setStyleSheet("")
        if self._error is not None:
            self.hint.setStyleSheet(f"color: {ERROR_COLOUR}")
            self.hint.setText(self.error())
            self.edit.setStyleSheet(f"QLineEdit {{ border: 1px solid {ERROR_COLOUR}; }}")
            return
        self.hint.setStyleSheet("")
        if value is None:
            self.hint.setText("")
            return
        utc = format_time_shown(value, "UTC")
        if canonical:
            self.hint.setText(f"= {utc}")  # no words to translate
        else:
            self.hint.setText(
                translate("TimeEntry", "reads as {shown} = {utc}").format(
                    shown=format_time_shown(value, self._tz), utc=utc
                )
            )

    # ------------------------------------------------------------------ input
    @Slot(str)
    def _on_text_edited(self, text: str) -> None:
        before = self.value()
        base = local_date(self._value, self._tz) if self._value is not None else None
        try:
            value = parse_time_input(text, self._tz, base or self._default_date)
        except TimeInputError as exc:
            self._error = exc
            self._show_hint(None, canonical=False)
        else:
            self._error = None
            self._value = value
            self._show_hint(value, canonical=text.strip() == format_time_shown(value, self._tz))
        if self.value() != before:
            self.value_changed.emit(self.value())

    @Slot()
    def _on_editing_finished(self) -> None:
        if self._error is None and self._value is not None:
            shown = format_time_shown(self._value, self._tz)
            if self.edit.text() != shown:
                self.edit.setText(shown)
                self.edit.setCursorPosition(0)
            self._show_hint(self._value, canonical=True)

    @Slot()
    def _on_calendar_shown(self) -> None:
        day = self.base_date() or datetime.now(UTC).date()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    @Slot(QDate)
    def _on_date_picked(self, picked: QDate) -> None:
        self.pick_button.menu().close()
        day = date(picked.year(), picked.month(), picked.day())
        clock = "00:00:00"
        if self.value() is not None:
            clock = self.value().astimezone(zone_info(self._tz)).strftime("%H:%M:%S")
        text = f"{day:%Y-%m-%d} {clock}"
        self.edit.setText(text)
        self._on_text_edited(text)
        self._on_editing_finished()


__all__ = ["TimeEntry", "dialog_layout", "entry_time", "local_date", "time_error_text"]
