"""Published count tables read into the reported daily counts: the Taiwan ADIZ Violations
Database's daily totals, the ROC MND daily report figures (tests/data/counts, see
tests/data/README.md), and any other table through a column mapping."""

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.counts import ReportedCount
from viewer.io.report import TrackImportError
from viewer.io.reported_counts import (
    LAYOUT_ADIZ_DB,
    LAYOUT_MND,
    MEDIAN_LINE,
    CountsLayoutUnknown,
    CountsMapping,
    column_meaning,
    import_reported_counts,
    parse_day,
    read_count_table,
    recognise,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "counts"
OCT4 = date(2021, 10, 4)


def by_day_kind(counts):
    return {(c.date, c.kind): c.count for c in counts}


def test_adiz_database_daily_totals() -> None:
    imported = import_reported_counts(DATA / "adiz_database_daily_totals.csv", default_source="DB")
    assert imported.layout == LAYOUT_ADIZ_DB
    got = by_day_kind(imported.counts)
    # 10/4/2021 is 4 October (month/day/year, as the sheet writes it): 56 aircraft (S9)
    assert sum(n for (d, _), n in got.items() if d == OCT4) == 56
    assert got[(OCT4, "fighter")] == 40 and got[(OCT4, "bomber")] == 12
    assert got[(OCT4, "isr")] == 4
    assert got[(date(2021, 10, 1), "transport")] == 2
    assert got[(date(2021, 10, 5), "isr")] == 1  # empty cells: nothing of that kind
    assert {c.source for c in imported.counts} == {"DB"}
    assert "dates read as month/day/year" in imported.notes


def test_mnd_daily_report_figures() -> None:
    imported = import_reported_counts(DATA / "mnd_daily_report.csv")
    assert imported.layout == LAYOUT_MND
    got = by_day_kind(imported.counts)
    assert got[(OCT4, "fighter")] == 40  # J-16 38 + Su-30 2
    assert got[(OCT4, "isr")] == 4  # KJ-500 2 + Y-8 ASW 2
    assert got[(OCT4, "bomber")] == 12  # H-6K
    new_year = date(2023, 12, 31)
    assert got[(new_year, "ship")] == 6  # PLAN vessels
    assert got[(new_year, "unknown")] == 2  # total 9, by type 7: the rest said as unknown
    assert [(f.date, f.what, f.count) for f in imported.figures] == [
        (new_year, MEDIAN_LINE, 5),
        (new_year, "balloons", 1),
    ]
    assert any("exceeds" in n for n in imported.notes)


@pytest.mark.parametrize(
    ("header", "meaning"),
    [
        ("J-16", "fighter"),
        ("Su-30", "fighter"),
        ("H-6K", "bomber"),
        ("KJ-500", "isr"),
        ("Y-8 ASW", "isr"),
        ("Fighters", "fighter"),
        ("Transport/Tanker", "transport"),
        ("Crossed median line", MEDIAN_LINE),
        ("PLAN vessels", "ship"),
        ("Official ships", "ship"),
        ("Total", "total"),
        ("Notes", None),
    ],
)
def test_column_headers_say_what_they_count(header: str, meaning: str | None) -> None:
    assert column_meaning(header) == meaning


@settings(max_examples=40, deadline=None)
@given(order=st.permutations(range(8)), extra=st.booleans())
def test_column_order_and_unrelated_columns_do_not_change_the_counts(order, extra) -> None:
    import tempfile

    lines = (DATA / "adiz_database_daily_totals.csv").read_text(encoding="utf-8").splitlines()
    rows = [line.split(",") for line in lines]
    shuffled = [[r[i] for i in order] + (["note"] if extra else []) for r in rows]
    if extra:
        shuffled[0][-1] = "Notes"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "c.csv"
        path.write_text("\n".join(",".join(r) for r in shuffled) + "\n", encoding="utf-8")
        got = by_day_kind(import_reported_counts(path).counts)
    expected = by_day_kind(import_reported_counts(DATA / "adiz_database_daily_totals.csv").counts)
    assert got == expected


def test_an_unknown_layout_is_mapped_by_hand(tmp_path: Path) -> None:
    path = tmp_path / "counts.csv"
    path.write_text("Tag;Flugzeuge;Typ;Quelle\n04.10.2021;38;J-16;MND\n04.10.2021;12;H-6K;\n")
    with pytest.raises(CountsLayoutUnknown, match="map the columns by hand") as err:
        import_reported_counts(path)
    assert err.value.table.header == ["Tag", "Flugzeuge", "Typ", "Quelle"]
    mapping = CountsMapping(
        date_column=0,
        kind_column=2,
        count_column=1,
        source_column=3,
        date_order="dmy",
        default_source="typed",
    )
    imported = import_reported_counts(path, mapping)
    assert imported.counts == [
        ReportedCount(OCT4, "fighter", 38, "MND"),
        ReportedCount(OCT4, "bomber", 12, "typed"),
    ]


def test_a_wide_table_mapped_by_hand(tmp_path: Path) -> None:
    path = tmp_path / "w.csv"
    path.write_text("when,a,b\n2021-10-04,3,1\n")
    table = read_count_table(path)
    assert recognise(table) is None
    mapping = CountsMapping(0, count_columns=((1, "uav"), (2, MEDIAN_LINE)))
    imported = import_reported_counts(path, mapping)
    assert imported.counts == [ReportedCount(OCT4, "uav", 3, "")]
    assert [(f.what, f.count) for f in imported.figures] == [(MEDIAN_LINE, 1)]


def test_bad_cells_name_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("Date,Fighter,Bomber\n10/4/2021,x,1\n13/13/2021,1,1\n")
    with pytest.raises(TrackImportError, match=r"2 row.*line 2: 'Fighter' 'x'.*line 3: date"):
        import_reported_counts(path)


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("2021-10-04", "ymd", OCT4),
        ("2021/10/04", "ymd", OCT4),
        ("10/4/2021", "mdy", OCT4),
        ("4/10/2021", "dmy", OCT4),
    ],
)
def test_dates_as_written(text: str, order: str, expected: date) -> None:
    assert parse_day(text, order) == expected


def test_slashed_dates_are_not_guessed_without_an_order() -> None:
    with pytest.raises(ValueError):
        parse_day("10/4/2021", "ymd")
