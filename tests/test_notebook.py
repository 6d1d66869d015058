"""livecells.notebook: a page's model as a notebook and as a percent-format script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from livecells import notebook
from livecells.runner import new_namespace, run_cell

ROOT = Path(__file__).resolve().parents[1]
SITE_URL = "https://course.example/"

MARKDOWN = r"""# Demo

The area is \(\pi r^2\), not `\(code\)`.

\[
W = \sum_i x_i
\]

```python live hidden
from clusterlab.plot import scatter
```

See [K-means](kmeans.md#the-algorithm) and [Home](index.md) and [PyPI](https://pypi.org/).

![Two clusters of points](../assets/two.svg)

```python live
print("hello")
6 * 7
```

??? question "Why \(K\)?"
    Because \(K\) is chosen.

!!! note
    A note.

```python
\(not math\)
```

```python live
scatter([[0, 0], [1, 1]], [0, 1])
```

```python live expect_error
1 / 0
```
"""


def model_of(markdown: str = MARKDOWN) -> dict:
    """Run the page's cells like the build does and make its model."""
    ns = new_namespace()
    cells = []
    for source, options in (p for p in notebook.split_live_fences(markdown) if isinstance(p, tuple)):
        result = run_cell(source, ns)
        cells.append({"source": source, "hidden": "hidden" in options, "expect_error": "expect_error" in options,
                      "error": result.error, "outputs": result.items})
    return notebook.page_model("Demo", "sub/demo.md", "sub/demo/", markdown, cells, "downloads/w.whl")


@pytest.fixture(scope="module")
def model():
    return model_of()


def test_split_keeps_text_and_cells_in_order(model):
    kinds = [s["type"] for s in model["segments"]]
    assert kinds == ["markdown", "code", "markdown", "code", "markdown", "code", "code"]
    assert [s["index"] for s in model["segments"] if s["type"] == "code"] == [1, 2, 3, 4]
    assert model["segments"][1]["hidden"] and model["segments"][6]["expect_error"]


def test_runner_items_are_the_outputs_behind_the_html(model):
    cell = model["segments"][3]
    assert cell["outputs"] == [["stdout", "hello\n"], ["result", "42"]]
    kind, svg = model["segments"][5]["outputs"][0]
    assert kind == "svg" and svg.startswith("<svg")
    assert model["segments"][6]["error"] == "ZeroDivisionError"


def test_markdown_math_stays_tex_outside_code():
    md = notebook.jupyter_markdown(MARKDOWN.split("```python live hidden")[0], "demo.md", SITE_URL)
    assert r"The area is $\pi r^2$, not `\(code\)`." in md
    assert "$$\nW = \\sum_i x_i\n$$" in md
    fenced = notebook.jupyter_markdown("```python\n\\(not math\\)\n```", "demo.md", SITE_URL)
    assert fenced == "```python\n\\(not math\\)\n```"


def test_markdown_links_images_and_blocks():
    md = notebook.jupyter_markdown(
        "[K-means](kmeans.md#the-algorithm), [Home](index.md), [PyPI](https://pypi.org/), [here](#x)\n\n"
        "![Two clusters of points](../assets/two.svg)\n\n"
        '??? question "Why \\(K\\)?"\n    Because \\(K\\) is chosen.\n\n!!! note\n    A note.\n\n'
        '=== "Python"\n    tab text',
        "sub/demo.md", SITE_URL,
    )
    assert f"[K-means]({SITE_URL}sub/kmeans/#the-algorithm)" in md
    assert f"[Home]({SITE_URL}sub/)" in md
    assert "[PyPI](https://pypi.org/)" in md and "[here](#x)" in md
    assert f"![Two clusters of points]({SITE_URL}assets/two.svg)" in md  # the alt text stays
    assert "<details><summary>Why $K$?</summary>\n\nBecause $K$ is chosen.\n\n</details>" in md
    assert "> **Note**\n>\n> A note." in md
    hint = notebook.jupyter_markdown('??? tip "Hint for `a < b`"\n\n    Compare.')
    assert hint == "<details><summary>Hint for <code>a &lt; b</code></summary>\n\nCompare.\n\n</details>"
    assert "**Python**\n\ntab text" in md
    assert "    " not in md  # no indented block left over to show as code


def test_notebook_is_valid_nbformat_with_setup_first(model):
    text = notebook.to_notebook(model, SITE_URL)
    nb = nbformat.reads(text, as_version=4)
    nbformat.validate(nb)
    setup = nb.cells[1]
    assert setup.cell_type == "code" and "import clusterlab" in setup.source
    assert f"%pip install {SITE_URL}downloads/w.whl" in setup.source
    assert nb.cells[0].source == f"*Demo*, a lesson of the clusterlab course: {SITE_URL}sub/demo/"
    assert text == notebook.to_notebook(model, SITE_URL)  # deterministic


def test_notebook_cells_and_outputs(model):
    nb = nbformat.reads(notebook.to_notebook(model, SITE_URL), as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"][1:]
    hidden = code[0]
    assert hidden.source == "from clusterlab.plot import scatter" and hidden.metadata == {}
    assert [o.output_type for o in code[1].outputs] == ["stream", "execute_result"]
    assert code[1].outputs[0].text == "hello\n" and code[1].outputs[1].data["text/plain"] == "42"
    assert code[1].outputs[1].execution_count == code[1].execution_count == 2
    assert code[2].outputs[0].data["image/svg+xml"].startswith("<svg")
    error = code[3].outputs[0]
    assert error.output_type == "error" and error.ename == "ZeroDivisionError" and error.evalue == "division by zero"
    assert code[3].metadata.tags == ["raises-exception"]
    markdown = "".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert r"$\pi r^2$" in markdown and "```python live" not in markdown


def test_notebook_carries_edits_without_stale_outputs(model):
    nb = nbformat.reads(notebook.to_notebook(model, SITE_URL, {2: "print('mine')"}), as_version=4)
    edited = next(c for c in nb.cells if c.get("id") == "cell-2")
    assert edited.source == "print('mine')" and edited.outputs == [] and edited.execution_count is None
    assert edited.metadata.clusterlab.edited
    unchanged = next(c for c in nb.cells if c.get("id") == "cell-3")
    assert unchanged.outputs  # other cells keep their outputs


def test_script_percent_format(model, tmp_path):
    script = notebook.to_script(model, SITE_URL, {"2": "print('mine')"})
    assert script.startswith(f"# %% [markdown]\n# *Demo*, a lesson of the clusterlab course: {SITE_URL}sub/demo/\n")
    assert "\n# %%\nprint('mine')\n" in script and 'print("hello")' not in script
    assert f'print("    pip install {SITE_URL}downloads/w.whl")' in script
    assert "# The area is $\\pi r^2$" in script
    assert script.count("# %%\n") == 1 + 4  # the setup cell, then the page's four cells
    body = [line for line in script.split("\n") if line and not line.startswith("#")]
    assert body  # code outside comments
    path = tmp_path / "demo.py"
    path.write_text(script)
    env = {"PYTHONPATH": str(ROOT / "py"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "mine\nZeroDivisionError: division by zero\n"  # the error cell, and on to the end
    assert "# This cell raises an error on purpose.\ntry:\n    1 / 0\nexcept Exception as error:" in script


def test_script_without_clusterlab_prints_the_pip_line(model, tmp_path):
    path = tmp_path / "demo.py"
    path.write_text(notebook.to_script(model, SITE_URL))
    done = subprocess.run([sys.executable, "-I", "-S", str(path)], capture_output=True, text=True)
    assert done.returncode == 1
    assert f"pip install {SITE_URL}downloads/w.whl" in done.stdout


def test_convert_is_what_the_browser_calls(model):
    edits = json.dumps({"2": "x = 1"})
    assert notebook.convert(json.dumps(model), "py", SITE_URL, edits) == notebook.to_script(model, SITE_URL, {2: "x = 1"})
    assert notebook.convert(json.dumps(model), "ipynb", SITE_URL) == notebook.to_notebook(model, SITE_URL)


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda m: notebook.convert(json.dumps(m), "pdf", SITE_URL), ValueError, "'ipynb' or 'py'"),
        (lambda m: notebook.to_notebook({"format": 0}, SITE_URL), ValueError, "make build"),
        (lambda m: notebook.to_script(m, "https://no-slash"), ValueError, "ending in '/'"),
        (lambda m: notebook.to_script(m, SITE_URL, {1: 5}), TypeError, "edited code"),
        (lambda m: notebook.split_live_fences(None), TypeError, "Markdown as a str"),
        (lambda m: notebook.wheel_path("latest"), ValueError, "0.1.0"),
        (lambda m: notebook.page_model("T", "t.md", "t/", "```python live\nx\n```\n", [], "w"), ValueError,
         "1 live fence"),
    ],
)
def test_bad_input_says_what_to_do(model, call, error, words):
    with pytest.raises(error, match=words.replace("(", r"\(").replace(".", r"\.")):
        call(model)
