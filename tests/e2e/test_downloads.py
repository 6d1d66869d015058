"""Take a lesson with you: the page as a notebook or a script, with the reader's edits (web/downloads.js)."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
from conftest import cell_with, set_code, wait_ready

from livecells import notebook

LESSON = "distances/"
AUTHORED = "euclidean([1, 2], [1, 2, 3])"  # the page's expect_error cell
EDIT = "print('my own edit, kept in the download')"


def download(page, kind: str) -> tuple[str, str]:
    with page.expect_download() as info:
        page.locator(f".lc-btn--{kind}").click()
    done = info.value
    return done.suggested_filename, Path(done.path()).read_text(encoding="utf-8")


def test_downloads_carry_the_edit_and_the_authored_code_on_request(page, site_url):
    page.goto(site_url + LESSON)
    wait_ready(page)
    target = cell_with(page, AUTHORED)
    set_code(page, target, EDIT)
    page.wait_for_function("() => Object.keys(localStorage).some((k) => k.startsWith('clusterlab:cell:'))")
    page.reload()  # the edit comes back from local storage
    wait_ready(page)

    name, text = download(page, "ipynb")
    assert name == "clusterlab-distances.ipynb"
    nb = nbformat.reads(text, as_version=4)
    nbformat.validate(nb)
    edited = [c for c in nb.cells if c.cell_type == "code" and c.source == EDIT]
    assert len(edited) == 1 and edited[0].outputs == []
    assert not any(AUTHORED in c.source for c in nb.cells if c.cell_type == "code")
    assert f"%pip install {site_url}downloads/clusterlab-" in nb.cells[1].source
    assert "clusterlab-distances.ipynb: with your edit to 1 cell" in page.locator(".lc-downloads__note").inner_text()
    # The same model and module as the build: the unedited cells match the page's model exactly.
    model = json.loads(page.evaluate("fetch('notebook.json').then((r) => r.text())"))
    authored_code = [s["source"] for s in model["segments"] if s["type"] == "code" and s["source"] != AUTHORED]
    assert [c.source for c in nb.cells[2:] if c.cell_type == "code" and c.source != EDIT] == authored_code
    # Byte for byte what the module gives in CPython: one implementation, in the worker too.
    edits = {int(target.get_attribute("data-lc-index")): EDIT}
    assert text == notebook.to_notebook(model, site_url, edits)

    name, script = download(page, "py")
    assert name == "clusterlab-distances.py"
    # the page's cell meant to raise: in the script it prints its error, here the reader's code
    assert f"try:\n    {EDIT}\nexcept Exception" in script and AUTHORED not in script
    assert "pip install " + site_url + "downloads/clusterlab-" in script
    assert script == notebook.to_script(model, site_url, edits)

    page.locator("#lc-downloads-authored").check()
    _, text = download(page, "ipynb")
    nb = nbformat.reads(text, as_version=4)
    assert any(c.source == AUTHORED and c.outputs for c in nb.cells if c.cell_type == "code")
    assert EDIT not in text


def test_download_works_offline_after_one_visit(browser, site_url):
    context = browser.new_context(service_workers="allow")
    page = context.new_page()
    page.goto(site_url + LESSON)
    wait_ready(page)
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=60_000)
    context.set_offline(True)
    page.reload()
    wait_ready(page)
    set_code(page, cell_with(page, AUTHORED), EDIT)
    _, script = download(page, "py")
    assert f"try:\n    {EDIT}\nexcept Exception" in script
    context.close()
