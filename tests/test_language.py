"""clusterlab.set_language: the library's words in en, nb and id, and no language leaking between sessions."""

from __future__ import annotations

import re
import string
import xml.etree.ElementTree as ET

import pytest

import clusterlab
from clusterlab import _language, checks, player, plot
from clusterlab.hierarchy import linkage, merge_steps
from clusterlab.kmeans import KMeans
from clusterlab.plot import dendrogram, scatter
from livecells.runner import STATE_KEY, new_namespace, run_cell

X = [[1, 1], [2, 1], [4, 5], [7, 7], [5, 7]]


@pytest.fixture(autouse=True)
def english_after():
    yield
    clusterlab.set_language("en")


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_language_has_every_key_with_the_same_fields():
    english = _language.WORDS["en"]
    assert set(_language.WORDS) == set(_language.LANGUAGES)
    for lang, words in _language.WORDS.items():
        assert set(words) == set(english), lang
        for key, text in words.items():
            assert fields(text) == fields(english[key]), (lang, key)
            same = ("kmeans.start", "merge.start", "table.obs", "plot.title.dendrogram")
            if lang != "en" and key not in same:
                assert text != english[key] or key == "table.inertia" and lang == "nb", (lang, key)


def test_english_is_the_default_and_bad_codes_name_the_choices():
    assert clusterlab.get_language() == "en"
    for bad in ("fr", "NB", "", None, 3):
        with pytest.raises(ValueError, match=r"choose one of 'en' \(English\), 'nb' .*'id'"):
            clusterlab.set_language(bad)
    assert clusterlab.get_language() == "en"


def player_html():
    km = KMeans(2, init=[[1, 1], [7, 7]]).fit(X)
    return player.kmeans_player(km, X, names="abcde")._repr_html_()


def test_player_buttons_and_captions_follow_the_language():
    english = player_html()
    assert "◀ Previous" in english and "Next ▶" in english and "Step 1 of 4" in english
    assert "Iteration 1, assign:" in english
    clusterlab.set_language("nb")
    norsk = player_html()
    assert "◀ Forrige" in norsk and "Neste ▶" in norsk and "Steg 1 av 4" in norsk
    assert "Iterasjon 1, tilordne:" in norsk and "Previous" not in norsk
    clusterlab.set_language("id")
    indonesia = player_html()
    assert "◀ Sebelumnya" in indonesia and "Berikutnya ▶" in indonesia and "Langkah 1 dari 4" in indonesia
    clusterlab.set_language("en")
    assert player_html() == english


def test_player_step_text_is_the_one_player_js_writes():
    from livecells.words import fill, words

    for lang in _language.LANGUAGES:
        clusterlab.set_language(lang)
        assert _language.say("player.step", step=3, steps=7) == fill(words(lang)["player"]["step"], step=3, steps=7)


def test_check_feedback_follows_the_language():
    assert repr(checks.Verdict(True, "x")) == "✓ Right: x"
    clusterlab.set_language("nb")
    assert repr(checks.Verdict(True, "x")) == "✓ Riktig: x"
    assert repr(checks.Verdict(False, "x")) == "✗ Ikke ennå: x"
    report = checks.Report([("assign", [("a", None)]), ("update", [("b", None)])])
    assert repr(report).splitlines()[-1] == "Alt riktig: assign og update stemmer med clusterlab i alle tilfellene."
    clusterlab.set_language("id")
    failed = checks.Report([("assign", [("a", None), ("b", "wrong")])])
    assert repr(failed).splitlines()[0] == "assign: 1 dari 2 kasus benar"
    assert repr(failed).splitlines()[-1].startswith("Belum:")


def test_tables_follow_the_language():
    km = KMeans(2, init=[[1, 1], [7, 7]]).fit(X)
    english = km.history_[0].table()
    assert english.startswith("iteration 1:") and "cluster  moved" in english and "inertia =" in english
    assert str(merge_steps(X)[0]).startswith("step 1: merge a and b at 1.000 -> {a,b}")
    clusterlab.set_language("nb")
    norsk = km.history_[0].table()
    assert norsk.startswith("iterasjon 1:") and "klynge  flyttet" in norsk
    assert str(merge_steps(X)[0]).startswith("steg 1: slå sammen a og b i høyde 1,000 -> {a,b}")
    assert "C1 = (1,00; 1,00)" in norsk  # a decimal comma, so coordinates are split by ';'
    clusterlab.set_language("id")
    assert "inersia = 18,00" in km.history_[0].table() and "    4,5    7,8" in str(merge_steps(X)[0])
    clusterlab.set_language("en")
    assert km.history_[0].table() == english


def test_numbers_meant_for_reading_take_the_languages_decimal_mark():
    """Figures' ticks and descriptions and the players' captions; what Python prints stays Python's."""
    from clusterlab.player import kmeans_player

    english = scatter([[0.5, 1.25], [2.5, 3.75]], [0, 1]).svg
    assert ">0.5<" in english or ">1.0<" in english
    clusterlab.set_language("nb")
    norsk = scatter([[0.5, 1.25], [2.5, 3.75]], [0, 1]).svg
    ticks = re.findall(r">(−?[0-9][0-9.,]*)<", norsk)
    assert ticks and all("." not in t for t in ticks) and any("," in t for t in ticks), ticks
    data = [[0], [1], [9], [10]]
    caption = kmeans_player(KMeans(2, init=[[0], [1]]).fit(data), data)._repr_html_()
    assert "(0,5)" in caption and "(9,5)" in caption and "0.5" not in caption
    assert str(0.5) == "0.5"
    clusterlab.set_language("en")


def test_plot_labels_follow_the_language_and_given_labels_win():
    Z = linkage(X, "complete")
    english = dendrogram(Z, cut=4).svg
    assert ">height<" in english and "2 clusters" in english and "cut at 4" in english
    assert ">cluster<" in scatter(X, [0, 0, 1, 1, 1]).svg
    clusterlab.set_language("nb")
    norsk = dendrogram(Z, cut=4).svg
    assert ">høyde<" in norsk and "2 klynger" in norsk and "kutt i 4" in norsk and "cut at" not in norsk
    assert ">klynge<" in scatter(X, [0, 0, 1, 1, 1]).svg
    assert ">gruppe<" in scatter(X, [0, 0, 1, 1, 1], legend_title="gruppe").svg
    assert ">avstand<" in dendrogram(Z, ylabel="avstand").svg
    assert repr(scatter(X)).endswith("kB SVG: vis den, eller fig.save('navn.svg')>")
    clusterlab.set_language("en")
    assert dendrogram(Z, cut=4).svg == english
    assert repr(scatter(X)).endswith("kB SVG: display it, or fig.save('name.svg')>")


def test_a_session_keeps_its_language_and_never_gives_it_to_another():
    show = "from clusterlab import checks\nchecks.Verdict(True, 'x')"
    norsk, english = new_namespace(), new_namespace()
    assert "✓ Right" in run_cell(show, norsk).html
    run_cell("import clusterlab\nclusterlab.set_language('nb')", norsk)
    assert clusterlab.get_language() == "en"  # outside a cell, the process stays English
    assert "✓ Riktig" in run_cell(show, norsk).html
    assert "✓ Right" in run_cell(show, english).html  # another page, in the same Python
    assert "✓ Riktig" in run_cell(show, norsk).html  # back on the first page: still Norwegian
    assert norsk[STATE_KEY]["clusterlab._language"] == "nb" and english[STATE_KEY]["clusterlab._language"] == "en"
    # a rich result is drawn (its _repr_html_ called) inside the session's language too
    html = run_cell("from clusterlab.player import StepPlayer\nStepPlayer(['a', 'b'])", norsk).html
    assert "Neste ▶" in html


def test_a_failing_cell_keeps_the_language_it_set():
    ns = new_namespace()
    result = run_cell("import clusterlab\nclusterlab.set_language('id')\n1 / 0", ns)
    assert not result.ok and clusterlab.get_language() == "en"
    assert "✓ Benar" in run_cell("from clusterlab import checks\nchecks.Verdict(True, 'x')", ns).html


def test_check_case_names_are_the_cases_in_english_and_translated_elsewhere():
    english = _language.WORDS["en"]
    assert [english[f"check.assign_case_{i}"] for i in range(len(checks.ASSIGN_CASES))] == [
        name for name, *_ in checks.ASSIGN_CASES]
    assert [english[f"check.update_case_{i}"] for i in range(len(checks.UPDATE_CASES))] == [
        name for name, *_ in checks.UPDATE_CASES]

    def assign(points, centroids):
        return [0] * len(points)

    clusterlab.set_language("nb")
    text = repr(checks.check_assign(assign))
    assert "✓ forelesningens punkter a-e, sentroidene a og d" not in text  # wrong there: a cross
    assert "✗ forelesningens punkter a-e, sentroidene a og d" in text


def test_check_messages_follow_the_language_and_so_do_play_kmeans_errors():
    def sums(points, labels, k):  # sums instead of means, and no centroid for an empty cluster
        out = [[0.0] * len(points[0]) for _ in range(k)]
        for x, lab in zip(points, labels):
            out[lab] = [s + v for s, v in zip(out[lab], x)]
        return [row for j, row in enumerate(out) if j in labels]

    english = checks.check_update(sums).problems
    assert "That is their sum: divide by the number of points, 2." in english[0]
    assert "Cluster 1 has no point, so it has no mean" in english[-1]
    clusterlab.set_language("nb")
    norsk = checks.check_update(sums).problems
    assert "Det er summen deres: del på antall punkter, 2." in norsk[0]
    assert "Klynge 1 har ingen punkter, så den har ikke noe gjennomsnitt" in norsk[-1]  # found by key, not by words
    clusterlab.set_language("id")
    assert "Klaster 1 tidak punya titik" in checks.check_update(sums).problems[-1]

    def assign(points, centroids):
        return None

    with pytest.raises(ValueError, match=r"^iterasi 1: assign mengembalikan None: apakah Anda lupa `return`"):
        checks.play_kmeans(assign, sums, X, [[1, 1], [7, 7]])
    assert clusterlab.get_language() == "id"
    clusterlab.set_language("en")
    with pytest.raises(ValueError, match=r"^iteration 1: assign returned None: did you forget `return`"):
        checks.play_kmeans(assign, sums, X, [[1, 1], [7, 7]])


def test_a_long_legend_says_how_many_more_in_the_language():
    labels = list(range(30))
    points = [[i, i % 7] for i in range(30)]
    english = scatter(points, labels).svg
    assert "\u2026" in english and " more</text>" in english
    clusterlab.set_language("nb")
    assert " til</text>" in scatter(points, labels).svg


def every_kind_of_figure():
    """One figure of each kind, with default titles, reaching every part of their descriptions."""
    Z = linkage(X, "complete")
    many = [[i, i % 7] for i in range(30)]
    pix = [[250, 10, 10], [240, 30, 20], [10, 20, 230], [20, 200, 40]]
    return {
        "scatter": plot.scatter(X),
        "scatter of one point": plot.scatter([[1, 2]]),
        "clusters": plot.scatter(X, [0, 1, 2, 3, 4], centers=[[1, 1], [2, 1], [4, 5], [7, 7], [5, 7]]),
        "many clusters": plot.scatter(many, list(range(30))),
        "1-D": plot.scatter([3, 1, 2], [0, 1, 1]),
        "scatter matrix by cluster": plot.scatter_matrix(pix, [0, 0, 1, 1]),
        "scatter matrix in colour": plot.scatter_matrix(pix, colors="rgb", raster=True),
        "dendrogram cut": plot.dendrogram(Z, cut=4),
        "dendrogram for 2 clusters, left": plot.dendrogram(Z, n_clusters=2, orientation="left"),
        "dendrogram coloured": plot.dendrogram(Z, color_threshold=5),
        "heat map": plot.heatmap([[0, 1], [1, 0]], ["p1", "p2"], highlight=(0, 1)),
        "heat map unwritten": plot.heatmap([[0, 1], [1, 0]], ["p1", "p2"], annotate=False),
        "swatches": plot.swatches(["#000", "#123456"], [3, 1]),
        "line": plot.line([1, 2, 3], [3, 2, 1], xlabel="x1", highlight=2),
        "line of series": plot.line([1, 2, 3], {"s1": [3, 2, 1], "s2": [1, 2, 3]}, ylabel="x2"),
        "grey image": plot.image(b"\x00" * 4, 2, 2, 1),
        "colour image": plot.image(b"\x00" * 12, 2, 2, 3),
        "grid": plot.grid([plot.swatches(["#000"]), plot.image(b"\x00" * 4, 2, 2, 1)]),
    }


def spoken_words(fig):
    """The words of a figure's <title> and <desc>: runs of two or more letters (not names like x1)."""
    root = ET.fromstring(fig.svg)
    ns = "{http://www.w3.org/2000/svg}"
    text = root.find(ns + "title").text + " " + root.find(ns + "desc").text
    assert fig.title == root.find(ns + "title").text
    return {w.lower() for w in re.findall(r"\b[^\W\d_]{2,}\b", text)}


# words that are the same in English and the language: the course's own terms
SAME_WORD = {"nb": {"dendrogram", "histogram", "panel"}, "id": {"dendrogram", "histogram", "panel", "diagonal"}}


@pytest.mark.parametrize("lang", ["nb", "id"])
def test_figures_describe_themselves_in_the_language(lang):
    english = {kind: spoken_words(fig) for kind, fig in every_kind_of_figure().items()}
    clusterlab.set_language(lang)
    left = {}
    for kind, fig in every_kind_of_figure().items():
        assert english[kind] - SAME_WORD[lang], kind  # the English version does say something
        if english_words := (spoken_words(fig) & english[kind]) - SAME_WORD[lang]:
            left[kind] = sorted(english_words)
    assert left == {}


# What each language says about one thing; "1 clusters" (or "1 klynger") is what the _one keys prevent.
SINGULAR = {
    "en": ["1 cluster, 0: 5", "1 cluster centre marked with a cross", "2 leaves joined by 1 merge,",
           "gives 1 cluster.", "Coloured as 1 cluster below", "1 colour swatch:", "Line plot of 1 point",
           "Scatter matrix of 1 point and", "(1 cluster)", "Start: 1 initial centroid,"],
    "nb": ["1 klynge, 0: 5", "1 klyngesentroide markert", "2 blader som slås sammen i ett steg",
           "gir 1 klynge.", "Farget som 1 klynge under", "1 fargeprøve:", "Linjediagram med 1 punkt",
           "Kryssplottmatrise av 1 punkt og", "(1 klynge)", "Start: 1 startsentroide,"],
    "id": ["1 klaster, 0: 5", "1 centroid klaster ditandai", "2 daun yang digabung dalam 1 langkah",
           "menghasilkan 1 klaster.", "Diwarnai sebagai 1 klaster", "1 contoh warna:", "Diagram garis dengan 1 titik",
           "Matriks diagram pencar dengan 1 titik", "(1 klaster)", "Awal: 1 centroid awal,"],
}
PLURAL_AFTER_ONE = {
    "en": r"\b1 (clusters|cluster centres|merges|colour swatches|points|initial centroids)\b",
    "nb": r"\b1 (klynger|klyngesentroider|fargeprøver|punkter|startsentroider|steg)\b",
    "id": r"\b1 (klaster-klaster|titik-titik)\b",
}


def one_of_everything():
    """The figure descriptions and the player caption that count one thing."""
    Z = linkage(X, "complete")
    figures = [
        plot.scatter(X, [0] * 5, centers=[[3.8, 4.2]]),
        plot.dendrogram([[0, 1, 1.0, 2]]),
        plot.dendrogram(Z, cut=100),
        plot.dendrogram(Z, color_threshold=100),
        plot.swatches(["#123456"]),
        plot.line([1], [2]),
        plot.scatter_matrix([[1, 2, 3]], [0]),
    ]
    root = "{http://www.w3.org/2000/svg}desc"
    said = [ET.fromstring(fig.svg).find(root).text for fig in figures]
    said.append(player.kmeans_player(KMeans(1, init=[[1, 1]]).fit(X), X).captions[0])
    return " | ".join(said)


@pytest.mark.parametrize("lang", ["en", "nb", "id"])
def test_one_thing_is_said_in_the_singular_in_every_language(lang):
    clusterlab.set_language(lang)
    text = one_of_everything()
    assert [phrase for phrase in SINGULAR[lang] if phrase not in text] == []
    assert re.findall(PLURAL_AFTER_ONE[lang], text) == []


def test_every_key_said_with_a_count_has_a_singular_twin_in_every_language():
    """say_count(key, 1) looks up key + "_one": a missing twin would fail only when one thing is counted."""
    from pathlib import Path

    source = Path(clusterlab.__file__).parent
    keys = {key for path in source.rglob("*.py")
            for key in re.findall(r'say_count\(\s*"([^"]+)"', path.read_text(encoding="utf-8"))}
    assert len(keys) >= 10
    for lang, words in _language.WORDS.items():
        missing = [key for key in sorted(keys) if key not in words or key + "_one" not in words]
        assert missing == [], lang
        for key in keys:  # the singular needs no field that the plural does not give
            assert fields(words[key + "_one"]) <= fields(words[key]), (lang, key)


def test_the_runner_keeps_any_modules_declared_session_state_and_names_no_library():
    """livecells.runner knows clusterlab only through ``__session_state__``, which any module may declare."""
    import ast
    import sys
    import types

    import livecells.runner as runner

    counter = types.ModuleType("counter_for_test")
    counter.value = 0

    def set_value(v):
        counter.value = v

    counter.__session_state__ = (lambda: counter.value, set_value, 0)
    sys.modules["counter_for_test"] = counter
    try:
        one, two = new_namespace(), new_namespace()
        run_cell("import counter_for_test as c\nc.value = 5", one)
        assert counter.value == 0  # outside a cell: the default
        assert run_cell("import counter_for_test as c\nc.value", two).html.count(">0<") == 1
        assert ">5<" in run_cell("import counter_for_test as c\nc.value", one).html
    finally:
        del sys.modules["counter_for_test"]
    tree = ast.parse(open(runner.__file__).read())
    names = [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    names += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    assert not [n for n in names if n and n.startswith("clusterlab")]
    assert not [s for s in strings if "clusterlab." in s and "\n" not in s], "a library named in the runner's code"
