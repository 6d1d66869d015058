"""Every page's notebook, from the built site: valid, and run in Jupyter (nbclient,
ipykernel) against the site's wheel installed with pip, it gives the page's outputs.

These read site/ (``make build``), so they carry the e2e mark (pytest's ``-m "not e2e"``,
``make test-unit``, leaves them out), though no browser is involved.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from livecells import notebook

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"
SITE_URL = "http://127.0.0.1:8000/"  # any address: the notebooks must not need it when clusterlab is there
pytestmark = pytest.mark.e2e


def models() -> list[Path]:
    if not (SITE / "index.html").exists():
        raise RuntimeError("site/ is not built: run `make build` (or `make test`, which builds first).")
    return sorted(SITE.rglob("notebook.json"))


def pages_with_cells() -> list[str]:
    return sorted(p.parent.relative_to(SITE).as_posix() for p in SITE.rglob("index.html")
                  if 'class="lc-cell"' in p.read_text() and "assets" not in p.parts)


def wheel() -> Path:
    version = json.loads(models()[0].read_text())["wheel"]
    return SITE / version


def test_every_page_with_cells_has_a_model():
    assert pages_with_cells() == sorted(p.parent.relative_to(SITE).as_posix() for p in models())
    assert len(models()) >= 6


def test_wheel_is_pure_python_clusterlab_only():
    names = zipfile.ZipFile(wheel()).namelist()
    assert wheel().name.endswith("-py3-none-any.whl")
    assert "clusterlab/kmeans.py" in names and any(n.startswith("clusterlab/data/") for n in names)
    assert not [n for n in names if n.startswith("livecells/")]  # the build-time machinery stays out
    assert not [n for n in names if n.endswith((".so", ".pyd"))]


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The site's wheel installed with pip into a folder of its own."""
    target = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                    "--target", str(target), str(wheel())], check=True)
    return target


def _normalised(outputs: list) -> list:
    """Outputs as comparable items: streams joined, results by their kind and text."""
    items: list = []
    for out in outputs:
        if out["output_type"] == "stream":
            text = "".join(out["text"]) if isinstance(out["text"], list) else out["text"]
            if items and items[-1][0] == out["name"]:
                items[-1] = (out["name"], items[-1][1] + text)
            else:
                items.append((out["name"], text))
        elif out["output_type"] == "error":
            items.append(("error", out["ename"]))
        else:
            data = out["data"]
            for mime, kind in (("image/svg+xml", "svg"), ("text/html", "html"), ("text/plain", "text")):
                if mime in data:
                    value = data[mime]
                    items.append((kind, "".join(value) if isinstance(value, list) else value))
                    break
    return items


@pytest.mark.parametrize("model_path", models(), ids=lambda p: p.parent.name)
def test_page_notebook_validates_and_runs_to_the_pages_outputs(model_path, installed, monkeypatch, tmp_path):
    model = json.loads(model_path.read_text())
    nb = nbformat.reads(notebook.to_notebook(model, SITE_URL), as_version=4)
    nbformat.validate(nb)
    expected = {c.id: _normalised(c.outputs) for c in nb.cells if c.cell_type == "code"}
    assert any(expected.values()), "the notebook shows the page's outputs before it is run"
    # Where did clusterlab come from?  The pip-installed wheel, first on the path.
    nb.cells.append(nbformat.v4.new_code_cell("print(clusterlab.__file__)", id="where"))
    monkeypatch.setenv("PYTHONPATH", str(installed))
    monkeypatch.setenv("PYTHONHASHSEED", "0")
    client = NotebookClient(nb, kernel_name="python3", timeout=600, resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    assert nb.cells[-1].outputs[0]["text"].startswith(str(installed))
    for cell in nb.cells[1:-1]:
        if cell.cell_type == "code":
            assert _normalised(cell.outputs) == expected[cell.id], f"{model['src']}, {cell.id}"
