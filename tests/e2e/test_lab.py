"""The Image lab (docs/image-lab.md, web/lab.js) and the buffer hand-over's JavaScript side."""

from __future__ import annotations

import base64
import io

import pytest
from conftest import wait_ready
from PIL import Image

LAB = "image-lab/"


def png(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def colours_png(w=64, h=48, mode="RGB"):
    """A test image with many colours: a red-green ramp over a blue stripe pattern."""
    img = Image.new(mode, (w, h))
    img.putdata([(255 * x // (w - 1), 255 * y // (h - 1), 60 * (x // 8 % 4)) + ((255,) if mode == "RGBA" else ())
                 for y in range(h) for x in range(w)])
    return png(img)


def open_lab(page, site_url):
    page.goto(site_url + LAB)
    wait_ready(page)


def wait_result(page, k=None, name=None, timeout=90_000):
    """Wait until the lab has finished a run (comparison included); return the palette shown."""
    page.wait_for_function(
        "([name]) => { const s = document.querySelector('#lab-status').textContent;"
        " return / colours? in [0-9.]+ s\\.$/.test(s) && (!name || s.startsWith(name + ':')); }",
        arg=[name], timeout=timeout)
    swatches = page.locator("#lab-palette li").all_inner_texts()
    palette = [tuple(int(v) for v in s.split("rgb(")[1].split(")")[0].split(",")) for s in swatches]
    if k is not None:
        assert len(palette) == k
    return palette


def quantized_colours(page):
    return {tuple(c) for c in page.evaluate("""() => {
        const c = document.querySelector('#lab-quantized');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        const seen = new Set();
        for (let i = 0; i < d.length; i += 4) seen.add(d[i] + ',' + d[i + 1] + ',' + d[i + 2]);
        return [...seen].map((s) => s.split(',').map(Number));
    }""")}


def set_k(page, k):
    page.fill("#lab-k", str(k))
    page.dispatch_event("#lab-k", "change")


def notice(page):
    return page.locator("#lab-notice").inner_text() if page.locator("#lab-notice").is_visible() else ""


def test_the_hand_over_gives_python_the_bytes_and_gets_results_back(page, site_url):
    open_lab(page, site_url)
    out = page.evaluate("""async () => {
        const rt = window.__lcRuntime, s = 'handover-test';
        const bytes = new Uint8Array([1, 2, 3, 255, 4, 5, 6, 255, 7, 8, 9, 255]);
        const data = bytes.buffer;
        await rt.setVariable(s, 'img', {data, width: 3, height: 1});
        const transferred = data.byteLength === 0;
        const run = await rt.run(s, 'x', 'info = {"size": [img.width, img.height], "sum": sum(img.data)}\\n' +
                                          'back = bytes((v + 1) % 256 for v in img.data)');
        const info = (await rt.getVariable(s, 'info')).value;
        const back = await rt.getVariable(s, 'back');
        const img = await rt.getVariable(s, 'img');
        const errors = [];
        for (const bad of [() => rt.setVariable(s, 'img', {data: new ArrayBuffer(5), width: 3, height: 1}),
                           () => rt.setVariable(s, 'not a name', {data: new ArrayBuffer(4), width: 1, height: 1}),
                           () => rt.getVariable(s, 'missing')]) {
            try { await bad(); errors.push(null); } catch (e) { errors.push(e.message); }
        }
        const still = await rt.run(s, 'y', 'img.width');
        return {transferred, ok: run.raised === null, info, back: [...new Uint8Array(back.data)], img: img.value,
                imgBytes: [...new Uint8Array(img.data)], errors, still: still.html};
    }""")
    assert out["transferred"] and out["ok"]
    assert out["info"] == {"size": [3, 1], "sum": 45 + 3 * 255}
    assert out["back"] == [2, 3, 4, 0, 5, 6, 7, 0, 8, 9, 10, 0]
    assert out["img"] == {"width": 3, "height": 1, "channels": 4} and out["imgBytes"][:3] == [1, 2, 3]
    assert "5 bytes but width*height*channels = 3*1*4 = 12" in out["errors"][0]
    assert "Python identifier" in out["errors"][1]
    assert "no variable 'missing'" in out["errors"][2]
    assert ">3<" in out["still"]  # a refused hand-over leaves the session as it was


def test_samples_then_changing_k_gives_k_swatches_and_only_palette_colours(page, site_url, watch):
    open_lab(page, site_url)
    for name in ("coffee", "chelsea", "astronaut", "gradient"):
        page.click(f"[data-name={name}]")
        palette = wait_result(page, 8, name)
        assert quantized_colours(page) <= set(palette)
    set_k(page, 4)
    palette = wait_result(page, 4)
    assert quantized_colours(page) == set(palette)
    assert page.locator("#lab-k-range").input_value() == "4"
    rows = [r.split("\t") for r in page.locator("#lab-comparison tr").all_inner_texts()]
    mse = {r[0]: float(r[1]) for r in rows}
    assert set(mse) == {"random palette", "median cut", "K-means"}
    assert mse["K-means"] < mse["median cut"] and mse["K-means"] < mse["random palette"]
    assert page.locator("#lab-scatter svg").count() == 2
    assert "dB" in page.locator("#lab-stats").inner_text()
    assert not watch.errors and not watch.outside(site_url.rstrip("/"))


def test_the_random_start_reruns_and_reports_its_iterations(page, site_url):
    open_lab(page, site_url)
    page.click("[data-name=coffee]")
    first = wait_result(page, 8, "coffee")
    page.select_option("#lab-init", "random")  # a change of start runs again, as a change of K does
    page.wait_for_function("!document.querySelector('#lab-status').textContent.startsWith('coffee:')")
    second = wait_result(page, 8, "coffee")
    assert second != first
    stats = dict(r.split("\t") for r in page.locator("#lab-stats tr").all_inner_texts())
    assert int(stats["iterations (coarse colour cells, then bins)"]) >= 2


def test_a_file_from_the_chooser_and_a_dropped_file(page, site_url, tmp_path):
    open_lab(page, site_url)
    path = tmp_path / "ramp.png"
    path.write_bytes(colours_png())
    with page.expect_file_chooser() as chooser:
        page.click(".lab-file")
    chooser.value.set_files(str(path))
    palette = wait_result(page, 8, "ramp.png")
    assert quantized_colours(page) <= set(palette)
    assert page.locator("#lab-quantized").evaluate("c => [c.width, c.height]") == [64, 48]
    drop(page, colours_png(40, 30), "dropped.png")
    wait_result(page, 8, "dropped.png")
    assert page.locator("#lab-quantized").evaluate("c => [c.width, c.height]") == [40, 30]


def drop(page, data: bytes, name: str, mime="image/png"):
    page.evaluate("""([b64, name, mime]) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], name, {type: mime}));
        document.querySelector('#lab').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
    }""", [base64.b64encode(data).decode(), name, mime])


def paste(page, data: bytes | None, name: str = "image.png", mime="image/png", target="body", text=None):
    """Paste as a browser does: a paste event whose clipboardData holds the file and/or text."""
    return page.evaluate("""([b64, name, mime, target, text]) => {
        const dt = new DataTransfer();
        if (text !== null) dt.setData('text/plain', text);
        if (b64 !== null) dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name, {type: mime}));
        const event = new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true});
        document.querySelector(target).dispatchEvent(event);
        return event.defaultPrevented;
    }""", [None if data is None else base64.b64encode(data).decode(), name, mime, target, text])


def test_a_pasted_image_is_quantized(page, site_url):
    open_lab(page, site_url)
    assert paste(page, colours_png(36, 28)) is True  # the lab took the paste
    palette = wait_result(page, 8, "image.png")
    assert quantized_colours(page) <= set(palette)
    assert page.locator("#lab-quantized").evaluate("c => [c.width, c.height]") == [36, 28]
    # text is left to the page, also with a file beside it when it lands in a field
    assert paste(page, None, text="some text") is False
    assert paste(page, colours_png(20, 10), "other.png", target="#lab-seed", text="other.png") is False
    assert page.locator("#lab-status").inner_text().startswith("image.png:")
    # a bare image pasted while a field has the focus is still the lab's
    assert paste(page, colours_png(24, 12), "shot.png", target="#lab-k") is True
    wait_result(page, 8, "shot.png")
    paste(page, b"plain words", "notes.txt", "text/plain")
    page.wait_for_function("document.querySelector('#lab-notice').textContent.includes('notes.txt is not an image')")


def test_the_download_is_a_png_of_the_image_size(page, site_url):
    open_lab(page, site_url)
    drop(page, colours_png(50, 20), "small.png")
    palette = wait_result(page, 8, "small.png")
    with page.expect_download() as download:
        page.click("#lab-download")
    data = open(download.value.path(), "rb").read()
    assert download.value.suggested_filename == "small-k8.png"
    img = Image.open(io.BytesIO(data))
    assert img.format == "PNG" and img.size == (50, 20)
    assert {c for _, c in img.convert("RGB").getcolors(1 << 24)} <= set(palette)


HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(200)
SVG = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!-- a logo -->\n<svg xmlns="http://www.w3.org/2000/svg" '
       b'width="10" height="10"><rect width="10" height="10" fill="red"/></svg>\n')


def truncated_png():
    data = colours_png()
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    ("data", "name", "mime", "words"),
    [
        (b"just some text\n", "notes.txt", "text/plain", "notes.txt is not an image (text/plain)"),
        (b"", "empty.png", "image/png", "empty.png is empty (0 bytes)"),
        (truncated_png(), "cut.png", "image/png", "cut.png is truncated"),
        (b"\xff\xd8\xff\xe0" + bytes(100), "cut.jpg", "image/jpeg", "cut.jpg is truncated"),
        (b"GIF89a" + bytes(range(256)), "noise.gif", "image/gif", "noise.gif could not be read as an image"),
        # an iPhone's photo: Chromium and Firefox cannot decode HEIC, and often give it no type
        (HEIC, "IMG_0001.HEIC", "image/heic", "IMG_0001.HEIC is a HEIC photo, the format iPhones save by default"),
        (HEIC, "IMG_0002.HEIC", "", "IMG_0002.HEIC is a HEIC photo"),
        (SVG, "logo.svg", "image/svg+xml", "logo.svg is an SVG drawing: lines and shapes, with no pixels to cluster"),
        (SVG, "drawing", "", "drawing is an SVG drawing"),
    ],
)
def test_bad_files_say_so_and_the_lab_still_works(page, site_url, data, name, mime, words):
    open_lab(page, site_url)
    drop(page, colours_png(32, 24), "good.png")
    wait_result(page, 8, "good.png")
    drop(page, data, name, mime)
    page.wait_for_function("w => document.querySelector('#lab-notice').textContent.includes(w)", arg=words)
    assert "Still showing good.png" in page.locator("#lab-status").inner_text()
    set_k(page, 3)
    wait_result(page, 3, "good.png")


def test_images_that_need_a_word(page, site_url):
    open_lab(page, site_url)
    drop(page, png(Image.new("RGB", (8, 8), (10, 120, 200))), "one.png")
    assert wait_result(page, 1, "one.png") == [(10, 120, 200)]
    assert page.locator("#lab-status").inner_text().startswith("one.png: 1 colour in ")
    rgba = Image.open(io.BytesIO(colours_png(mode="RGBA"))).copy()
    rgba.putalpha(128)
    drop(page, png(rgba), "glass.png")
    wait_result(page, 8, "glass.png")
    assert "transparent pixels: it was put on a white background" in notice(page)
    drop(page, png(Image.linear_gradient("L").resize((64, 64))), "grey.png")
    palette = wait_result(page, 8, "grey.png")
    assert "grey.png is greyscale" in notice(page)
    assert all(r == g == b for r, g, b in palette)
    two = Image.new("RGB", (10, 10), (200, 30, 30))
    two.paste((20, 20, 220), (0, 0, 5, 10))
    drop(page, png(two), "two.png")
    assert sorted(wait_result(page, 2, "two.png")) == [(20, 20, 220), (200, 30, 30)]
    assert "only 2 distinct colour(s), fewer than k=8" in notice(page)
    assert "distinct colours\t2" in page.locator("#lab-stats").inner_text()


def test_k_out_of_range_is_refused_with_a_message(page, site_url):
    open_lab(page, site_url)
    drop(page, colours_png(32, 24), "good.png")
    wait_result(page, 8, "good.png")
    for bad in ("40", "1", "2.5"):
        set_k(page, bad)
        assert "K must be a whole number from 2 to 32" in notice(page)
    set_k(page, 5)
    wait_result(page, 5, "good.png")


def test_a_huge_image_is_scaled_down_with_a_notice(page, site_url):
    open_lab(page, site_url)
    big = Image.new("RGB", (8000, 6250), (250, 250, 250))  # 50 megapixels
    big.paste((10, 60, 200), (0, 0, 4000, 6250))
    drop(page, png(big), "huge.png")
    wait_result(page, 2, "huge.png", timeout=120_000)
    assert "huge.png has 8000 × 6250 pixels (50.0 MP); it was scaled down to" in notice(page)
    w, h = page.locator("#lab-quantized").evaluate("c => [c.width, c.height]")
    assert w * h <= 4_000_000 and abs(w / h - 8000 / 6250) < 0.01


def test_a_transparent_image_is_put_on_white(page, site_url):
    open_lab(page, site_url)
    img = Image.new("RGBA", (20, 10), (0, 0, 255, 0))  # a blue hidden by alpha 0 ...
    img.paste((200, 0, 0, 255), (0, 0, 10, 10))  # ... beside opaque red
    drop(page, png(img), "half.png")
    assert sorted(wait_result(page, 2, "half.png")) == [(200, 0, 0), (255, 255, 255)]
    assert "distinct colours\t2" in page.locator("#lab-stats").inner_text()


def test_a_second_image_picked_while_the_first_is_read_wins(page, site_url):
    open_lab(page, site_url)
    seen = page.evaluate_handle("""() => {
        const seen = [];
        new MutationObserver(() => seen.push(document.querySelector('#lab-status').textContent))
            .observe(document.querySelector('#lab-status'), {childList: true, characterData: true, subtree: true});
        return seen;
    }""")
    big = Image.new("RGB", (6000, 4000), (240, 240, 240))  # slow to decode and scale down
    big.paste((10, 60, 200), (0, 0, 3000, 4000))
    drop(page, png(big), "big.png")
    drop(page, colours_png(30, 20), "small.png")
    wait_result(page, 8, "small.png")
    # the big image's decoding ends later; it must not take over
    page.evaluate("async (b64) => { const r = await fetch('data:image/png;base64,' + b64);"
                  " (await createImageBitmap(await r.blob())).close(); }", base64.b64encode(png(big)).decode())
    page.wait_for_timeout(500)
    assert page.locator("#lab-status").inner_text().startswith("small.png:")
    assert not [t for t in seen.json_value() if "Quantizing big.png" in t]
    assert page.locator("#lab-quantized").evaluate("c => [c.width, c.height]") == [30, 20]


def test_a_second_image_while_one_is_quantized_replaces_it(page, site_url):
    open_lab(page, site_url)
    page.click("[data-name=astronaut]")
    page.wait_for_function("document.querySelector('#lab').classList.contains('lab--busy')")
    drop(page, colours_png(30, 20), "second.png")
    wait_result(page, 8, "second.png")
    assert "The run for the previous image was stopped." in notice(page)
    assert page.locator("#lab-quantized").evaluate("c => [c.width, c.height]") == [30, 20]


def test_stop_ends_a_run_and_run_starts_again(page, site_url):
    open_lab(page, site_url)
    drop(page, colours_png(1600, 1200), "long.png")  # 1.9 megapixels: seconds of work in Pyodide
    page.wait_for_function("document.querySelector('#lab-status').textContent.startsWith('Quantizing long.png')")
    page.click("#lab-stop")
    page.wait_for_function("document.querySelector('#lab-status').textContent.startsWith('Stopped.')", timeout=60_000)
    assert page.locator("#lab-stop").is_disabled() and not page.locator("#lab-results").is_visible()
    set_k(page, 3)
    wait_result(page, 3, "long.png", timeout=180_000)


def test_the_lab_works_offline_after_one_visit(browser, site_url):
    context = browser.new_context(service_workers="allow")
    page = context.new_page()
    open_lab(page, site_url)
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=60_000)
    context.set_offline(True)
    page.reload()
    wait_ready(page)
    page.click("[data-name=chelsea]")
    wait_result(page, 8, "chelsea")
    context.close()


def test_the_live_cell_runs_on_the_handed_over_image_and_the_lab_leaves_the_readers_names_alone(page, site_url):
    """The lab hands over `image` and nothing else of its own: every other name
    it keeps in the page's session starts with _lab (a reader's `q` survives)."""
    open_lab(page, site_url)
    page.evaluate("window.__lcRuntime.run(location.pathname, 'mine', 'q = \"the reader\\'s\"')")
    drop(page, colours_png(64, 48), "ramp.png")
    wait_result(page, 8, "ramp.png")
    names = page.evaluate("""async () => {
        const rt = window.__lcRuntime;
        await rt.run(location.pathname, 'n', 'names = sorted(n for n in globals() if not n.startswith("_"))');
        return [(await rt.getVariable(location.pathname, 'names')).value,
                (await rt.getVariable(location.pathname, 'q')).value];
    }""")
    assert names == [["display", "image", "q"], "the reader's"], names  # display: every session's
    cell = page.locator(".lc-cell:not(.lc-setup .lc-cell)").first
    cell.locator(".lc-btn--run").click()
    page.wait_for_function("el => el.textContent.includes('Buffer 64 x 48')", arg=cell.locator(".lc-output").element_handle())


def test_the_lab_warms_python_up_once_ready_and_keeps_nothing_of_it(page, site_url):
    """Once Python is ready the lab quantizes its first sample out of sight (the
    first run in a page is otherwise about twice as slow), then a reader's image
    is quantized as usual, and the warm-up's names are gone from the session."""
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    open_lab(page, site_url)
    page.wait_for_function("document.querySelector('#lab').dataset.warm === 'done'", timeout=60_000)
    first_sample = page.locator("[data-sample]").first.get_attribute("data-sample")
    assert any(url.endswith(first_sample.split("/")[-1]) for url in requests)
    assert page.locator("#lab-results").is_hidden() and page.locator("#lab-status").inner_text() == "Pick an image."
    out = page.evaluate("""async () => {
        const rt = window.__lcRuntime;
        await rt.run(location.pathname, 'w', 'seen = [n for n in ("_lab_warm", "_lab_warm_up") if n in globals()]');
        return (await rt.getVariable(location.pathname, 'seen')).value;
    }""")
    assert out == []
    drop(page, colours_png(64, 48), "ramp.png")
    wait_result(page, 8, "ramp.png")
