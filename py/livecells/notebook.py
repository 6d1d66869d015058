"""A lesson page as a Jupyter notebook (.ipynb) or a percent-format script (.py).

One model of a page, shared by the build and the browser, so the two cannot
drift: the build writes each page's model (:func:`page_model`, as JSON) next
to the page, and the reader's browser turns it, with the reader's edits, into
a download by running this very module in the page's Pyodide worker
(:func:`convert`).  Standard library only, for that reason.

The model is a dict::

    {"format": 2, "title": ..., "src": "kmeans.md", "url": "kmeans/",
     "lang": "en", "pages": "", "words": {...},
     "wheel": "downloads/clusterlab-0.1.0-py3-none-any.whl",
     "segments": [{"type": "markdown", "source": ...},
                  {"type": "code", "index": 1, "source": ..., "hidden": bool,
                   "expect_error": bool, "error": None or "ValueError",
                   "outputs": [[kind, text], ...]}, ...]}

with output kinds as :mod:`livecells.runner` records them (``stdout``,
``stderr``, ``result``, ``error``, ``svg``, ``html``).  ``lang`` is the page's
language, ``pages`` where that language's pages live from the site's root
('' or 'nb/'), and ``words`` the notebook's own texts in that language
(web/words.json, part "notebook"): the model carries them, so this module
needs no file of its own in the browser.

>>> model = page_model("Demo", "demo.md", "demo/", "Some \\\\(x^2\\\\).\\n",
...                    [], "downloads/w.whl")
>>> print(to_script(model, "https://example.org/"), end="")
# %% [markdown]
# *Demo*, a lesson of the clusterlab course: https://example.org/demo/
<BLANKLINE>
# %%
# The course's library, clusterlab: pure Python, installs from the course site.
try:
    import clusterlab  # noqa: F401
except ImportError:
    print("This script needs clusterlab. Install it with:")
    print("    pip install https://example.org/downloads/w.whl")
    raise SystemExit(1) from None
try:
    display
except NameError:  # plain Python has no display(): show objects as text
    def display(*objects):
        for obj in objects:
            print(repr(obj))
<BLANKLINE>
# %% [markdown]
# Some $x^2$.
"""

from __future__ import annotations

import html
import json
import posixpath
import re

__all__ = [
    "FORMAT",
    "convert",
    "jupyter_markdown",
    "page_model",
    "split_live_fences",
    "to_notebook",
    "to_script",
    "wheel_path",
]

#: The model's format number; a browser given another one refuses to convert.
FORMAT = 2
#: The texts of the notebook's own cells (web/words.json, part "notebook").
WORDS = ("intro", "library", "plainResults", "needsLibrary", "noDisplay", "raises")
OUTPUT_KINDS = ("stdout", "stderr", "result", "error", "svg", "html")

# A live fence: ```python live [options] ... ```, at the start of a line or
# indented (inside an admonition or a tab).
_FENCE = re.compile(
    r"^([ \t]*)```python[ \t]+live\b([^\n]*)\n(.*?)^\1```[ \t]*$\n?", re.MULTILINE | re.DOTALL
)


def wheel_path(version: str) -> str:
    """Where the site publishes the wheel of ``clusterlab`` ``version``, from the site's root.

    >>> wheel_path("0.1.0")
    'downloads/clusterlab-0.1.0-py3-none-any.whl'
    """
    if not isinstance(version, str) or not re.fullmatch(r"[0-9][0-9A-Za-z.+]*", version):
        raise ValueError(f"wheel_path needs a version like '0.1.0', not {version!r}.")
    return f"downloads/clusterlab-{version}-py3-none-any.whl"


def split_live_fences(markdown: str) -> list:
    """Split a page's Markdown into its text and its live cells, in page order.

    Text comes as strings; a cell as ``(source, options)``.

    >>> split_live_fences("Intro\\n```python live hidden\\nx = 1\\n```\\nEnd\\n")
    ['Intro\\n', ('x = 1', ['hidden']), 'End\\n']
    >>> split_live_fences("!!! note\\n    ```python live\\n    if x:\\n        y\\n    ```\\n    more\\nEnd")
    ['!!! note\\n', ('if x:\\n    y', []), 'more\\nEnd']
    """
    if not isinstance(markdown, str):
        raise TypeError(f"split_live_fences needs the page's Markdown as a str, not {type(markdown).__name__}.")
    parts: list = []
    end = 0
    indent = ""
    for match in _FENCE.finditer(markdown):
        if match.start() > end:
            parts.append(_dedent_continuation(markdown[end : match.start()], indent))
        indent = match.group(1)
        lines = match.group(3).rstrip("\n").split("\n")
        source = "\n".join(line[len(indent):] if line.startswith(indent) else line.lstrip() for line in lines)
        parts.append((source, match.group(2).split()))
        end = match.end()
    if end < len(markdown):
        parts.append(_dedent_continuation(markdown[end:], indent))
    return parts


def _dedent_continuation(text: str, indent: str) -> str:
    """Text after a cell indented inside a block: its lines that carry on the block, dedented."""
    if not indent:
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.strip() and not line.startswith(indent):
            break
        lines[i] = line[len(indent):]
    return "\n".join(lines)


def page_model(title: str, src: str, url: str, markdown: str, cells: list, wheel: str, *,
               lang: str = "en", pages: str = "", words: dict | None = None) -> dict:
    """The model of a page: its Markdown split at the live fences, joined with the cells' results.

    ``cells`` are dicts ``{"source", "hidden", "expect_error", "error", "outputs"}``
    in page order, one per live fence of ``markdown`` (the build's fence records them).
    ``words`` are the notebook's texts in language ``lang`` (by default those of
    web/words.json, read at build time only).
    """
    if words is None:
        from .words import words as words_of  # build time only: not in the browser's archive

        words = words_of(lang)["notebook"]
    missing = [key for key in WORDS if not isinstance(words.get(key), str)]
    if missing:
        raise ValueError(f"{src}: the notebook's words lack {missing}; add them to web/words.json (part 'notebook').")
    parts = split_live_fences(markdown)
    fences = [p for p in parts if isinstance(p, tuple)]
    if len(fences) != len(cells):
        raise ValueError(
            f"{src}: found {len(fences)} live fence(s) in the Markdown but {len(cells)} rendered cell(s); "
            "write live cells as ```python live fences at the start of a line."
        )
    segments = []
    cell_iter = iter(cells)
    for index, part in enumerate(parts):
        if isinstance(part, str):
            if part.strip():
                segments.append({"type": "markdown", "source": part.strip("\n")})
            continue
        cell = next(cell_iter)
        if cell["source"].rstrip("\n") != part[0]:
            raise ValueError(f"{src}: live cell {index} of the Markdown differs from the rendered cell.")
        for kind, _ in cell["outputs"]:
            if kind not in OUTPUT_KINDS:
                raise ValueError(f"{src}: unknown output kind {kind!r}; expected one of {OUTPUT_KINDS}.")
        segments.append({
            "type": "code",
            "index": sum(1 for s in segments if s["type"] == "code") + 1,
            "source": cell["source"],
            "hidden": bool(cell.get("hidden")),
            "expect_error": bool(cell.get("expect_error")),
            "error": cell.get("error"),
            "outputs": [list(item) for item in cell["outputs"]],
        })
    return {"format": FORMAT, "title": title, "src": src, "url": url, "lang": lang, "pages": pages,
            "words": {key: words[key] for key in WORDS}, "wheel": wheel, "segments": segments}


# ------------------------------------------------------------------ markdown ---
_BLOCK = re.compile(r'^(!!!|\?\?\?\+?|===)[ \t]*(\w*)(?:[ \t]+"([^"]*)")?[ \t]*$')
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)
_INLINE_MATH = re.compile(r"\\\((.+?)\\\)", re.DOTALL)
_DISPLAY_MATH = re.compile(r"\\\[(.+?)\\\]", re.DOTALL)
_LINK = re.compile(r"(!?\[[^\]]*\]\()([^)\s]+)(\))")


def _blocks(lines: list[str]) -> list[str]:
    """Material's admonitions, collapsible blocks and tabs as plain Markdown."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        match = _BLOCK.match(lines[i])
        if not match:
            out.append(lines[i])
            i += 1
            continue
        marker, kind, title = match.groups()
        body = []
        i += 1
        while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
            body.append(lines[i][4:])
            i += 1
        while body and not body[-1].strip():
            body.pop()
        while body and not body[0].strip():
            body.pop(0)
        inner = _blocks(body)
        if marker.startswith("???"):  # collapsible: stays collapsed in Jupyter too
            label = _CODE_SPAN.sub(lambda m: f"<code>{html.escape(m.group(2))}</code>", title or kind.capitalize())
            out += [f"<details><summary>{label}</summary>", "", *inner, "", "</details>", ""]
        elif marker == "===":  # a tab: its label, then its content
            out += [f"**{title or kind}**", "", *inner, ""]
        else:  # an admonition: a quote with its title in bold
            label = title if title is not None else kind.capitalize()
            quoted = [f"> {line}" if line else ">" for line in inner]
            out += ([f"> **{label}**", ">"] if label else []) + quoted + [""]
    return out


def _outside_code(text: str, fn) -> str:
    """Apply ``fn`` to the parts of ``text`` outside fenced code blocks and code spans."""
    pieces = re.split(r"(^```.*?^```[ \t]*$)", text, flags=re.MULTILINE | re.DOTALL)
    result = []
    for n, piece in enumerate(pieces):
        if n % 2:
            result.append(piece)
            continue
        spans = _CODE_SPAN.split(piece)
        # re.split with two groups yields: text, ticks, code, text, ticks, code, ...
        for k in range(0, len(spans), 3):
            result.append(fn(spans[k]))
            if k + 2 < len(spans):
                result.append(spans[k + 1] + spans[k + 2] + spans[k + 1])
    return "".join(result)


def _math(text: str) -> str:
    text = _DISPLAY_MATH.sub(lambda m: f"$${m.group(1)}$$", text)
    return _INLINE_MATH.sub(lambda m: f"${m.group(1).strip()}$", text)


def _page_url(target: str, src: str, site_url: str, pages: str = "") -> str:
    """A relative link of the page ``src`` as an absolute address on the site;
    a link to another page goes to that page in the language whose pages are in ``pages``."""
    if re.match(r"^([a-z][a-z0-9+.-]*:|#|/)", target, re.IGNORECASE):
        return target
    path, _, anchor = target.partition("#")
    path = posixpath.normpath(posixpath.join(posixpath.dirname(src), path))
    if path.endswith(".md"):
        path = path[:-3]
        path = pages + ("" if path == "index" else (path[:-5] if path.endswith("/index") else path + "/"))
    return site_url + path + (f"#{anchor}" if anchor else "")


def jupyter_markdown(source: str, src: str = "index.md", site_url: str = "", pages: str = "") -> str:
    r"""The page's Markdown as Jupyter renders it.

    Formulas keep their TeX, between ``$`` (inline) and ``$$`` (display);
    Material's admonitions become quotes and collapsible blocks ``<details>``;
    links to other pages and images point at the site, so they work anywhere.

    >>> print(jupyter_markdown("Area \\(\\pi r^2\\), `\\(kept\\)`, [next](kmeans.md#a)", "index.md", "https://x.org/"))
    Area $\pi r^2$, `\(kept\)`, [next](https://x.org/kmeans/#a)
    >>> print(jupyter_markdown("[next](kmeans.md), ![a](assets/a.png)", "index.nb.md", "https://x.org/", "nb/"))
    [next](https://x.org/nb/kmeans/), ![a](https://x.org/assets/a.png)
    >>> print(jupyter_markdown('??? question "Why?"\n    Because.'))
    <details><summary>Why?</summary>
    <BLANKLINE>
    Because.
    <BLANKLINE>
    </details>
    """
    text = "\n".join(_blocks(source.split("\n"))).strip("\n")

    def transform(piece: str) -> str:
        piece = _math(piece)
        return _LINK.sub(lambda m: m.group(1) + _page_url(m.group(2), src, site_url, pages) + m.group(3), piece)

    return _outside_code(text, transform)


# ----------------------------------------------------------------- notebook ---
def _check(model, site_url: str, edits) -> dict:
    if not isinstance(model, dict) or model.get("format") != FORMAT or "segments" not in model:
        raise ValueError(f"not a page model of format {FORMAT}: build the site again (make build).")
    if not isinstance(site_url, str) or (site_url and not site_url.endswith("/")):
        raise ValueError(f"site_url must be the site's root address ending in '/', not {site_url!r}.")
    edits = {} if edits is None else edits
    if not isinstance(edits, dict) or not all(isinstance(v, str) for v in edits.values()):
        raise TypeError("edits must map a cell's number to its edited code (a str).")
    return {int(k): v for k, v in edits.items()}


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _fill(text: str, **values) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(values[m.group(1)]), text)


def _intro(model: dict, site_url: str) -> str:
    return _fill(model["words"]["intro"], title=model["title"], url=site_url + model["url"])


def _setup_code(wheel_url: str, notebook: bool, said: dict) -> str:
    head = f"# {said['library']}\n"
    if notebook:
        return head + (
            "try:\n"
            "    import clusterlab  # noqa: F401\n"
            "except ImportError:\n"
            f"    %pip install {wheel_url}\n"
            "    import clusterlab  # noqa: F401\n"
            f"# {said['plainResults']}\n"
            "%config PlainTextFormatter.pprint = False"
        )
    return head + (
        "try:\n"
        "    import clusterlab  # noqa: F401\n"
        "except ImportError:\n"
        f"    print({json.dumps(said['needsLibrary'], ensure_ascii=False)})\n"
        f'    print("    pip install {wheel_url}")\n'
        "    raise SystemExit(1) from None\n"
        "try:\n"
        "    display\n"
        f"except NameError:  # {said['noDisplay']}\n"
        "    def display(*objects):\n"
        "        for obj in objects:\n"
        "            print(repr(obj))"
    )


def _outputs(items: list, error: str | None, count: int) -> list[dict]:
    outputs: list[dict] = []
    for kind, text in items:
        if kind in ("stdout", "stderr"):
            outputs.append({"output_type": "stream", "name": kind, "text": _lines(text)})
        elif kind == "result":
            outputs.append({
                "output_type": "execute_result", "execution_count": count,
                "data": {"text/plain": _lines(text)}, "metadata": {},
            })
        elif kind in ("svg", "html"):
            mime = "image/svg+xml" if kind == "svg" else "text/html"
            outputs.append({"output_type": "display_data", "data": {mime: _lines(text)}, "metadata": {}})
        else:  # error: the cell's own short traceback, as the page shows it
            last = text.rstrip("\n").rsplit("\n", 1)[-1]
            ename = error or last.split(":", 1)[0]
            evalue = last.split(": ", 1)[1] if last.startswith(f"{ename}: ") else ""
            outputs.append({
                "output_type": "error", "ename": ename, "evalue": evalue,
                "traceback": text.rstrip("\n").split("\n"),
            })
    return outputs


def to_notebook(model: dict, site_url: str, edits: dict | None = None) -> str:
    """The page as an nbformat 4.5 notebook (JSON text).

    ``edits`` maps a cell's number (1, 2, ... in page order) to the reader's
    code; an edited cell carries no output, since the page's output belongs to
    the lesson's code.  Hidden setup cells become ordinary code cells.
    """
    edits = _check(model, site_url, edits)
    wheel_url = site_url + model["wheel"]
    cells = [
        {"cell_type": "markdown", "id": "intro", "metadata": {}, "source": _lines(_intro(model, site_url))},
        {"cell_type": "code", "id": "setup", "metadata": {}, "execution_count": None, "outputs": [],
         "source": _lines(_setup_code(wheel_url, True, model["words"]))},
    ]
    for n, seg in enumerate(model["segments"], 1):
        if seg["type"] == "markdown":
            source = jupyter_markdown(seg["source"], model["src"], site_url, model["pages"])
            cells.append({"cell_type": "markdown", "id": f"text-{n}", "metadata": {}, "source": _lines(source)})
            continue
        index = seg["index"]
        edited = index in edits and edits[index] != seg["source"]
        code = edits[index] if edited else seg["source"]
        count = None if edited or not seg["outputs"] else index
        metadata: dict = {"tags": ["raises-exception"]} if seg["expect_error"] else {}
        if edited:
            metadata["clusterlab"] = {"edited": True}
        cells.append({
            "cell_type": "code", "id": f"cell-{index}", "metadata": metadata, "execution_count": count,
            "outputs": [] if edited else _outputs(seg["outputs"], seg.get("error"), index),
            "source": _lines(code),
        })
    notebook = {
        "nbformat": 4, "nbformat_minor": 5, "cells": cells,
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
            "clusterlab": {"page": site_url + model["url"], "title": model["title"], "lang": model["lang"]},
        },
    }
    return json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def _comment(text: str) -> str:
    return "\n".join(f"# {line}" if line else "#" for line in text.split("\n"))


def to_script(model: dict, site_url: str, edits: dict | None = None) -> str:
    """The page as a percent-format script: ``# %%`` cells, the text as comments.

    A cell meant to raise (``expect_error``) prints its error instead, so that
    ``python script.py`` runs to the end.
    """
    edits = _check(model, site_url, edits)
    cells = [
        "# %% [markdown]\n" + _comment(_intro(model, site_url)),
        "# %%\n" + _setup_code(site_url + model["wheel"], False, model["words"]),
    ]
    for seg in model["segments"]:
        if seg["type"] == "markdown":
            text = jupyter_markdown(seg["source"], model["src"], site_url, model["pages"])
            cells.append("# %% [markdown]\n" + _comment(text))
        else:
            code = edits.get(seg["index"], seg["source"]).rstrip("\n")
            if seg["expect_error"]:  # the error is the lesson: show it, and let the script go on
                code = (
                    f"# {model['words']['raises']}\ntry:\n"
                    + "\n".join(f"    {line}" if line.strip() else "" for line in code.split("\n"))
                    + '\nexcept Exception as error:\n    print(f"{type(error).__name__}: {error}")'
                )
            cells.append("# %%\n" + code)
    return "\n\n".join(cells) + "\n"


def convert(model_json: str, kind: str, site_url: str, edits_json: str = "{}") -> str:
    """What the browser calls: the model and edits as JSON text, ``kind`` 'ipynb' or 'py'."""
    makers = {"ipynb": to_notebook, "py": to_script}
    if kind not in makers:
        raise ValueError(f"kind must be 'ipynb' or 'py', not {kind!r}.")
    return makers[kind](json.loads(model_json), site_url, json.loads(edits_json))
