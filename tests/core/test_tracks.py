"""`TrackSet.from_frame`: the readers' categorical tables (their fast paths) freeze exactly as
plain text tables do, whatever the order of rows and categories."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.tracks import TrackSet

IDS = ["A", "B", "C10", "C9", "Zed", "ä"]


def _frame(ids: list[str], seconds: list[int]) -> pd.DataFrame:
    n = len(ids)
    return pd.DataFrame(
        {
            "track_id": pd.Series(ids, dtype=object),
            "time": pd.to_datetime(np.array(seconds, dtype=np.int64), unit="s", utc=True),
            "lon": np.linspace(119.0, 123.0, n),
            "lat": np.linspace(21.0, 26.0, n),
            "kind": pd.Series(["fighter" if i % 2 else "ship" for i in range(n)], dtype=object),
        }
    )


def _same(a: TrackSet, b: TrackSet) -> None:
    assert list(a.ids) == list(b.ids)
    for name in ("offsets", "t", "lon", "lat", "x", "y"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name), err_msg=name)
    assert list(a.kinds) == list(b.kinds)


rows = st.lists(
    st.tuples(st.sampled_from(IDS), st.integers(0, 10_000)),
    min_size=1,
    max_size=40,
    unique=True,
)


@settings(max_examples=150, deadline=None)
@given(rows=rows, extra=st.lists(st.sampled_from(["Q", "0", "zz"]), max_size=3), data=st.data())
def test_categorical_ids_freeze_like_text_in_any_order(rows, extra, data):
    ids = [i for i, _ in rows]
    seconds = [s for _, s in rows]
    plain = _frame(ids, seconds)
    # categories in any order, some never used (a reader's table after dropped rows)
    used = sorted(set(ids))
    cats = data.draw(st.permutations(sorted(set(used) | set(extra))))
    categorical = plain.assign(
        track_id=pd.Categorical(ids, categories=cats),
        kind=pd.Categorical(plain["kind"]),
    )
    _same(TrackSet.from_frame(categorical), TrackSet.from_frame(plain))


@settings(max_examples=100, deadline=None)
@given(rows=rows)
def test_a_sorted_table_freezes_like_its_shuffled_rows(rows):
    rows = sorted(rows)  # grouped by id in text order, times rising: no sort needed
    ids = [i for i, _ in rows]
    frame = _frame(ids, [s for _, s in rows]).assign(
        track_id=lambda f: pd.Categorical(f["track_id"], categories=sorted(set(ids)))
    )
    shuffled = frame.sample(frac=1.0, random_state=len(rows)).reset_index(drop=True)
    fast, slow = TrackSet.from_frame(frame), TrackSet.from_frame(shuffled)
    _same(fast, slow)
    assert fast.offsets[-1] == len(rows)
    assert (np.diff(fast.offsets) > 0).all()  # every id a track of its own


def test_freezing_does_not_share_memory_with_the_table():
    frame = _frame(["A", "A", "B"], [0, 10, 5])
    ts = TrackSet.from_frame(frame.assign(track_id=pd.Categorical(frame["track_id"])))
    for column, values in (("lon", ts.lon), ("lat", ts.lat)):
        assert not np.shares_memory(values, frame[column].to_numpy())
