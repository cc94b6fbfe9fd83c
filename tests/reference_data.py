"""Where the tests find the published reference (``shared/`` beside the repository, as in CI)."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
POINTS_CSV = SHARED / "reference" / "points.csv"


def points_csv() -> Path:
    if not POINTS_CSV.exists():
        raise FileNotFoundError(
            f"{POINTS_CSV} is missing: the tests check the layers against the published "
            "reference, which lives in shared/ beside this repository"
        )
    return POINTS_CSV
