"""The ```` ```python live ```` fence: a cell's HTML with its pre-rendered output.

Authors write, in any Markdown page::

    ```python live
    from clusterlab.distance import euclidean
    euclidean([1, 2], [5, 5])
    ```

Options (after ``live``, separated by spaces):

- ``hidden``       setup code: folded away, runs before the first cell the reader runs
- ``expect_error`` the cell is meant to raise; the build fails if it does not

Every cell of a page runs at build time, in page order, in one namespace per
page (a notebook-like session); pages never share variables.  A cell that
raises without ``expect_error`` fails the build, naming the page and cell.
"""

from __future__ import annotations

import html
import json
import os
import signal
from pathlib import Path

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer
from pymdownx.superfences import SuperFencesException

from .runner import new_namespace, run_cell
from .words import DEFAULT, fill, words

OPTIONS = ("live", "hidden", "expect_error")
#: The build's runtime version (tools/build_site.py sets it); the browser reloads
#: a page that arrives by instant navigation from a newer build than its runtime.
BUILD = os.environ.get("LIVECELLS_VERSION", "dev")
#: A cell that runs longer than this at build time fails the build.
BUILD_TIMEOUT_SECONDS = 120
#: What the build and the browser agree on (web/contract.json).
CONTRACT = json.loads((Path(__file__).resolve().parents[2] / "web" / "contract.json").read_text())


def status_line(lang: str) -> str:
    """Python's status line and the keys help, above a page's first cell, in the
    page's language (web/words.json, which web/status_line.js also reads).  They
    are in the page from the start, so that nothing moves when the runtime
    (boot.js) fills them in; cells.css shows them only when JavaScript runs."""
    said = words(lang)
    return (
        f'<div class="lc-status" role="status" data-state="loading">{html.escape(said["status"]["loading"])}</div>'
        f'<p class="lc-help" id="lc-keys-help">{html.escape(said["page"]["keysHelp"])}</p>'
    )

def toolbar(lang: str) -> str:
    """A cell's toolbar in the page's language, in the page from the start: its
    Run works before the editor arrives (web/live_cell.js), and nothing moves
    when the editor takes the code's place.  Stop is for a run in progress; the
    badge and state say what happened."""
    said = words(lang)["cell"]
    return (
        '<div class="lc-toolbar">'
        + "".join(
            f'<button type="button" class="lc-btn lc-btn--{name}" title="{html.escape(said[name + "Title"])}"'
            f'{" disabled" if name == "stop" else ""}>{html.escape(said[name])}</button>'
            for name in ("run", "reset", "stop")
        )
        + '<span class="lc-badge"></span><span class="lc-state"></span></div>'
    )


class _Page:
    """The session of the page being rendered: its namespace and cell count."""

    def __init__(self, name: str, meta: dict | None = None, lang: str = DEFAULT):
        self.name = name
        self.lang = lang
        self.meta = {} if meta is None else meta
        self.namespace = new_namespace()
        self.cells = 0
        self.records: list[dict] = []  # each cell's code, options and outputs (livecells.notebook)


_page = _Page("<no page>")


def page_records() -> list[dict]:
    """The cells rendered so far on the current page: code, options, error and outputs."""
    return _page.records


def start_page(name: str, meta: dict | None = None, lang: str = DEFAULT) -> None:
    """Begin a fresh session for page ``name`` (called by the MkDocs hook).

    ``meta`` is the page's metadata; ``meta["livecells"]`` is set when the page
    has a cell, so the template starts Python early on that page only.
    ``lang`` is the page's language (its ``<html lang>``), for the runtime's words.
    """
    global _page
    words(lang)  # an unknown language fails here, with the fix
    _page = _Page(name, meta, lang)


def validate(language, inputs, options, attrs, md) -> bool:
    """Accept ```python live ...``` fences; other python fences stay plain code."""
    if "live" not in inputs:
        return False
    unknown = sorted(set(inputs) - set(OPTIONS))
    if unknown:
        raise SuperFencesException(
            f"live cell option(s) {', '.join(unknown)} not understood; "
            f"use any of: {', '.join(OPTIONS[1:])} (for example ```python live hidden)."
        )
    options.update({k: True for k in inputs})
    return True


def _timeout(signum, frame):
    raise TimeoutError(f"the cell ran longer than {BUILD_TIMEOUT_SECONDS} s at build time")


def _run(src: str, label: str):
    previous = signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(BUILD_TIMEOUT_SECONDS)
    try:
        return run_cell(src, _page.namespace, filename=label)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def format_cell(src, language, css_class, options, md, **kwargs) -> str:
    """Run the cell (pre-rendering) and return its HTML.

    SuperFences silently drops a fence whose formatter raises, so any
    unexpected failure here is re-raised as a SuperFencesException, which
    stops the build.
    """
    try:
        return _format_cell(src, options)
    except SuperFencesException:
        raise
    except Exception as exc:
        raise SuperFencesException(f"{_page.name}: could not render a live cell: {exc!r}") from exc


def _format_cell(src: str, options: dict) -> str:
    _page.cells += 1
    _page.meta["livecells"] = True
    index = _page.cells
    where = f"{_page.name}, live cell {index}"
    result = _run(src, f"<cell {index}>")
    expect_error = options.get("expect_error", False)
    if not result.ok and not expect_error:
        raise SuperFencesException(
            f"{where} raised {result.error} at build time:\n{html.unescape(result.html)}\n"
            "Fix the cell, or mark it ```python live expect_error if the error is the lesson."
        )
    if result.ok and expect_error:
        raise SuperFencesException(f"{where} is marked expect_error but ran without an error.")
    _page.records.append({"source": src, "hidden": bool(options.get("hidden")), "expect_error": expect_error,
                          "error": result.error, "outputs": result.items})
    code = highlight(src, PythonLexer(), HtmlFormatter(cssclass="highlight", wrapcode=True))
    said = words(_page.lang)["page"]
    cell = (
        f'<div class="lc-cell" data-lc-index="{index}" data-lc-build="{BUILD}" '
        f'data-lc-code="{html.escape(src)}">'
        f'<div class="lc-source">{code}</div>{toolbar(_page.lang)}'
        f'<div class="lc-output" aria-live="polite" aria-label="{html.escape(fill(said["output"], index=index))}" tabindex="0">'
        f"{result.html}</div></div>"
    )
    if options.get("hidden"):
        cell = (
            f'<details class="lc-setup"><summary>{html.escape(said["setup"])}</summary>'
            f"{cell}</details>"
        )
    return status_line(_page.lang) + cell if index == 1 else cell
