"""Build-time math: arithmatex's markup becomes KaTeX's HTML, and bad TeX fails the build."""

from __future__ import annotations

import math_hook
import pytest


def test_inline_and_display_math_become_katex_html():
    html = (
        '<p>So <span class="arithmatex">\\(a &lt; b\\)</span>.</p>\n'
        '<div class="arithmatex">\\[\\sqrt{9 + 16} = 5\\]</div>'
    )
    out = math_hook.on_page_content(html, page=None)
    assert out.count('class="katex"') == 2
    assert 'class="katex-display"' in out  # only the \[...\] one is display math
    assert "<annotation" in out and "a &lt; b" in out  # MathML for screen readers, TeX unescaped once
    assert "\\(" not in out and "\\[" not in out
    # the site's search sees each formula once (the MathML), not three times
    assert out.count("<math data-search-exclude") == 2


def test_a_page_without_math_is_left_alone():
    html = "<p>No formulas here, only $5.</p>"
    assert math_hook.on_page_content(html, page=None) == html


def test_tex_that_katex_cannot_parse_fails_the_build_and_names_it():
    with pytest.raises(RuntimeError, match=r"\\frac\{1"):
        math_hook.on_page_content('<span class="arithmatex">\\(\\frac{1\\)</span>', page=None)


def test_unexpected_delimiters_are_reported():
    with pytest.raises(ValueError, match="expected"):
        math_hook.split_delimiters("$x$")
