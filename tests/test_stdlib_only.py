"""clusterlab and the cell runner import and work with numpy, scipy and PIL blocked,
as in Pyodide where they do not exist."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = r"""
import importlib, pkgutil, sys

class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"numpy", "scipy", "sklearn", "PIL", "pandas", "matplotlib"}:
            raise ImportError(f"{name} is blocked in this test")

sys.meta_path.insert(0, Block())
sys.path.insert(0, sys.argv[1])
import clusterlab, livecells.runner
names = [m.name for m in pkgutil.iter_modules(clusterlab.__path__) if m.name != "__main__"]
for name in names:
    importlib.import_module(f"clusterlab.{name}")
from clusterlab.distance import pdist
assert [round(d, 3) for d in pdist([[1, 1], [2, 1], [4, 5]])] == [1.0, 5.0, 4.472]
print("ok", sorted(names))
"""


def test_library_runs_with_numpy_scipy_and_pillow_blocked():
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT / "py")], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok")
    assert "distance" in done.stdout
