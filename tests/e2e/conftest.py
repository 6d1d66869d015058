"""End-to-end fixtures: the built site served on localhost, Chromium via Playwright.

The site must be built first (``make test`` does it); a missing build fails
loudly instead of skipping, so a broken build can never pass unnoticed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import find_chromium  # tools/ is on pytest's pythonpath (pyproject.toml)
import pytest
import serve

from livecells.words import DEFAULT, LANGUAGES, words

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.e2e)


def site_pages() -> list[str]:
    """Every HTML page of the built site, as a path relative to the root ('' is home):
    every language version of every page ('nb/kmeans/' beside 'kmeans/'), so that
    the tests that take every page take every language."""
    if not (SITE / "index.html").exists():
        raise RuntimeError("site/ is not built: run `make build` (or `make test`, which builds first).")
    pages = []
    for html in sorted(SITE.rglob("index.html")):
        rel = html.parent.relative_to(SITE).as_posix()
        if rel.startswith("assets"):
            continue
        pages.append("" if rel == "." else rel + "/")
    return pages


def pages_with_cells() -> list[str]:
    return [p for p in site_pages() if 'class="lc-cell"' in (SITE / p / "index.html").read_text()]


def page_language(path: str) -> str:
    """The language of the page at ``path``: its folder's ('nb/kmeans/'), else the default."""
    first = path.split("/", 1)[0]
    return first if first in LANGUAGES and first != DEFAULT else DEFAULT


def page_words(path: str) -> dict:
    """The runtime's words in the language of the page at ``path`` (web/words.json)."""
    return words(page_language(path))


@pytest.fixture(scope="session")
def site_url():
    server, url = serve.start(SITE)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    args = dict(browser_type_launch_args, args=find_chromium.LAUNCH_ARGS)
    path = find_chromium.find()
    if path:
        args["executable_path"] = path
    return args


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Most tests need no service worker; the offline tests make their own context.
    return dict(browser_context_args, service_workers="block", viewport={"width": 1100, "height": 900})


class Watch:
    """Records a page's requests, console errors and uncaught exceptions."""

    def __init__(self, page):
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def outside(self, origin: str) -> list[str]:
        return [u for u in self.requests if not (u.startswith(origin) or re.match(r"^(data|blob):", u))]


@pytest.fixture
def watch(page):
    return Watch(page)


#: The runtime's real time limits (web/contract.json, "timeouts"; web/config.js).
TIMEOUTS = json.loads((ROOT / "web" / "contract.json").read_text())["timeouts"]


def set_timeouts(page, **limits: int) -> dict:
    """Give the page's runtime other time limits (ms) than the real ones: shorter,
    so that a test of what happens when one passes does not wait for it, or
    longer, so that one cannot pass in a test of something else; every later
    visit of ``page`` has them.  Returns the limits in force."""
    assert limits and set(limits) <= set(TIMEOUTS), f"known limits: {sorted(TIMEOUTS)}"
    assert all(ms > 0 and ms != TIMEOUTS[key] for key, ms in limits.items()), limits
    page.add_init_script(f"window.lcTimeouts = {json.dumps(limits)};")
    return {**TIMEOUTS, **limits}


def wait_ready(page, timeout=60_000):
    """Python is ready and the cell editors, which load just after it, are in place."""
    page.wait_for_selector('.lc-status[data-state="ready"]', timeout=timeout)
    page.wait_for_function("document.querySelectorAll('.lc-source').length === 0", timeout=timeout)


def cell(page, n):
    """The n-th (0-based) visible, non-setup cell."""
    return page.locator(".lc-cell:not(.lc-setup .lc-cell)").nth(n)


def cell_with(page, code):
    """The cell whose authored code contains ``code``."""
    cells = page.locator(".lc-cell")
    for i in range(cells.count()):
        if code in (cells.nth(i).get_attribute("data-lc-code") or ""):
            return cells.nth(i)
    raise AssertionError(f"no cell on {page.url} contains {code!r}")


def run_and_wait(page, c, timeout=30_000):
    c.locator(".lc-btn--run").click()
    wait_idle(page, c, timeout)


def wait_idle(page, c, timeout=30_000):
    page.wait_for_function(
        "el => !el.classList.contains('lc-cell--running')", arg=c.element_handle(), timeout=timeout
    )


def set_code(page, c, code):
    c.locator(".cm-content").click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(code)


def status_text(page) -> str:
    return page.locator(".lc-status").inner_text()


def a_cell_runs(page):
    """The lesson's fourth cell runs and gives its pre-rendered output again."""
    c = cell(page, 3)
    before = c.locator(".lc-output").inner_html()
    run_and_wait(page, c, timeout=90_000)
    assert c.locator(".lc-output").inner_html() == before


#: JavaScript: the origin private file system's files and their sizes (the kept snapshot).
KEPT_FILES = """async () => {
    const found = {};
    for await (const [name, handle] of (await navigator.storage.getDirectory()).entries()) {
        found[name] = (await handle.getFile()).size;
    }
    return found;
}"""
