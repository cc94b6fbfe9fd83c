"""File > Connect to feed…: a form for each kind of feed that writes its URL, the feeds used
before, where the feed is recorded, and the credentials of a polled JSON endpoint.

The URL line is what connects (`viewer.io.live.sources`): the form fills it, and it can be typed
or pasted directly. A listening socket (NMEA or CoT over UDP) listens on this computer only
(127.0.0.1) unless the user picks another interface. A password is never put in the URL nor in
the settings: it goes to the system keyring when asked to, else it is asked each time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from PySide6.QtCore import Qt
from PySide6.QtNetwork import QHostAddress, QNetworkInterface
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from viewer.core.timeline import TIME_ZONES
from viewer.io.archive.credentials import keyring_status
from viewer.io.live.sources import COT_GROUP, LOOPBACK, parse_source
from viewer.qt.i18n import translate
from viewer.qt.live_settings import LiveSettings
from viewer.qt.time_entry import ERROR_COLOUR

# kind -> (scheme, default port, what the host field is)
KINDS: dict[str, tuple[str, int, str]] = {
    "sbs": ("sbs", 30003, "connect"),
    "beast": ("beast", 30005, "connect"),
    "nmea_udp": ("nmea+udp", 10110, "listen"),
    "nmea_tcp": ("nmea+tcp", 10110, "connect"),
    "cot_udp": ("cot+udp", 6969, "group"),
    "cot_tcp": ("cot+tcp", 8087, "connect"),
    "json": ("https", 443, "url"),
}
EVERY_INTERFACE = "0.0.0.0"


def kind_titles() -> dict[str, str]:
    return {
        "sbs": translate("FeedDialog", "ADS-B: SBS-1 / BaseStation text over TCP (dump1090, readsb)"),  # noqa: E501
        "beast": translate("FeedDialog", "ADS-B: Mode-S Beast binary over TCP (dump1090, readsb)"),
        "nmea_udp": translate("FeedDialog", "AIS: NMEA sentences sent to this computer over UDP"),
        "nmea_tcp": translate("FeedDialog", "AIS: NMEA sentences over TCP (AIS-catcher, gpsd)"),
        "cot_udp": translate("FeedDialog", "TAK: Cursor-on-Target over UDP multicast"),
        "cot_tcp": translate("FeedDialog", "TAK: Cursor-on-Target over TCP (a TAK server)"),
        "json": translate("FeedDialog", "Aircraft states as JSON, polled (OpenSky's states/all)"),
    }  # fmt: skip


@dataclass(frozen=True)
class FeedChoice:
    """What the dialog was asked: the URL (no password), the password or token for a polled
    JSON endpoint, and whether to keep the password in the system keyring."""

    url: str
    password: str | None = None
    token: str | None = None
    remember_password: bool = False


def interfaces() -> list[tuple[str, str]]:
    """(address, title) of the interfaces a listening feed can use: this computer only first."""
    out = [
        (LOOPBACK, translate("FeedDialog", "this computer only (127.0.0.1)")),
        (EVERY_INTERFACE, translate("FeedDialog", "every network interface (0.0.0.0)")),
    ]
    for address in QNetworkInterface.allAddresses():
        if address.protocol() != QHostAddress.IPv4Protocol or address.isLoopback():
            continue
        text = address.toString()
        out.append((text, text))
    return out


class FeedDialog(QDialog):
    """See the module docstring; `choice()` after OK."""

    def __init__(self, settings: LiveSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(translate("FeedDialog", "Connect to a live feed"))
        self.kind = QComboBox()
        for key, title in kind_titles().items():
            self.kind.addItem(title, key)
        self.host = QLineEdit(LOOPBACK)
        self.host_label = QLabel()
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.interface = QComboBox()
        for address, title in interfaces():
            self.interface.addItem(title, address)
        self.interface.setToolTip(
            translate(
                "FeedDialog",
                "Where a listening feed accepts data from. Other computers can send to it only "
                "when you choose an interface other than this computer.",
            )
        )
        self.zone = QComboBox()
        self.zone.addItem(translate("FeedDialog", "work it out from the first messages"), "")
        for name, key in TIME_ZONES:
            self.zone.addItem(f"{name} ({key})", key)
        self.zone.setToolTip(
            translate("FeedDialog", "SBS-1 times are the receiver's local clock: its time zone")
        )
        self.ref = QLineEdit()
        self.ref.setPlaceholderText(translate("FeedDialog", "latitude, longitude (optional)"))
        self.ref.setToolTip(
            translate(
                "FeedDialog",
                "The receiver's position, to decode a position from a single Beast message "
                "(by default the middle of Taiwan)",
            )
        )
        self.endpoint = QLineEdit()
        self.endpoint.setPlaceholderText("https://opensky-network.org/api/states/all")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.Password)
        self.remember = QCheckBox(
            translate("FeedDialog", "Keep the password in the system keyring")
        )
        why = keyring_status()
        if why:
            self.remember.setEnabled(False)
            self.remember.setToolTip(
                translate("FeedDialog", "No keyring: the password is asked each time ({why})")
                .format(why=why)
            )  # fmt: skip
        self.poll = QDoubleSpinBox()
        self.poll.setRange(1.0, 3600.0)
        self.poll.setValue(10.0)
        self.poll.setSuffix(" s")
        self.url = QLineEdit()
        self.url.setToolTip(translate("FeedDialog", "The feed's address: the form writes it"))
        self.problem = QLabel()
        self.problem.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.problem.setWordWrap(True)

        self.recent = QListWidget()
        self.recent.addItems(settings.feeds)
        self.recent.setMaximumHeight(90)
        self.recent.itemClicked.connect(lambda item: self.url.setText(item.text()))
        self.recent.itemDoubleClicked.connect(lambda item: (self.url.setText(item.text()),
                                                            self._on_accept()))  # fmt: skip
        self.record = QCheckBox(translate("FeedDialog", "Record every message"))
        self.record.setChecked(settings.record)
        self.folder = QLabel(str(settings.record_dir))
        self.folder.setTextInteractionFlags(Qt.TextSelectableByMouse)
        change = QPushButton(translate("FeedDialog", "Change…"))
        change.clicked.connect(self._choose_folder)

        self.form = QFormLayout()
        self.form.addRow(translate("FeedDialog", "Kind"), self.kind)
        self.form.addRow(self.host_label, self.host)
        self.form.addRow(translate("FeedDialog", "Port"), self.port)
        self.form.addRow(translate("FeedDialog", "Listen on"), self.interface)
        self.form.addRow(translate("FeedDialog", "Receiver clock"), self.zone)
        self.form.addRow(translate("FeedDialog", "Receiver position"), self.ref)
        self.form.addRow(translate("FeedDialog", "Address"), self.endpoint)
        self.form.addRow(translate("FeedDialog", "User name"), self.user)
        self.form.addRow(translate("FeedDialog", "Password"), self.password)
        self.form.addRow("", self.remember)
        self.form.addRow(translate("FeedDialog", "Or a token"), self.token)
        self.form.addRow(translate("FeedDialog", "Ask every"), self.poll)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(change)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(translate("FeedDialog", "Connect"))
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(QLabel(translate("FeedDialog", "Feed URL")))
        layout.addWidget(self.url)
        layout.addWidget(self.problem)
        if settings.feeds:
            layout.addWidget(QLabel(translate("FeedDialog", "Connected before")))
            layout.addWidget(self.recent)
        layout.addWidget(self.record)
        layout.addLayout(folder_row)
        layout.addWidget(buttons)

        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        for edit in (self.host, self.ref, self.endpoint, self.user):
            edit.textEdited.connect(self._write_url)
        for combo in (self.interface, self.zone):
            combo.currentIndexChanged.connect(self._write_url)
        self.port.valueChanged.connect(self._write_url)
        self.poll.valueChanged.connect(self._write_url)
        self._on_kind_changed()
        if settings.feeds:
            self.url.setText(settings.feeds[0])

    # ------------------------------------------------------------------ the form
    def set_kind(self, key: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(key))

    def _on_kind_changed(self, *_: object) -> None:
        key = self.kind.currentData()
        _, port, host_role = KINDS[key]
        self.port.blockSignals(True)
        self.port.setValue(port)
        self.port.blockSignals(False)
        titles = {
            "connect": translate("FeedDialog", "Host"),
            "listen": translate("FeedDialog", "Listen on"),
            "group": translate("FeedDialog", "Multicast group"),
        }
        if host_role == "group":
            self.host.setText(COT_GROUP)
        elif host_role == "connect" and self.host.text() in ("", COT_GROUP):
            self.host.setText(LOOPBACK)
        self.host_label.setText(titles.get(host_role, ""))
        shown = {
            self.host: host_role in ("connect", "group"),
            self.port: host_role != "url",
            self.interface: host_role in ("listen", "group"),
            self.zone: key == "sbs",
            self.ref: key == "beast",
            self.endpoint: key == "json",
            self.user: key == "json",
            self.password: key == "json",
            self.remember: key == "json",
            self.token: key == "json",
            self.poll: key == "json",
        }
        for widget, visible in shown.items():
            self.form.setRowVisible(widget, visible)
        self._write_url()

    def _write_url(self, *_: object) -> None:
        key = self.kind.currentData()
        scheme, _, host_role = KINDS[key]
        port = self.port.value()
        options: list[str] = []
        if key == "json":
            address = self.endpoint.text().strip() or "https://opensky-network.org/api/states/all"
            if "://" not in address:
                address = "https://" + address
            user = self.user.text().strip()
            if user:
                scheme_part, rest = address.split("://", 1)
                address = f"{scheme_part}://{quote(user, safe='')}@{rest}"
            self.url.setText(f"{address}#poll={self.poll.value():g}")
            return
        if host_role == "listen":
            host = self.interface.currentData()
        else:
            host = self.host.text().strip() or LOOPBACK
        if host_role == "group" and self.interface.currentData() != LOOPBACK:
            options.append(f"iface={self.interface.currentData()}")
        if key == "sbs" and self.zone.currentData():
            options.append(f"tz={self.zone.currentData()}")
        if key == "beast" and self.ref.text().strip():
            options.append("ref=" + self.ref.text().replace(" ", ""))
        host = f"[{host}]" if ":" in host else host
        query = ("?" + "&".join(options)) if options else ""
        self.url.setText(f"{scheme}://{host}:{port}{query}")

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, translate("FeedDialog", "Record the feeds in"), str(self.settings.record_dir)
        )
        if folder:
            self.folder.setText(folder)

    # ------------------------------------------------------------------ the answer
    def _on_accept(self) -> None:
        url = self.url.text().strip()
        try:
            parse_source(url)
        except ValueError as exc:
            self.problem.setText(str(exc))
            return
        self.settings.record = self.record.isChecked()
        self.settings.record_dir = Path(self.folder.text())
        self.settings.save()
        self.accept()

    def choice(self) -> FeedChoice:
        json_kind = self.url.text().strip().lower().startswith(("http://", "https://"))
        return FeedChoice(
            url=self.url.text().strip(),
            password=(self.password.text() or None) if json_kind else None,
            token=(self.token.text() or None) if json_kind else None,
            remember_password=json_kind and self.remember.isChecked(),
        )
