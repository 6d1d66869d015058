"""Screenshot every page of the built site (light and dark, desktop and phone) into screenshots/.

``python tools/screenshots.py [page ...]`` after ``make build``; look at the PNGs
before you call a page done.  Cells are shown after Python is ready.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import find_chromium  # noqa: E402
import serve  # noqa: E402

OUT = ROOT / "screenshots"
VIEWS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def pages() -> list[str]:
    site = ROOT / "site"
    return sorted(
        "" if p.parent == site else p.parent.relative_to(site).as_posix() + "/"
        for p in site.rglob("index.html")
        if not p.parent.relative_to(site).as_posix().startswith("assets")
    )


def main(selected: list[str]) -> None:
    OUT.mkdir(exist_ok=True)
    server, url = serve.start()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium.find(), args=find_chromium.LAUNCH_ARGS)
        for scheme in ("light", "dark"):
            for view, size in VIEWS.items():
                context = browser.new_context(viewport=size, color_scheme=scheme, service_workers="block")
                page = context.new_page()
                for path in selected or pages():
                    page.goto(url + path)
                    if page.locator(".lc-cell").count():
                        page.wait_for_selector('.lc-status[data-state="ready"]', timeout=60_000)
                    # Scroll through once, so every editor is measured as a reader would see it.
                    page.evaluate("async () => { for (let y = 0; y < document.body.scrollHeight; y += 500) "
                                  "{ window.scrollTo(0, y); await new Promise(r => setTimeout(r, 30)); } window.scrollTo(0, 0); }")
                    page.wait_for_timeout(500)  # Material's header title fades back after the scroll
                    name = (path.strip("/") or "home").replace("/", "_")
                    target = OUT / f"{name}-{scheme}-{view}.png"
                    page.screenshot(path=str(target), full_page=True)
                    print(target.relative_to(ROOT))
                context.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1:])
