"""The live-cell machinery: the runner (shared by build and browser) and the fence."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from livecells import fence
from livecells.runner import MAX_TEXT, new_namespace, run_cell

ROOT = Path(__file__).resolve().parent.parent


def test_stdout_and_last_expression_are_shown_in_order():
    r = run_cell("print('a')\nimport sys\nprint('b', file=sys.stderr)\n1 + 1", new_namespace())
    assert r.ok
    assert r.html == (
        '<pre class="lc-out lc-stdout">a\n</pre><pre class="lc-out lc-stderr">b\n</pre>'
        '<pre class="lc-out lc-result">2</pre>'
    )


def test_cells_of_one_session_share_variables_and_sessions_do_not():
    one, two = new_namespace(), new_namespace()
    run_cell("x = 5", one)
    assert run_cell("x * 2", one).html.endswith(">10</pre>")
    assert run_cell("x", two).error == "NameError"


def test_rich_reprs_are_inserted_as_markup_and_display_works():
    code = textwrap.dedent("""
        class Fig:
            def _repr_svg_(self):
                return '<svg><title>t</title></svg>'
        display(Fig(), 3)
        Fig()
    """)
    r = run_cell(code, new_namespace())
    assert r.html.count('<div class="lc-out lc-rich"><svg><title>t</title></svg></div>') == 2
    assert '<pre class="lc-out lc-result">3</pre>' in r.html


def test_tracebacks_show_cell_lines_only():
    code = "def f(v):\n    return 1 / v\n\nf(0)"
    r = run_cell(code, new_namespace(), filename="<cell 3>")
    assert not r.ok and r.error == "ZeroDivisionError"
    assert "Cell line 4" in r.html and "Cell line 2, in f" in r.html
    assert "runner.py" not in r.html and "File " not in r.html


def test_errors_raised_inside_the_library_point_at_the_cells_line():
    r = run_cell("from clusterlab.distance import euclidean\neuclidean([1], [1, 2])", new_namespace())
    assert "Cell line 2" in r.html and "ValueError: u has 1 values but v has 2" in r.html
    assert "distance.py" not in r.html


def test_syntax_errors_name_the_line():
    r = run_cell("x = 1\ny = (", new_namespace())
    assert r.error == "SyntaxError" and "Cell line 2" in r.html


def test_html_in_printed_text_is_escaped():
    assert "&lt;b&gt;" in run_cell("print('<b>')", new_namespace()).html


def test_runaway_output_is_cut():
    r = run_cell(f"print('x' * {MAX_TEXT * 2})", new_namespace())
    assert "output cut after" in r.html and len(r.html) < MAX_TEXT + 500


def build(tmp_path: Path, markdown: str, more_config: str = "") -> subprocess.CompletedProcess:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(markdown)
    (tmp_path / "mkdocs.yml").write_text(textwrap.dedent(f"""
        site_name: t
        hooks: [{ROOT / 'py/livecells/mkdocs_hook.py'}]
        markdown_extensions:
          - pymdownx.superfences:
              custom_fences:
                - name: python
                  class: python
                  validator: !!python/name:livecells.fence.validate
                  format: !!python/name:livecells.fence.format_cell
    """) + more_config)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=tmp_path,
                          capture_output=True, text=True, check=False)


def test_build_embeds_the_output_of_each_cell(tmp_path):
    done = build(tmp_path, "```python live\nx = 20\n```\n\n```python live\nprint(x + 1)\n```\n")
    assert done.returncode == 0, done.stderr
    html = (tmp_path / "site/index.html").read_text()
    assert html.count('class="lc-cell"') == 2
    assert '<pre class="lc-out lc-stdout">21\n</pre>' in html


@pytest.mark.parametrize(
    "theme_words, title", [("", "Permanent link"), ("extra: {theme_words: {permalink: Permanent lenke}}", "Permanent lenke")]
)
def test_the_headings_link_title_is_the_languages(tmp_path, theme_words, title):
    """The toc extension's permalink title from the language's extra.theme_words
    (mkdocs.yml gives it per language), else the extension's own."""
    done = build(tmp_path, "# A heading\n", "  - toc: {permalink: true}\n" + theme_words)
    assert done.returncode == 0, done.stderr
    assert f'class="headerlink" href="#a-heading" title="{title}"' in (tmp_path / "site/index.html").read_text()


@pytest.mark.parametrize(
    "markdown, message",
    [
        ("```python live\n1 / 0\n```\n", "raised ZeroDivisionError at build time"),
        ("```python live expect_error\n1 + 1\n```\n", "marked expect_error but ran without an error"),
        ("```python live hiden\n1\n```\n", "option(s) hiden not understood"),
    ],
)
def test_build_fails_on_a_broken_cell(tmp_path, markdown, message):
    done = build(tmp_path, markdown)
    assert done.returncode != 0
    assert message in done.stderr + done.stdout


def test_the_status_line_is_written_once_above_the_first_cell():
    fence.start_page("status.md", {})
    first = fence.format_cell("1 + 1", "python", "python", {"hidden": True}, None)
    second = fence.format_cell("2 + 2", "python", "python", {}, None)
    assert first.startswith('<div class="lc-status"') and first.index("lc-status") < first.index("<details")
    assert 'id="lc-keys-help"' in first
    assert "lc-status" not in second
