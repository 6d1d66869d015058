"""The Image lab's controls, written into its page by the build in the page's
language (web/words.json, part "lab"); web/lab.js brings them to life.

A page with ``lab: true`` in its front matter holds one line where the lab
goes, ``<div id="lab" class="lab"></div>``; the hook (mkdocs_hook.py) puts
the lab there.  One template serves every language, and the samples'
addresses are worked out from the page's own address.

>>> html = lab_html("nb", "nb/image-lab/")
>>> 'data-sample="../../assets/lab/coffee.jpg" data-name="coffee">Kaffe</button>' in html
True
>>> fill_placeholder("<p>no lab here</p>", "en", "image-lab/")
Traceback (most recent call last):
...
ValueError: image-lab/ has `lab: true` but not the line <div id="lab" class="lab"></div> where the lab goes: add it to the page.
"""

from __future__ import annotations

from html import escape

from livecells import words

#: The line of a lab page where the build puts the lab.
PLACEHOLDER = '<div id="lab" class="lab"></div>'
#: The bundled samples (tools/prepare_data.py writes them): file, key in the words.
SAMPLES = (("coffee.jpg", "coffee"), ("chelsea.jpg", "chelsea"), ("astronaut.jpg", "astronaut"),
           ("gradient.png", "gradient"))
K_MIN, K_MAX, K_START = 2, 32, 8  # web/lab.js reads the range from the control


def lab_html(lang: str, page_url: str) -> str:
    """The lab's HTML in language ``lang`` for the page at ``page_url`` (from the site's root)."""
    said = {key: escape(text) for key, text in words.words(lang)["lab"].items()}
    assets = "../" * page_url.count("/") + "assets/lab/"
    samples = "\n".join(
        f'<button type="button" class="md-button" data-sample="{assets}{file}" data-name="{key}">{said[key]}</button>'
        for file, key in SAMPLES
    )
    chooser = f'<label class="lab-file">{said["chooseFile"]}<input type="file" id="lab-file" accept="image/*"></label>'
    k = f'min="{K_MIN}" max="{K_MAX}" value="{K_START}"'
    return f"""<div id="lab" class="lab">
<p class="lab-nojs">{said["noScript"]}</p>
<div class="lab-pick" role="group" aria-labelledby="lab-pick-title">
<p id="lab-pick-title" class="lab-title">{said["pickTitle"]}</p>
<div class="lab-samples">
{samples}
</div>
<p class="lab-drop" id="lab-drop">{words.fill(said["pickOther"], file=chooser)}</p>
</div>
<div class="lab-controls" role="group" aria-labelledby="lab-controls-title">
<p id="lab-controls-title" class="lab-title">{said["controlsTitle"]}</p>
<label>K <input type="range" id="lab-k-range" {k} aria-label="{said["kSlider"]}"></label>
<input type="number" id="lab-k" {k} aria-label="{said["kNumber"]}">
<label>{said["start"]} <select id="lab-init"><option value="k-means++" selected>k-means++</option><option value="random">{said["randomStart"]}</option></select></label>
<label>{said["seed"]} <input type="number" id="lab-seed" value="0" min="0" step="1"></label>
<span class="lab-buttons"><button type="button" class="md-button md-button--primary" id="lab-run">{said["run"]}</button>
<button type="button" class="md-button" id="lab-stop" disabled>{said["stop"]}</button></span>
</div>
<p class="lab-status" id="lab-status" role="status" aria-live="polite"></p>
<p class="lab-notice" id="lab-notice" role="alert" hidden></p>
<div class="lab-results" id="lab-results" hidden>
<div class="lab-images">
<figure><canvas id="lab-original" aria-label="{said["originalLabel"]}"></canvas><figcaption>{said["original"]}</figcaption></figure>
<figure><canvas id="lab-quantized" aria-label="{said["quantizedLabel"]}"></canvas><figcaption id="lab-quantized-caption">{said["quantizedCaption"]}</figcaption></figure>
</div>
<figure class="lab-compare">
<div class="lab-compare-box">
<div class="lab-compare-frame"><canvas id="lab-before"></canvas><canvas id="lab-after" aria-label="{said["beforeAfterLabel"]}"></canvas></div>
<input type="range" id="lab-split" min="0" max="100" value="50" aria-label="{said["splitLabel"]}">
</div>
<figcaption>{said["splitCaption"]}</figcaption>
</figure>
<p><a class="md-button" id="lab-download" download="quantized.png" href="#">{said["download"]}</a></p>
<table class="lab-stats"><tbody id="lab-stats"></tbody></table>
<p class="lab-title">{said["palette"]}</p>
<ol class="lab-palette" id="lab-palette"></ol>
<p class="lab-title">{said["comparisonTitle"]}</p>
<table class="lab-compare-table"><thead><tr><th>{said["paletteColumn"]}</th><th>MSE</th><th>PSNR</th></tr></thead><tbody id="lab-comparison"></tbody></table>
<p class="lab-title">{said["scatterTitle"]}</p>
<div class="lab-scatter" id="lab-scatter"></div>
</div>
</div>"""


def fill_placeholder(html: str, lang: str, page_url: str) -> str:
    """A lab page's HTML with the lab in place of :data:`PLACEHOLDER`."""
    if html.count(PLACEHOLDER) != 1:
        raise ValueError(
            f"{page_url} has `lab: true` but not the line {PLACEHOLDER} where the lab goes"
            + (": add it to the page." if PLACEHOLDER not in html else " once: keep one.")
        )
    return html.replace(PLACEHOLDER, lab_html(lang, page_url))
