"""Shared test settings.

Hypothesis runs derandomized, so `make test` explores the same examples on every
machine and a red CI run can be reproduced exactly; set HYPOTHESIS_PROFILE=explore
to search with fresh random examples while developing.
"""

import fcntl
import os
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("repeatable", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("explore", deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


# The wheels the course's data files were made from (tools/make_datasets.py):
# downloaded from PyPI once into build/wheels/ (kept out of git), or named by
# $ISLP_WHEEL / $SKIMAGE_WHEEL, so the tests that compare with them always run.
WHEELS = Path(__file__).resolve().parents[1] / "build" / "wheels"


def source_wheel(project: str, version: str, env: str) -> Path:
    import make_datasets  # tools/ is on pytest's pythonpath

    named = os.environ.get(env)
    if named and Path(named).exists():
        return Path(named)
    stem = project.replace("-", "_").lower()
    WHEELS.mkdir(parents=True, exist_ok=True)
    # Test processes run side by side (pytest -n): one downloads, the others wait for it.
    with open(WHEELS / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        kept = [w for w in WHEELS.glob("*.whl") if w.name.lower().startswith(f"{stem}-{version}-")]
        if kept:
            return kept[0]
        return make_datasets.wheel_of(project, version, None, str(WHEELS))


@pytest.fixture(scope="session")
def islp_wheel() -> Path:
    import make_datasets

    return source_wheel("islp", make_datasets.ISLP_VERSION, "ISLP_WHEEL")


@pytest.fixture(scope="session")
def skimage_wheel() -> Path:
    import make_datasets

    return source_wheel("scikit-image", make_datasets.SKIMAGE_VERSION, "SKIMAGE_WHEEL")
