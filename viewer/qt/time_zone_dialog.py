"""The question asked when a file's times have no zone: which zone are they in? Never assumed.

The answer is a zone from the list or any IANA name typed; under it, one of the file's times is
shown as it will be read — with the zone and offset, and in UTC — so a wrong choice shows
before the file loads (``10:20`` in Asia/Taipei is 02:20 UTC, not 10:20 UTC).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from viewer.core.time_input import TimeInputError, format_time_shown, parse_time_input
from viewer.core.timeline import zone_info
from viewer.qt.i18n import translate
from viewer.qt.time_entry import ERROR_COLOUR


class TimeZoneDialog(QDialog):
    """``zone()`` after OK: the IANA name chosen or typed."""

    def __init__(
        self,
        file_name: str,
        message: str,
        example: str,
        zones: list[str],
        default: str = "Asia/Taipei",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("TimeZoneDialog", "Time zone of the file"))
        self.example = example
        question = QLabel(
            message
            + "\n\n"
            + translate("TimeZoneDialog", "In which time zone are the times of {file}?").format(
                file=file_name
            )
        )
        question.setWordWrap(True)
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.addItems(zones)
        self.combo.setCurrentText(default)
        self.combo.setToolTip(
            translate("TimeZoneDialog", "Pick a zone or type its IANA name, e.g. Asia/Taipei")
        )
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(question)
        lay.addWidget(self.combo)
        lay.addWidget(self.preview)
        lay.addWidget(self.buttons)
        self.combo.currentTextChanged.connect(self._on_zone_changed)
        self._on_zone_changed(self.combo.currentText())

    def zone(self) -> str:
        return self.combo.currentText().strip()

    def _on_zone_changed(self, text: str) -> None:
        zone = text.strip()
        ok = self.buttons.button(QDialogButtonBox.Ok)
        try:
            if zone.lower() == "local":
                raise ValueError(zone)
            zone_info(zone)
        except ValueError:
            self.preview.setStyleSheet(f"color: {ERROR_COLOUR}")
            self.preview.setText(
                translate(
                    "TimeZoneDialog", "{zone!r} is not a time zone known here (e.g. Asia/Taipei)"
                ).format(zone=zone)
            )
            ok.setEnabled(False)
            return
        ok.setEnabled(True)
        self.preview.setStyleSheet("")
        try:  # the file's own text, read as the app's time entry reads it
            when = parse_time_input(self.example, zone)
        except TimeInputError:
            self.preview.setText(
                translate("TimeZoneDialog", "e.g. {example!r}, read as a time in {zone}").format(
                    example=self.example, zone=zone
                )
            )
            return
        self.preview.setText(
            translate("TimeZoneDialog", "{example!r} in the file is then {shown} = {utc}").format(
                example=self.example,
                shown=format_time_shown(when, zone),
                utc=format_time_shown(when, "UTC"),
            )
        )


def ask_time_zone(
    parent: QWidget | None, file_name: str, message: str, example: str, zones: list[str]
) -> str | None:
    """The zone the user says the file's times are in, None if they cancel."""
    dialog = TimeZoneDialog(file_name, message, example, zones, parent=parent)
    return dialog.zone() if dialog.exec() == QDialog.Accepted else None


__all__ = ["TimeZoneDialog", "ask_time_zone"]
