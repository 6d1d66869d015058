"""ruff finds nothing in the project's Python (rules in pyproject.toml)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_reports_no_problem():
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--output-format", "concise", "py", "tests", "tools", "bench"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
