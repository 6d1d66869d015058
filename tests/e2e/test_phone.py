"""Phones: the core of the suite in Chromium's mobile emulation (a 390 x 844
viewport, touch, device scale factor 3).  Cells, their buttons and the step
players work by touch; no page scrolls sideways (only code and figures may,
inside their own boxes)."""

from __future__ import annotations

import pytest
from conftest import cell, site_pages, wait_idle, wait_ready

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
    "service_workers": "block",
}

# Elements that stick out of the viewport, other than those inside a box that
# scrolls on its own (code, editors, figures, tables, formulas: Material makes div.arithmatex
# scroll sideways; KaTeX's MathML copy is clipped).
WIDER_THAN_THE_SCREEN = """() => {
    const width = document.documentElement.clientWidth;
    const own = 'pre, code, .cm-editor, .lc-output, figure, svg, table, .katex, .arithmatex, .md-typeset__scrollwrap';
    const wide = [...document.querySelectorAll('body *')].filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.right > width + 1 && !el.closest(own) && getComputedStyle(el).position !== 'fixed';
    });
    return {
        page: document.scrollingElement.scrollWidth - width,
        wide: wide.slice(0, 5).map((el) => el.tagName + '.' + el.className),
    };
}"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


def test_cells_run_edit_and_reset_by_touch(phone, site_url):
    phone.goto(site_url + "distances/")
    wait_ready(phone)
    c = cell(phone, 3)
    before = c.locator(".lc-output").inner_html()
    c.locator(".lc-btn--run").tap()
    wait_idle(phone, c, timeout=60_000)
    assert c.locator(".lc-output").inner_html() == before
    edited = cell(phone, 1)
    edited.locator(".cm-content").tap()
    phone.keyboard.press("Control+a")
    phone.keyboard.insert_text("print(6 * 7)")
    edited.locator(".lc-btn--run").tap()
    wait_idle(phone, edited)
    assert edited.locator(".lc-output").inner_text().strip() == "42"
    edited.locator(".lc-btn--reset").tap()
    assert edited.locator(".cm-content").inner_text() == edited.get_attribute("data-lc-code")
    for button in c.locator(".lc-btn").all():  # big enough for a finger (WCAG 2.5.8: 24 px)
        box = button.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, box


def test_a_step_player_steps_by_touch(phone, site_url):
    phone.goto(site_url + "kmeans/")
    player = phone.locator(".clp-player").first
    player.scroll_into_view_if_needed()
    slider = player.locator(".clp-player-slider")
    assert slider.input_value() == "1"
    player.locator(".clp-player-btn").nth(1).tap()  # Next
    phone.wait_for_function("el => el.value === '2'", arg=slider.element_handle())
    player.locator(".clp-player-btn").nth(0).tap()  # Previous
    phone.wait_for_function("el => el.value === '1'", arg=slider.element_handle())


#: Every figure on the page, each panel of a grid counted alone: its drawn width over its natural width.
FIGURE_SCALES = """() => [...document.querySelectorAll('.lc-rich > svg, .clp-grid > div > svg')].map((svg) => [
    svg.getBoundingClientRect().width / parseFloat(svg.getAttribute('width')),
    svg.querySelector('title')?.textContent,
])"""
READABLE = 0.5  # a figure of the default 640 px is drawn at 0.52 on this phone; no panel of a grid smaller


@pytest.mark.parametrize("path", site_pages())
def test_no_page_scrolls_sideways_and_no_figure_is_drawn_too_small_on_a_phone(phone, site_url, path):
    """One visit per page and language: nothing but code and figures sticks out
    sideways, and a grid's panels wrap onto their own rows instead of shrinking
    together (three panels side by side were drawn at 0.39 of their size)."""
    phone.goto(site_url + path, wait_until="load")
    found = phone.evaluate(WIDER_THAN_THE_SCREEN)
    small = [(round(scale, 2), title) for scale, title in phone.evaluate(FIGURE_SCALES) if 0 < scale < READABLE]
    assert (found, small) == ({"page": 0, "wide": []}, []), f"{path or 'home'}: {found}; figures below {READABLE}: {small}"
