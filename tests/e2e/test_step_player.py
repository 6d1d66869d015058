"""The step player (clusterlab.player + web/player.js) in the browser: mouse and keyboard,
before Python has started, after a cell re-runs, across instant navigation and without JavaScript."""

from __future__ import annotations

from conftest import cell_with, run_and_wait, wait_ready
from playwright.sync_api import expect

LESSON = "kmeans/"
CODE = "kmeans_player(km, X, names"  # the cell on the K-means page that makes the A-J player


def player_of(page):
    return cell_with(page, CODE).locator(".clp-player")


def shown(player):
    """Indices of the frames a reader can see."""
    frames = player.locator(".clp-frame")
    return [i for i in range(frames.count()) if frames.nth(i).is_visible()]


def expect_step(player, i, n):
    expect(player.locator(".clp-player-status")).to_have_text(f"Step {i} of {n}")
    assert shown(player) == [i - 1]
    assert player.locator(".clp-player-slider").input_value() == str(i)
    assert (player.locator(".clp-player-slider").get_attribute("aria-valuetext") or "").startswith(f"Step {i} of {n}")


def drive_with_mouse_and_keyboard(page, player):
    n = player.locator(".clp-frame").count()
    assert n >= 3
    prev, nxt = player.locator(".clp-player-btn").nth(0), player.locator(".clp-player-btn").nth(1)
    expect_step(player, 1, n)
    assert prev.get_attribute("aria-disabled") == "true"
    # mouse: Next, Next, Previous; a click at the slider's right end goes to the last step
    nxt.click()
    expect_step(player, 2, n)
    nxt.click()
    expect_step(player, 3, n)
    prev.click()
    expect_step(player, 2, n)
    box = player.locator(".clp-player-slider").bounding_box()
    player.locator(".clp-player-slider").click(position={"x": box["width"] - 2, "y": box["height"] / 2})
    expect_step(player, n, n)
    assert nxt.get_attribute("aria-disabled") == "true"
    nxt.click(force=True)  # nothing after the last step (Playwright waits for aria-disabled buttons)
    expect_step(player, n, n)
    # keyboard: the slider takes the arrow keys, Home and End; the buttons Enter and Space
    player.locator(".clp-player-slider").focus()
    page.keyboard.press("Home")
    expect_step(player, 1, n)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect_step(player, 3, n)
    page.keyboard.press("ArrowLeft")
    expect_step(player, 2, n)
    page.keyboard.press("Tab")  # from the slider to Next
    assert page.evaluate("document.activeElement.dataset.clpGo") == "1"
    page.keyboard.press("Enter")
    expect_step(player, 3, n)
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")  # back over the slider to Previous
    assert page.evaluate("document.activeElement.dataset.clpGo") == "-1"
    page.keyboard.press("Space")
    expect_step(player, 2, n)
    page.keyboard.press("Enter")
    expect_step(player, 1, n)
    page.keyboard.press("Enter")  # at the first step Previous does nothing, and keeps the focus
    expect_step(player, 1, n)
    assert page.evaluate("document.activeElement.dataset.clpGo") == "-1"


def test_the_player_works_before_python_has_started(page, site_url):
    held = []
    page.route("**/worker.mjs", lambda route: held.append(route))  # never answered: Python cannot start
    page.goto(site_url + LESSON)
    page.wait_for_function("window.__clpPlayer === true")
    drive_with_mouse_and_keyboard(page, player_of(page))
    assert page.locator(".lc-status").get_attribute("data-state") == "loading"
    assert held, "the worker was not requested, so this test proved nothing about 'before Python'"


def test_the_player_works_after_its_cell_runs_again(page, site_url):
    page.goto(site_url + LESSON)
    wait_ready(page)
    c = cell_with(page, CODE)
    before = c.locator(".lc-output").inner_html()
    c.locator(".clp-player-btn").nth(1).click()  # leave the old player at step 2
    run_and_wait(page, c, timeout=60_000)
    assert c.locator(".lc-output").inner_html() == before  # a new player, back at step 1
    drive_with_mouse_and_keyboard(page, c.locator(".clp-player"))


def test_the_player_works_after_instant_navigation(page, site_url):
    page.goto(site_url + "distances/")
    wait_ready(page)
    page.wait_for_function("typeof window.document$?.subscribe === 'function'")  # Material is up
    page.evaluate("window.__samePage = true")
    page.locator("a.md-footer__link--next").click()  # the footer link to the next lesson
    page.wait_for_url("**/" + LESSON)
    page.wait_for_selector(".clp-player")
    assert page.evaluate("window.__samePage") is True  # no reload: Material swapped the content
    drive_with_mouse_and_keyboard(page, player_of(page))


def test_without_javascript_every_frame_is_shown_and_the_controls_are_not(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + LESSON)
    player = page.locator(".clp-player").first
    assert shown(player) == list(range(player.locator(".clp-frame").count()))
    assert not player.locator(".clp-player-controls").is_visible()
    context.close()
