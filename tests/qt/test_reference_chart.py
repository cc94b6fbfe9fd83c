"""The published yearly figures: bars coloured by what each year counts, a break where the
definition changes (S9: ADIZ entries to 2023, aircraft around Taiwan from 2024). Pixel probes."""

from PySide6.QtGui import QColor

from viewer.qt.reference_chart import MARGIN_L, MARGIN_R, MARGIN_T, ReferenceWidget


def _grab(qtbot, index):
    w = ReferenceWidget()
    qtbot.addWidget(w)
    w.index = index
    w.resize(900, 260)
    return w, w.grab().toImage()


def test_the_pla_series_shows_its_change_of_definition(qtbot):
    w, img = _grab(qtbot, 0)
    s = w.series[0]
    years = sorted(s.values)
    assert s.breaks() == [2024]
    step = (w.width() - MARGIN_L - MARGIN_R) / len(years)
    colours = w.definition_colours()

    # The 2023 bar (ADIZ entries) and the 2024 bar (around Taiwan) in their definitions' colours.
    def colour(x, y):
        return QColor(img.pixel(int(x), y)).name()

    bottom = img.height() - 30  # up from under the bars to the bottom of the 2023 bar
    while bottom > MARGIN_T and colour(MARGIN_L + 3.5 * step, bottom) != colours["adiz"].name():
        bottom -= 1
    assert bottom > MARGIN_T + 40, "the 2023 bar is drawn in the ADIZ-entries colour"
    bottom -= 3  # clear of the antialiased bottom row
    assert colour(MARGIN_L + 3.5 * step, bottom) == colours["adiz"].name()
    assert colour(MARGIN_L + 4.5 * step, bottom) == colours["around"].name()
    assert colours["adiz"] != colours["around"]
    # The dashed break between them: dark pixels on the boundary between 2023 and 2024.
    x = round(MARGIN_L + 4 * step)
    dark = [
        y
        for y in range(MARGIN_T, bottom)
        if any(QColor(img.pixel(x + dx, y)).lightness() < 80 for dx in (-1, 0, 1))
    ]
    assert len(dark) > 20


def test_a_series_with_one_definition_has_no_break(qtbot):
    w, _ = _grab(qtbot, 1)
    assert w.series[1].breaks() == []
    assert len(w.definition_colours()) == 1
