"""The questions an archive asks: which database to connect to (`ConnectDialog`: a PostgreSQL or
OpenSky URL, and for OpenSky the time span to look at — its database refuses a question without
one), and a database's password (`PasswordDialog`, with "keep it in the system keyring" when
there is a keyring). A password is never written into the URL or a briefing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from viewer.core.archive_ref import ARCHIVE_SCHEMES
from viewer.qt.i18n import translate
from viewer.qt.time_entry import TimeEntry, dialog_layout, entry_time

SPAN_SCHEMES = ("opensky", "trino")  # sources whose every question names its hours


def url_problem(url: str) -> str:
    """Why ``url`` cannot be connected to ('' when it can), in the interface language."""
    if "://" not in url:
        return translate(
            "Archive", "Type a database URL, e.g. postgresql://me@db.example.org/tracks?table=fixes"
        )
    scheme = url.split("://", 1)[0].lower()
    if scheme not in ARCHIVE_SCHEMES:
        return translate(
            "Archive", "{scheme}:// is not a database here; use one of {schemes}"
        ).format(scheme=scheme, schemes=", ".join(f"{s}://" for s in ARCHIVE_SCHEMES))
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises on a bad port)
    except ValueError as exc:
        return translate("Archive", "Not a URL: {error}").format(error=exc)
    if parts.password is not None:
        return translate(
            "Archive",
            "Leave the password out of the URL: it is asked, or taken from the system keyring, "
            "and never saved in a briefing",
        )
    if scheme in SPAN_SCHEMES and not parts.username:
        return translate("Archive", "Give your OpenSky user name: opensky://USER@host")
    return ""


class ConnectDialog(QDialog):
    """File > Connect to database…: ``url()`` and, for OpenSky, ``span()`` after OK."""

    def __init__(self, url: str = "", tz: str = "UTC", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Archive", "Connect to a database"))
        self.url_edit = QLineEdit(url)
        self.url_edit.setPlaceholderText("postgresql://me@db.example.org:5432/tracks?table=fixes")
        self.url_edit.setMinimumWidth(self.url_edit.fontMetrics().horizontalAdvance("0" * 56))
        help_text = QLabel(
            translate(
                "Archive",
                "PostgreSQL (PostGIS or lon/lat columns): postgresql://USER@HOST:PORT/DATABASE"
                "?table=SCHEMA.TABLE\nOpenSky's historical database (your own account): "
                "opensky://USER@trino.opensky-network.org\nThe password is asked (or taken from "
                "the system keyring); it is never saved in a briefing.",
            )
        )
        help_text.setWordWrap(True)
        now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
        self.start = TimeEntry(tz, now - timedelta(days=2))
        self.end = TimeEntry(tz, now - timedelta(days=1))
        form = QFormLayout()
        form.addRow(translate("Archive", "URL"), self.url_edit)
        self.span_note = QLabel(
            translate("Archive", "OpenSky: the hours to look at (every question names them)")
        )
        self.span_note.setWordWrap(True)
        form.addRow(self.span_note)
        form.addRow(translate("Archive", "From"), self.start)
        form.addRow(translate("Archive", "To"), self.end)
        self.error = dialog_layout(self, help_text, form)
        self.url_edit.textChanged.connect(self._on_url_changed)
        self._on_url_changed(url)

    def needs_span(self) -> bool:
        return self.url().split("://", 1)[0].lower() in SPAN_SCHEMES

    def _on_url_changed(self, _text: str) -> None:
        on = self.needs_span()
        for widget in (self.span_note, self.start, self.end):
            widget.setEnabled(on)
        self.error.setText("")

    def url(self) -> str:
        return self.url_edit.text().strip()

    def span(self) -> tuple[datetime, datetime] | None:
        """The hours asked about (OpenSky), None for other databases; raises ValueError."""
        if not self.needs_span():
            return None
        start = entry_time(self.start, translate("Archive", "From"))
        end = entry_time(self.end, translate("Archive", "To"))
        if end <= start:
            raise ValueError(translate("Archive", "The span ends before it starts"))
        return start, end

    def accept(self) -> None:
        problem = url_problem(self.url())
        if not problem:
            try:
                self.span()
            except ValueError as exc:
                problem = str(exc)
        if problem:
            self.error.setText(problem)
            return
        super().accept()


class PasswordDialog(QDialog):
    """A database's password; ``remember()``: keep it in the system keyring (offered only when
    there is one — ``keyring_note`` says why not otherwise)."""

    def __init__(self, prompt: str, keyring_note: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Archive", "Database password"))
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.Password)
        self.keep = QCheckBox(translate("Archive", "Keep it in the system keyring"))
        parts: list[QWidget] = [label, self.edit, self.keep]
        if keyring_note:
            self.keep.setEnabled(False)
            note = QLabel(
                translate("Archive", "Not kept: {why}; it is asked each time.").format(
                    why=keyring_note
                )
            )
            note.setWordWrap(True)
            parts.append(note)
        dialog_layout(self, *parts)
        self.edit.setFocus()

    def password(self) -> str:
        return self.edit.text()

    def remember(self) -> bool:
        return self.keep.isEnabled() and self.keep.isChecked()


__all__ = ["ConnectDialog", "PasswordDialog", "url_problem"]
