"""MkDocs hook: give every page a fresh live-cell session before its Markdown renders,
and write the model of every page with cells (``notebook.json`` next to its
``index.html``), from which the browser makes the page's notebook and script
(livecells.notebook, web/downloads.js)."""

import json
import tomllib
from pathlib import Path

from livecells import fence, notebook

ROOT = Path(__file__).resolve().parents[2]
#: The model's file name, next to each page with cells (web/contract.json).
MODEL_FILE = fence.CONTRACT["pageModel"]["file"]
_markdown: dict[str, str] = {}


def on_page_markdown(markdown, page, **kwargs):
    fence.start_page(page.file.src_uri, page.meta)
    _markdown[page.file.src_uri] = markdown
    return markdown


def on_page_content(html, page, **kwargs):
    records = fence.page_records()
    if records:
        version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
        page.meta["livecells_model"] = notebook.page_model(
            page.title, page.file.src_uri, page.url, _markdown[page.file.src_uri], records,
            notebook.wheel_path(version),
        )
    return html


def on_post_page(output, page, config, **kwargs):
    model = page.meta.pop("livecells_model", None)
    if model is not None:
        dest = Path(config["site_dir"]) / Path(page.file.dest_path).parent / MODEL_FILE
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    return output
