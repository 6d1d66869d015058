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

OPTIONS = ("live", "hidden", "expect_error")
#: The build's runtime version (tools/build_site.py sets it); the browser reloads
#: a page that arrives by instant navigation from a newer build than its runtime.
BUILD = os.environ.get("LIVECELLS_VERSION", "dev")
#: A cell that runs longer than this at build time fails the build.
BUILD_TIMEOUT_SECONDS = 120
#: What the build and the browser agree on (web/contract.json); here, the
#: status line's words, which the browser's web/status_line.js also uses.
CONTRACT = json.loads((Path(__file__).resolve().parents[2] / "web" / "contract.json").read_text())
# Python's status line and the keys help, above a page's first cell.  They are
# in the page from the start, so that nothing moves when the runtime (boot.js)
# fills them in; cells.css shows them only when JavaScript runs.
STATUS_LINE = (
    f'<div class="lc-status" role="status" data-state="loading">{CONTRACT["status"]["loading"]}</div>'
    '<p class="lc-help" id="lc-keys-help">Edit the code and press Ctrl+Enter (⌘+Enter) or Shift+Enter '
    "to run it. Tab indents; press Esc then Tab to leave the editor.</p>"
)

# A cell's toolbar, in the page from the start: its Run works before the editor
# arrives (web/live_cell.js), and nothing moves when the editor takes the code's
# place.  Stop is for a run in progress; the badge and state say what happened.
_BUTTONS = (
    ("run", "Run", "Run this cell (Ctrl+Enter or Shift+Enter)"),
    ("reset", "Reset", "Restore the lesson's code (your edit is discarded)"),
    ("stop", "Stop", "Stop Python (restarts the session)"),
)
TOOLBAR = (
    '<div class="lc-toolbar">'
    + "".join(
        f'<button type="button" class="lc-btn lc-btn--{name}" title="{title}"{" disabled" if name == "stop" else ""}>'
        f"{text}</button>"
        for name, text, title in _BUTTONS
    )
    + '<span class="lc-badge"></span><span class="lc-state"></span></div>'
)


class _Page:
    """The session of the page being rendered: its namespace and cell count."""

    def __init__(self, name: str, meta: dict | None = None):
        self.name = name
        self.meta = {} if meta is None else meta
        self.namespace = new_namespace()
        self.cells = 0
        self.records: list[dict] = []  # each cell's code, options and outputs (livecells.notebook)


_page = _Page("<no page>")


def page_records() -> list[dict]:
    """The cells rendered so far on the current page: code, options, error and outputs."""
    return _page.records


def start_page(name: str, meta: dict | None = None) -> None:
    """Begin a fresh session for page ``name`` (called by the MkDocs hook).

    ``meta`` is the page's metadata; ``meta["livecells"]`` is set when the page
    has a cell, so the template starts Python early on that page only.
    """
    global _page
    _page = _Page(name, meta)


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
    cell = (
        f'<div class="lc-cell" data-lc-index="{index}" data-lc-build="{BUILD}" '
        f'data-lc-code="{html.escape(src)}">'
        f'<div class="lc-source">{code}</div>{TOOLBAR}'
        f'<div class="lc-output" aria-live="polite" aria-label="Output of cell {index}" tabindex="0">'
        f"{result.html}</div></div>"
    )
    if options.get("hidden"):
        cell = (
            '<details class="lc-setup"><summary>Setup code (runs automatically first)</summary>'
            f"{cell}</details>"
        )
    return STATUS_LINE + cell if index == 1 else cell
