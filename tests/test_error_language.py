"""clusterlab's own error messages, warnings and Dataset's repr follow clusterlab.set_language.

The English stays the library's original wording (other tests match it, the
README quotes it); Norwegian and Indonesian come from ``error.*`` and
``warning.*`` keys of ``clusterlab._language.WORDS``.  The source scans
below make sure that no raise or warning bypasses ``say`` and that every key
is used, with the fields its texts need (an error path is seldom run, so a
missing key or field would otherwise show up only in a learner's cell).
"""

from __future__ import annotations

import ast
import string
import warnings
from pathlib import Path

import pytest

import clusterlab
from clusterlab import _language, checks, datasets, distance, hierarchy, kmeans, plot, quantize
from clusterlab._text import text_table
from clusterlab.player import StepPlayer
from livecells.runner import new_namespace, run_cell

SOURCE = Path(clusterlab.__file__).parent
X = [[1, 1], [2, 1], [4, 5], [7, 7], [5, 7]]
Z = hierarchy.linkage(X, "single")


@pytest.fixture(autouse=True)
def english_after():
    yield
    clusterlab.set_language("en")


class Piece:
    """A part of a message that is itself looked up (``{got}``, ``{hint}``, ...): its text in ``lang``."""

    def __init__(self, key, **fields):
        self.key, self.fields = key, fields

    def text(self, lang):
        return _language.WORDS[lang][self.key].format(**filled(self.fields, lang))


def filled(fields, lang):
    return {name: value.text(lang) if isinstance(value, Piece) else value for name, value in fields.items()}


def expected(lang, key, fields):
    return _language.WORDS[lang][key].format(**filled(fields, lang))


def returns_none(points, centroids):
    return None


# (module, the call, the exception, today's English, the key, its fields)
ERRORS = [
    ("_validate", lambda: kmeans.KMeans(0).fit(X), ValueError,
     "n_clusters must be at least 1, got 0.",
     "error.too_small", {"name": "n_clusters", "minimum": 1, "value": 0}),
    ("_validate", lambda: distance.euclidean([1, "a"], [1, 2]), TypeError,
     "u[1] must be a number, got str 'a'; convert text to numbers first (for example float(s)).",
     "error.not_a_number", {"name": "u[1]", "kind": "str", "value": "a"}),
    ("_validate", lambda: distance.squareform([1.0], force="x"), ValueError,
     "unknown force 'x'; use one of 'no', 'tomatrix', 'tovector'.",
     "error.unknown_choice", {"name": "force", "value": "x", "listed": "'no', 'tomatrix', 'tovector'"}),
    ("_validate", lambda: hierarchy.linkage(X, optimal_ordering=True), ValueError,
     "clusterlab's linkage does not offer optimal_ordering=True (scipy's option); the merges are the same "
     "without it; only the leaves' order differs.",
     "error.not_offered", {"function": "linkage", "name": "optimal_ordering", "value": True,
                           "hint": Piece("error.hint_optimal_ordering")}),
    ("_text", lambda: text_table(["a"], [["1", "2"]]), ValueError,
     "every row needs 1 cells, as many as the header.",
     "error.table_row", {"ncol": 1}),
    ("distance", lambda: distance.euclidean([1, 2], [1, 2, 3]), ValueError,  # the cell of distances.md
     "u has 2 values but v has 3; both observations need the same features.",
     "error.same_features", {"u": 2, "v": 3}),
    ("distance", lambda: distance.squareform([[0, 1], [1, 0]], force="tomatrix"), ValueError,
     "force='tomatrix' but X is a square matrix; use force='no' to convert either way.",
     "error.squareform_force", {"force": "tomatrix", "kind": Piece("error.kind_square_matrix")}),
    ("_hierarchy_algorithms", lambda: hierarchy.linkage([1e300, 1, 1]), ValueError,
     "y gives distances up to 1e+300, above 1e+150; rescale the data (for example divide by its largest value).",
     "error.too_far", {"name": "y", "biggest": 1e300, "limit": 1e150}),
    ("hierarchy", lambda: hierarchy.fcluster(Z, 2), ValueError,  # as the cell of hierarchical.md
     "fcluster(Z, 2) needs a criterion. scipy's fcluster reads it as criterion='inconsistent' (its default), "
     "which gives 1 cluster here, so the same call would not carry over. Write criterion='maxclust' for at "
     "most 2 clusters, criterion='distance' to cut at height 2, or criterion='inconsistent' for scipy's default.",
     "error.no_criterion", {"t": 2, "scipy_says": Piece("error.scipy_gives_one", k=1)}),
    ("hierarchy", lambda: hierarchy.cut_tree(Z, 2, 3), ValueError,
     "give n_clusters or height, not both.",
     "error.cut_both", {}),
    ("hierarchy", lambda: hierarchy.dendrogram(Z, labels=["a", "b"]), ValueError,
     "labels must give one label per observation (5), got 2.",
     "error.dendrogram_labels", {"n": 5, "got": 2}),
    ("kmeans", lambda: kmeans.KMeans(9).fit(X), ValueError,
     "n_clusters=9 but X has only 5 observation(s); choose n_clusters <= 5.",
     "error.too_many_clusters", {"k": 9, "n": 5}),
    ("kmeans", lambda: kmeans.KMeans(2).predict(X), kmeans.NotFittedError,
     "This KMeans is not fitted yet; call fit(X) before predict(X).",
     "error.not_fitted", {"what": "predict"}),
    ("kmeans", lambda: kmeans.KMeans(2, init=[[1, "a"]]).fit(X), TypeError,
     "init[0][1] must be a number, got str 'a'; convert text to numbers first (for example float(s)). "
     "(init must be 'k-means++', 'random' or a list of 2 centroids)",
     "error.init_wrapped", {"error": Piece("error.not_a_number", name="init[0][1]", kind="str", value="a"),
                            "k": 2}),
    ("_image", lambda: quantize.quantize(b"\0" * 6, 1, 1, channels=2), ValueError,
     "channels must be 3 (RGB) or 4 (RGBA), got 2.",
     "error.channels", {"channels": 2}),
    ("quantize", lambda: quantize.quantize(b"\0" * 6, 1, 2, channels=3, tol=-1), ValueError,
     "tol must be a number >= 0, got -1.", "error.tol_number", {"tol": -1}),
    ("_median_cut", lambda: quantize.psnr(-1), ValueError,
     "mse must be a number >= 0 (a mean squared error), got -1.",
     "error.mse", {"mse": -1}),
    ("datasets", lambda: datasets.load_photo("x"), ValueError,
     "unknown photo 'x'; use one of 'coffee', 'chelsea'.",
     "error.unknown_photo", {"name": "x", "listed": "'coffee', 'chelsea'"}),
    ("datasets", lambda: datasets.load_iris(columns=["x"]), ValueError,
     "unknown column 'x'; use one of 'sepal_length', 'sepal_width', 'petal_length', 'petal_width' "
     "(or a 0-based position).",
     "error.unknown_feature", {"what": Piece("error.what_column"), "feature": "x",
                               "listed": "'sepal_length', 'sepal_width', 'petal_length', 'petal_width'"}),
    ("player", lambda: StepPlayer([]), ValueError,
     "frames is empty; give at least one frame (a figure, an HTML object or a string).",
     "error.frames_empty", {}),
    ("checks", lambda: checks.check_assign(3), TypeError,
     "assign must be your function assign(points, centroids), got int; pass the function itself, without ().",
     "error.not_callable", {"name": "assign", "args": "points, centroids", "kind": "int"}),
    ("checks", lambda: checks.play_kmeans(returns_none, None, X, [[1, 1], [7, 7]]), TypeError,
     "update must be your function update(points, labels, k), got NoneType; pass the function itself, without ().",
     "error.not_callable", {"name": "update", "args": "points, labels, k", "kind": "NoneType"}),
    ("checks", lambda: checks.play_kmeans(returns_none, lambda p, lab, k: p, X, [[1, 1], [7, 7]]), ValueError,
     "iteration 1: assign returned None: did you forget `return` at the end?",
     "error.iteration", {"it": 1, "problem": Piece("check.returned_none", name="assign")}),
    ("plot/compose", lambda: plot.grid([plot.swatches(["#000"]), "a figure"]), TypeError,
     "figures[1] is str, not a Figure; pass what scatter(), image(), ... return.",
     "error.grid_not_figure", {"i": 1, "kind": "str"}),
    ("plot/line", lambda: plot.line([1, 2, 3], [1, 2]), ValueError,
     "x has 3 values but y has 2; give one x per y value.",
     "error.x_length", {"got": 3, "m": 2}),
    ("plot/dendrogram", lambda: plot.dendrogram(Z, cut=1, n_clusters=2), ValueError,
     "give cut (a height) or n_clusters (a number of clusters), not both.",
     "error.cut_and_n_clusters", {}),
    ("plot/dendrogram", lambda: plot.dendrogram(Z, labels=["a", "b"]), ValueError,
     "labels has 2 names but Z joins 5 observations; give one name each.",
     "error.labels_for_Z", {"got": Piece("error.got_names", count=2), "n": 5}),
    ("plot/_svg", lambda: plot.scatter(X).save("x.png"), ValueError,
     "path 'x.png' should end in .svg or .html; for PNG, open the .svg in a browser and take a screenshot.",
     "error.save_path", {"path": "x.png"}),
    ("plot/matrix", lambda: plot.heatmap([[1]], highlight=(3, 0)), ValueError,
     "highlight row must be at most 0, got 3.",
     "error.too_large", {"name": Piece("error.name_highlight_row"), "maximum": 0, "value": 3}),
    ("plot/matrix", lambda: plot.swatches([]), ValueError,
     "palette is empty; give at least one colour.",
     "error.palette_empty", {}),
    ("plot/png", lambda: plot.image(b"\0", 1, 1, 1, scale=0), ValueError,
     "scale must be positive, got 0.0; use 1 for the natural size.",
     "error.scale", {"scale": 0.0}),
    ("plot/_colours", lambda: plot.scatter(X, [1]), ValueError,
     "labels has 1 entries but X has 5 points; give exactly one label per point.",
     "error.point_labels_count", {"name": "labels", "got": 1, "n": 5}),
    ("plot/scatter", lambda: plot.scatter_matrix([[1]]), ValueError,
     "X has 1 feature; scatter_matrix needs at least 2 columns. Use scatter(X) for 1-D data.",
     "error.matrix_one_feature", {}),
    ("plot/scatter", lambda: plot.scatter(X, point_labels=5), ValueError,
     "point_labels has not a list but X has 5 points; give one text per point (a string like 'ABCDE' works "
     "for single letters).",
     "error.point_texts", {"got": Piece("error.got_not_a_list"), "n": 5}),
]

# (the call, the warning, today's English, the key, its fields)
WARNINGS = [
    (lambda: hierarchy.linkage([[0, 1], [1, 0]]), hierarchy.ClusterWarning,
     "y is a square, symmetric matrix with zeros on its diagonal: it looks like a distance matrix, but its rows "
     "are read as observations (points). To cluster these distances pass squareform(D), the condensed list; or "
     "pass the observations themselves.",
     "warning.distance_matrix", {"name": "y"}),
    (lambda: kmeans.KMeans(3).fit([[1, 1], [1, 1], [2, 2]]), kmeans.ConvergenceWarning,
     "X has only 2 distinct observation(s) but n_clusters=3; some clusters will be duplicates. Use "
     "n_clusters <= the number of distinct observations.",
     "warning.duplicates", {"distinct": 2, "k": 3}),
    (lambda: kmeans.KMeans(2, init=[[1, 1], [7, 7]], n_init=3).fit(X), RuntimeWarning,
     "explicit initial centroids were given, so n_init=3 is changed to 1 (every run would be the same).",
     "warning.n_init_changed", {"n_init": 3}),
    (lambda: quantize.quantize(b"\0" * 4, 1, 1, k=2), kmeans.ConvergenceWarning,
     "the image has only 1 distinct colour(s), fewer than k=2; the palette holds those 1 colours.",
     "warning.few_colours", {"distinct": 1, "k": 2}),
    (lambda: quantize.median_cut(b"\0" * 4, 1, 1, k=2), kmeans.ConvergenceWarning,
     "the image has only 1 distinct colour(s), fewer than k=2; the palette holds those 1 colours.",
     "warning.few_colours", {"distinct": 1, "k": 2}),
]


def raised(call, error):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(error) as info:
            call()
    return str(info.value)


def warned(call, category):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    texts = [str(w.message) for w in caught if issubclass(w.category, category)]
    assert len(texts) == 1, texts
    return texts[0]


def test_the_cases_reach_every_module_that_raises():
    modules = {path.relative_to(SOURCE).with_suffix("").as_posix() for path in SOURCE.rglob("*.py")
               if "raise " in path.read_text(encoding="utf-8")}
    assert modules - {module for module, *_ in ERRORS} <= {"_language"}


@pytest.mark.parametrize("case", ERRORS, ids=[f"{c[0]}:{c[4]}" for c in ERRORS])
def test_errors_are_english_by_default_with_todays_words(case):
    _, call, error, english, key, fields = case
    assert expected("en", key, fields) == english  # the key holds today's English
    assert raised(call, error) == english
    clusterlab.set_language("en")
    assert raised(call, error) == english


@pytest.mark.parametrize("lang", ["nb", "id"])
@pytest.mark.parametrize("case", ERRORS, ids=[f"{c[0]}:{c[4]}" for c in ERRORS])
def test_errors_speak_the_sessions_language(case, lang):
    _, call, error, english, key, fields = case
    clusterlab.set_language(lang)
    text = raised(call, error)
    assert text == expected(lang, key, fields)
    assert text != english
    assert clusterlab.get_language() == lang


@pytest.mark.parametrize("lang", ["en", "nb", "id"])
@pytest.mark.parametrize("case", WARNINGS, ids=[c[3] for c in WARNINGS])
def test_warnings_speak_the_sessions_language(case, lang):
    call, category, english, key, fields = case
    clusterlab.set_language(lang)
    text = warned(call, category)
    if lang == "en":
        assert text == english == expected("en", key, fields)
    else:
        assert text == expected(lang, key, fields) != english


def test_an_error_message_is_a_said_text_that_knows_its_key():
    clusterlab.set_language("nb")
    with pytest.raises(ValueError) as info:
        distance.euclidean([1, 2], [1, 2, 3])
    message = info.value.args[0]
    assert isinstance(message, _language.Said) and message.key == "error.same_features"
    assert message.fields == {"u": 2, "v": 3}
    with pytest.raises(ValueError, match=r"^u har 2 verdier, men v har 3; begge observasjonene"):
        distance.euclidean([1, 2], [1, 2, 3])


def test_set_language_refuses_an_unknown_code_in_english_whatever_the_language():
    clusterlab.set_language("id")
    with pytest.raises(ValueError, match=r"^clusterlab has no words in language 'fr'; choose one of"):
        clusterlab.set_language("fr")
    assert clusterlab.get_language() == "id"


def test_a_page_cell_that_is_meant_to_fail_fails_in_the_pages_language():
    ns = new_namespace()
    run_cell("import clusterlab\nclusterlab.set_language('nb')", ns)
    result = run_cell("from clusterlab.distance import euclidean\neuclidean([1, 2], [1, 2, 3])", ns)
    assert not result.ok
    assert "ValueError: u har 2 verdier, men v har 3; begge observasjonene må ha de samme variablene." in result.html
    english = run_cell("from clusterlab.distance import euclidean\neuclidean([1, 2], [1, 2, 3])", new_namespace())
    assert "ValueError: u has 2 values but v has 3; both observations need the same features." in english.html


# --------------------------------------------------------------- Dataset's repr


def test_dataset_repr_is_unchanged_in_english():
    assert repr(datasets.load_iris()).splitlines()[:2] == [
        "Dataset('iris', 150 rows x 4 features, target with 3 classes)",
        "   sepal_length  sepal_width  petal_length  petal_width",
    ]
    row = "0           5.1          3.5           1.4          0.2  setosa"
    assert repr(datasets.load_iris()).splitlines()[2] == row
    assert repr(datasets.city_density()).splitlines()[0] == "Dataset('city_density', 10 rows x 1 features)"
    assert repr(datasets.load_photo()).splitlines()[0] == "Dataset('coffee', 9600 rows x 3 features, image 120 x 80)"


def test_dataset_repr_speaks_the_language_and_keeps_the_names():
    clusterlab.set_language("nb")
    iris = repr(datasets.load_iris()).splitlines()
    assert iris[0] == "Dataset('iris', 150 rader × 4 variabler, target med 3 klasser)"
    assert iris[1] == "   sepal_length  sepal_width  petal_length  petal_width"  # the features' names stay
    assert iris[2] == "0           5,1          3,5           1,4          0,2  setosa"  # a printed table: 5,1
    assert repr(datasets.city_density()).splitlines()[0] == "Dataset('city_density', 10 rader × 1 variabel)"
    assert repr(datasets.load_photo()).splitlines()[0] == (
        "Dataset('coffee', 9600 rader × 3 variabler, bilde 120 × 80 piksler)")
    one = datasets.Dataset("one", [[1.5]], ["x"], target=["a"])
    assert repr(one).splitlines()[0] == "Dataset('one', 1 rad × 1 variabel, target med 1 klasse)"
    clusterlab.set_language("id")
    iris = repr(datasets.load_iris()).splitlines()
    assert iris[0] == "Dataset('iris', 150 baris × 4 variabel, target dengan 3 kelas)"
    assert repr(datasets.load_photo()).splitlines()[0] == (
        "Dataset('coffee', 9600 baris × 3 variabel, gambar 120 × 80 piksel)")


# ------------------------------------------------------------ the source scans


def source_files():
    return sorted(SOURCE.rglob("*.py"))


def said_calls():
    """(file, line, function name, key, keyword names or None if **fields) of every say/say_count with a literal key."""
    for path in source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("say", "say_count")
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                names = None if any(k.arg is None for k in node.keywords) else {k.arg for k in node.keywords}
                yield path.relative_to(SOURCE).as_posix(), node.lineno, node.func.id, node.args[0].value, names


def fields(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


MESSAGE_KEYS = ("error.", "warning.", "dataset.")


def test_every_error_key_is_used_somewhere_in_clusterlab():
    used = set()
    for path in source_files():
        if path.name != "_language.py":
            used |= {node.value for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                     if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    keys = [key for key in _language.WORDS["en"] if key.startswith(MESSAGE_KEYS)]
    assert len(keys) >= 150
    dead = [key for key in keys if key not in used and not (key.endswith("_one") and key[:-4] in used)]
    assert dead == []


def test_every_key_said_exists_with_exactly_the_fields_given():
    """A raise that names a missing key or field would fail only when a learner meets it."""
    english = _language.WORDS["en"]
    wrong = []
    for where, line, function, key, names in said_calls():
        if key not in english:
            wrong.append((where, line, key, "no such key"))
            continue
        if names is None:
            continue
        needed = fields(english[key]) | (fields(english.get(key + "_one", "")) if function == "say_count" else set())
        if key.startswith(MESSAGE_KEYS) and names != needed:
            wrong.append((where, line, key, sorted(names ^ needed)))
    assert wrong == []


def test_conversions_and_formats_agree_across_languages():
    """{value!r} in English is {value!r} in Norwegian and Indonesian too, {limit:g} is {limit:g}."""
    def specs(text):
        return {(name, conv, spec) for _, name, spec, conv in string.Formatter().parse(text) if name is not None}

    english = _language.WORDS["en"]
    for lang, words in _language.WORDS.items():
        assert [key for key, text in words.items() if specs(text) != specs(english[key])] == [], lang


# Raises that are not looked up in WORDS, and why.
ALLOWED = {
    # set_language's own refusal: it must be readable whatever language was set before
    ("_language.py", "ValueError"),
}
NOT_OURS: set[str] = set()


def test_every_raise_and_warning_in_clusterlab_goes_through_say():
    bypass = []
    for path in source_files():
        where = path.relative_to(SOURCE).as_posix()
        if where in NOT_OURS:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                call, kind = node.exc, ast.unparse(node.exc.func)
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "warn":
                call, kind = node, "warnings.warn"
            else:
                continue
            first = call.args[0] if call.args else None
            if not (isinstance(first, ast.Call) and isinstance(first.func, ast.Name)
                    and first.func.id in ("say", "say_count")) and (where, kind) not in ALLOWED:
                bypass.append(f"{where}:{node.lineno}: {ast.unparse(call)[:80]}")
    assert bypass == []
