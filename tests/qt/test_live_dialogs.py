"""The live feeds' dialogs: Connect to feed (a form per kind writing the URL, listening on this
computer unless told, feeds remembered without passwords), Live alerts (rules by zone, kind,
event and side; kept in the settings) and what the rule does to the notices."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QSettings

from tests.qt.live_helpers import forget_live_settings
from viewer.core.live_alerts import Alert, AlertRule
from viewer.io.live.sources import parse_source
from viewer.qt.alert_rules_dialog import AlertRulesDialog
from viewer.qt.app_settings import ORG_NAME
from viewer.qt.feed_dialog import FeedDialog
from viewer.qt.live_alert_words import alert_text, behind_words
from viewer.qt.live_settings import FEEDS_KEY, RULE_KEY, LiveSettings, strip_password


@pytest.fixture(autouse=True)
def fresh_settings():
    forget_live_settings()
    yield
    forget_live_settings()


@pytest.fixture
def settings(window, tmp_path):
    s = LiveSettings.load()
    s.record_dir = tmp_path / "rec"
    return s


def choose(dialog: FeedDialog, kind: str) -> None:
    dialog.set_kind(kind)


@pytest.mark.parametrize(
    ("kind", "url"),
    [
        ("sbs", "sbs://127.0.0.1:30003"),
        ("beast", "beast://127.0.0.1:30005"),
        ("nmea_udp", "nmea+udp://127.0.0.1:10110"),
        ("nmea_tcp", "nmea+tcp://127.0.0.1:10110"),
        ("cot_udp", "cot+udp://239.2.3.1:6969"),
        ("cot_tcp", "cot+tcp://127.0.0.1:8087"),
        ("json", "https://opensky-network.org/api/states/all#poll=10"),
    ],
)
def test_each_kind_writes_a_url_the_feeds_understand(qtbot, settings, kind, url):
    dialog = FeedDialog(settings)
    qtbot.addWidget(dialog)
    choose(dialog, kind)
    assert dialog.url.text() == url
    spec = parse_source(dialog.url.text())
    if spec.listens:  # a listening socket: this computer only unless the user picks
        assert spec.interface == "127.0.0.1"


def test_the_form_options_go_into_the_url(qtbot, settings):
    dialog = FeedDialog(settings)
    qtbot.addWidget(dialog)
    choose(dialog, "sbs")
    dialog.host.setText("receiver.local")
    dialog.host.textEdited.emit("receiver.local")
    dialog.port.setValue(30103)
    dialog.zone.setCurrentIndex(dialog.zone.findData("Asia/Taipei"))
    assert dialog.url.text() == "sbs://receiver.local:30103?tz=Asia/Taipei"
    choose(dialog, "nmea_udp")
    dialog.interface.setCurrentIndex(dialog.interface.findData("0.0.0.0"))
    assert dialog.url.text() == "nmea+udp://0.0.0.0:10110"
    assert parse_source(dialog.url.text()).interface == "0.0.0.0"
    choose(dialog, "beast")
    dialog.ref.setText("25.03, 121.56")
    dialog.ref.textEdited.emit("25.03, 121.56")
    assert parse_source(dialog.url.text()).ref == (25.03, 121.56)


def test_json_credentials_stay_out_of_the_url_and_the_settings(qtbot, settings):
    dialog = FeedDialog(settings)
    qtbot.addWidget(dialog)
    choose(dialog, "json")
    dialog.endpoint.setText("https://example.org/api/states/all")
    dialog.endpoint.textEdited.emit("")
    dialog.user.setText("teacher")
    dialog.user.textEdited.emit("teacher")
    dialog.password.setText("s3cret")
    choice = dialog.choice()
    assert choice.url == "https://teacher@example.org/api/states/all#poll=10"
    assert choice.password == "s3cret" and "s3cret" not in choice.url
    settings.remember("https://teacher:s3cret@example.org/api/states/all#poll=5")
    stored = QSettings(ORG_NAME, ORG_NAME).value(FEEDS_KEY)
    assert "s3cret" not in str(stored)
    assert LiveSettings.load().feeds[0] == "https://teacher@example.org/api/states/all#poll=5"


def test_a_bad_url_keeps_the_dialog_open_and_says_why(qtbot, settings):
    dialog = FeedDialog(settings)
    qtbot.addWidget(dialog)
    dialog.url.setText("sbs://:30003")
    dialog._on_accept()
    assert dialog.result() != FeedDialog.Accepted
    assert "give the host" in dialog.problem.text()


def test_remembered_feeds_are_offered_first(qtbot, settings):
    settings.remember("cot+udp://239.2.3.1:6969")
    settings.remember("sbs://10.0.0.5:30003?tz=UTC")
    dialog = FeedDialog(LiveSettings.load())
    qtbot.addWidget(dialog)
    assert dialog.url.text() == "sbs://10.0.0.5:30003?tz=UTC"
    assert [dialog.recent.item(i).text() for i in range(dialog.recent.count())] == [
        "sbs://10.0.0.5:30003?tz=UTC",
        "cot+udp://239.2.3.1:6969",
    ]


def test_strip_password_keeps_the_options():
    assert strip_password("https://a:b@h/p#poll=5") == "https://a@h/p#poll=5"
    assert strip_password("sbs://h:30003?tz=UTC") == "sbs://h:30003?tz=UTC"


def test_alert_rules_are_chosen_and_kept(qtbot, window):
    dialog = AlertRulesDialog(window.state.catalog, window.state.naming, AlertRule(), "off")
    qtbot.addWidget(dialog)
    dialog.set_ticked(dialog.zones, {"taiwan_adiz"})
    dialog.set_ticked(dialog.kinds, {"fighter", "bomber"})
    dialog.set_ticked(dialog.events, {"entry", "crossing"})
    dialog.sound_combo.setCurrentIndex(dialog.sound_combo.findData("beep"))
    rule = dialog.rule()
    assert rule == AlertRule(
        zones=frozenset({"taiwan_adiz"}),
        kinds=frozenset({"fighter", "bomber"}),
        events=frozenset({"entry", "crossing"}),
    )
    window.live.set_rule(rule, dialog.sound())
    assert "taiwan_adiz" in str(QSettings(ORG_NAME, ORG_NAME).value(RULE_KEY))
    again = LiveSettings.load()
    assert again.rule == rule and again.sound == "beep"
    # every box ticked is the same as none: any
    dialog.set_ticked(dialog.events, {"entry", "exit", "crossing"})
    assert dialog.rule().events is None


def alert(event="entry", kind="fighter", zone="taiwan_adiz", side="") -> Alert:
    return Alert(
        time=1633327383.0, track_id="780a01", kind=kind, callsign="CES2185", affiliation="",
        zone_id=zone, zone_title=zone, event=event, side=side, lon=121.0, lat=23.0,
        seconds_inside=float("nan"), at_track_start=False, approximate=False,
        received=time.time(),
    )  # fmt: skip


def test_the_rule_chooses_the_notices_and_the_table_lists_every_event(qtbot, window):
    window.live.set_rule(AlertRule(kinds=frozenset({"fighter"})))
    window.session.live.events.emit("alerts", [alert(kind="transport"), alert(kind="fighter")])
    assert [t.text for t in window.live.toasts.toasts] == [
        "CES2185 (fighter) entered Taiwan ADIZ at 06:03:03 UTC"
    ]
    panel = window.zone_events.events_panel
    qtbot.waitUntil(lambda: len(panel.all_events) == 2, timeout=5_000)
    assert panel.all_events["live"].all()


def test_alerts_and_the_live_button_in_words():
    assert alert_text(alert()) == "CES2185 (fighter) entered Taiwan ADIZ at 06:03:03 UTC"
    assert alert_text(alert(event="exit", kind="unknown")) == (
        "CES2185 left Taiwan ADIZ at 06:03:03 UTC"
    )
    crossing = alert(event="crossing", zone="median_line", side="east")
    assert alert_text(crossing) == (
        "CES2185 (fighter) crossed Taiwan Strait median line to the east at 06:03:03 UTC"
    )
    assert behind_words(12.4) == "−12 s"
    assert behind_words(300) == "−5 min"
    assert behind_words(3900) == "−1 h 05 min"


def test_the_feed_option_opens_the_window_connected(monkeypatch):
    from viewer import app
    from viewer.qt import main_window

    seen = {}
    monkeypatch.setattr(
        main_window, "run_app", lambda files, language=None, feeds=None: seen.update(feeds=feeds)
    )
    app.main(["--feed", "sbs://127.0.0.1:30003", "--feed", "cot+udp://239.2.3.1:6969"])
    assert seen["feeds"] == ["sbs://127.0.0.1:30003", "cot+udp://239.2.3.1:6969"]
