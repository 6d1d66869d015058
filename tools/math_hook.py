"""MkDocs hook: render the pages' TeX (pymdownx.arithmatex, generic mode) with KaTeX at build time.

Readers then see typeset formulas at once, without waiting for any script, and
the page's scripts have less to do while Python starts.  All formulas of a page
go to one Node process (tools/render_math.mjs).
"""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tools" / "render_math.mjs"
# arithmatex's generic output: <span class="arithmatex">\(...\)</span> and <div class="arithmatex">\[...\]</div>
MATH = re.compile(r'<(span|div) class="arithmatex">(.*?)</\1>', re.DOTALL)


def split_delimiters(source: str) -> tuple[str, bool]:
    r"""The TeX inside arithmatex's delimiters, and whether it is display math.

    >>> split_delimiters(r"\(x^2\)")
    ('x^2', False)
    >>> split_delimiters(r"\[ a + b \]")
    (' a + b ', True)
    """
    source = source.strip()
    if source.startswith(r"\[") and source.endswith(r"\]"):
        return source[2:-2], True
    if source.startswith(r"\(") and source.endswith(r"\)"):
        return source[2:-2], False
    raise ValueError(f"unexpected math markup {source!r}: expected \\(...\\) or \\[...\\]")


def render(formulas: list[dict]) -> list[str]:
    done = subprocess.run(
        ["node", str(SCRIPT)], input=json.dumps(formulas), capture_output=True, encoding="utf-8", cwd=ROOT
    )
    if done.returncode:
        raise RuntimeError(done.stderr.strip() or "tools/render_math.mjs failed")
    return json.loads(done.stdout)


def on_page_content(content, page, **kwargs):
    found = list(MATH.finditer(content))
    if not found:
        return content
    formulas = []
    for m in found:
        tex, display = split_delimiters(html.unescape(m.group(2)))
        formulas.append({"tex": tex, "display": display})
    rendered = iter(searchable_once(html) for html in render(formulas))
    return MATH.sub(lambda m: f'<{m.group(1)} class="arithmatex">{next(rendered)}</{m.group(1)}>', content)


# KaTeX writes each formula three times: the visible HTML, and MathML for
# screen readers with the TeX inside it.  Only the visible text goes into the
# site's search index, so that a formula with an i does not index as "iii".
# (Material's data-search-exclude cannot mark the HTML instead: its parser ends
# the exclusion at the first closing tag of the same name, and KaTeX nests spans.)
def searchable_once(katex_html: str) -> str:
    """Mark the MathML of KaTeX's output with Material's data-search-exclude.

    >>> searchable_once('<span class="katex"><math xmlns="x"><mi>i</mi></math></span>')
    '<span class="katex"><math data-search-exclude xmlns="x"><mi>i</mi></math></span>'
    """
    return katex_html.replace("<math", "<math data-search-exclude")
