"""The README's library example runs and prints what it says."""

import doctest
from pathlib import Path


def test_readme_example_runs_as_written():
    readme = Path(__file__).resolve().parent.parent / "README.md"
    result = doctest.testfile(str(readme), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 5
    assert result.failed == 0
