"""The step player (clusterlab.player): its HTML, its input checks, and the K-means frames."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import numpy as np
import pytest

from clusterlab import datasets
from clusterlab.kmeans import KMeans
from clusterlab.player import (
    StepPlayer,
    _merge_colours,
    cluster_sets,
    kmeans_frames,
    kmeans_player,
    merge_frames,
    merge_player,
)
from clusterlab.plot import scatter
from livecells.runner import new_namespace, run_cell


class Tree(HTMLParser):
    """Collects (tag, attrs) of every start tag and checks that tags are balanced."""

    VOID = {"input", "br", "img", "use", "path", "circle", "rect", "line", "polyline", "polygon", "meta"}

    def __init__(self, markup):
        super().__init__()
        self.tags, self.stack, self.text = [], [], []
        self.feed(markup)
        self.close()
        assert self.stack == [], f"unclosed tags: {self.stack}"

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)

    def having(self, cls):
        return [a for _, a in self.tags if cls in (a.get("class") or "").split()]


class Html:
    """An object that shows itself as HTML only."""

    def _repr_html_(self):
        return "<table><tr><td>cell</td></tr></table>"


def frames3():
    return [scatter([[0, 0], [1, 1]], title="two"), Html(), "a < b & c"]


def test_every_frame_is_in_the_html_and_only_the_start_frame_is_current():
    html = StepPlayer(frames3(), ["svg", "html", "text"], start=1)._repr_html_()
    tree = Tree(html)
    frames = tree.having("clp-frame")
    assert [f["data-clp-frame"] for f in frames] == ["0", "1", "2"]
    assert [f["class"] for f in frames].count("clp-frame clp-frame--current") == 1
    assert "clp-frame--current" in frames[1]["class"]
    assert "<svg" in html and "<table>" in html
    assert "a &lt; b &amp; c" in html  # a string frame is text, escaped
    assert [c for c in html.split('class="clp-caption">')[1:]][0].startswith("svg<")


def test_controls_show_the_start_step_and_name_the_player():
    tree = Tree(StepPlayer(frames3(), title="Demo <3>", start=2)._repr_html_())
    (player,) = tree.having("clp-player")
    assert player["role"] == "group" and player["aria-label"] == "Demo <3>"
    (slider,) = tree.having("clp-player-slider")
    assert (slider["type"], slider["min"], slider["max"], slider["value"]) == ("range", "1", "3", "3")
    assert slider["aria-valuetext"] == "Step 3 of 3"
    (status,) = tree.having("clp-player-status")
    assert status["aria-live"] == "polite"
    assert "Step 3 of 3" in "".join(tree.text)
    prev, nxt = tree.having("clp-player-btn")
    assert (prev["data-clp-go"], nxt["data-clp-go"]) == ("-1", "1")
    assert "aria-disabled" not in prev and nxt["aria-disabled"] == "true"
    assert all(tag == "button" and a["type"] == "button" for tag, a in tree.tags if "clp-player-btn" in a.get("class", ""))


def test_first_step_disables_previous_only_and_captions_reach_the_slider():
    tree = Tree(StepPlayer(["x", "y"], ["first & one", "second"])._repr_html_())
    prev, nxt = tree.having("clp-player-btn")
    assert prev["aria-disabled"] == "true" and "aria-disabled" not in nxt
    assert tree.having("clp-player-slider")[0]["aria-valuetext"] == "Step 1 of 2: first & one"


def test_a_single_frame_disables_both_buttons():
    prev, nxt = Tree(StepPlayer(["only"])._repr_html_()).having("clp-player-btn")
    assert prev["aria-disabled"] == nxt["aria-disabled"] == "true"


def test_the_html_is_the_same_every_time():
    assert StepPlayer(frames3())._repr_html_() == StepPlayer(frames3())._repr_html_()


def test_a_live_cell_shows_the_player_as_rich_output():
    ns = new_namespace()
    result = run_cell("from clusterlab.player import StepPlayer\nStepPlayer(['a', 'b'], title='t')", ns)
    assert result.ok
    assert result.html.startswith('<div class="lc-out lc-rich"><div class="clp-player"')


def test_frames_can_be_any_iterable_and_repr_is_short():
    p = StepPlayer(iter(["a", "b", "c"]))
    assert len(p) == 3 and repr(p) == "<StepPlayer: 3 steps, showing step 1>"


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "words"),
    [
        (("abc",), {}, TypeError, "for a single frame write [frame]"),
        ((5,), {}, TypeError, "frames must be a list"),
        (([],), {}, ValueError, "frames is empty"),
        ((["a", 3],), {}, TypeError, "frames[1] is int"),
        ((["a", object()],), {}, TypeError, "_repr_html_"),
        ((["a", "b"], ["one"]), {}, ValueError, "captions has 1 entries but there are 2 frames"),
        ((["a", "b"], "ab"), {}, TypeError, "captions must be a list"),
        ((["a", "b"], ["one", 2]), {}, TypeError, "captions[1] is int"),
        ((["a"],), {"title": 3}, TypeError, "title must be a string"),
        ((["a", "b"],), {"start": 2}, ValueError, "start must be at most 1"),
        ((["a", "b"],), {"start": -1}, ValueError, "start must be at least 0"),
        ((["a", "b"],), {"start": 0.5}, TypeError, "start must be a whole number"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(args, kwargs, error, words):
    with pytest.raises(error) as info:
        StepPlayer(*args, **kwargs)
    assert words in str(info.value)


# ------------------------------------------------------------------ K-means


def ten_points_model():
    ds = datasets.ten_points()
    init = [ds.data["ABCDEFGHIJ".index(c)] for c in "CGI"]
    return ds, KMeans(3, init=init, tol=0).fit(ds.data)


def test_kmeans_frames_tell_the_tutorials_story_on_a_to_j():
    ds, km = ten_points_model()
    figures, captions = kmeans_frames(km, ds.data, names=ds.row_names)
    # start, then assign + update for iterations 1 and 2, then assign 3 (no change)
    assert len(figures) == len(captions) == 6
    assert captions[0] == "Start: 3 initial centroids, C1 at (3.5, 3.5); C2 at (7, 0.5); C3 at (0, 9.5)."
    assert captions[1].startswith("Iteration 1, assign: C1 = {A, B, C, D, E, H}, C2 = {F, G}, C3 = {I, J};")
    assert captions[3].startswith("Iteration 2, assign: C1 = {A, B, C, D}, C2 = {E, F, G}, C3 = {H, I, J};")
    assert captions[3].endswith("2 points changed cluster (E, H).")
    assert captions[5].endswith("no point changed cluster, so K-means stops.")
    assert [f.kind for f in figures] == ["scatter"] * 6


def test_kmeans_update_frames_move_centroids_to_the_cluster_means():
    ds, km = ten_points_model()
    X = np.array(ds.data)
    _, captions = kmeans_frames(km, ds.data, names=ds.row_names)
    labels = np.array(km.history_[0].labels)
    means = [X[labels == j].mean(axis=0) for j in range(3)]
    expected = "; ".join(
        f"C{j + 1} at ({', '.join(f'{v:.2f}'.rstrip('0').rstrip('.') for v in m)})" for j, m in enumerate(means)
    )
    assert captions[2] == f"Iteration 1, update: each centroid moves to the mean of its cluster: {expected}."


def test_kmeans_player_draws_one_dimensional_data_and_names_are_optional():
    ds = datasets.city_density()
    km = KMeans(2, init=[[244], [777]], tol=0).fit(ds.data)
    player = kmeans_player(km, ds.data, title="Cities")
    assert len(player) == 1 + 2 + 2 + 1
    assert player.captions[1].startswith("Iteration 1, assign: C1 = {1, 2, 7, 9}, C2 = {0, 3, 4, 5, 6, 8};")
    assert player.captions[3].endswith("1 point changed cluster (8).")


def test_a_run_stopped_by_max_iter_still_ends_with_its_final_centroids():
    ds, _ = ten_points_model()
    init = [ds.data["ABCDEFGHIJ".index(c)] for c in "CGI"]
    km = KMeans(3, init=init, tol=0, max_iter=1).fit(ds.data)
    figures, captions = kmeans_frames(km, ds.data)
    assert len(figures) == 3 and captions[-1].startswith("Iteration 1, update:")


def test_kmeans_player_refuses_an_unfitted_model_and_mismatched_data():
    ds, km = ten_points_model()
    with pytest.raises(ValueError, match="fit it first"):
        kmeans_player(KMeans(3), ds.data)
    with pytest.raises(ValueError, match="X has 9 observations but the model was fitted on 10"):
        kmeans_player(km, ds.data[:9])
    with pytest.raises(ValueError, match="names has 3 entries"):
        kmeans_player(km, ds.data, names="ABC")


def test_cluster_sets_lists_members_and_empty_clusters():
    assert cluster_sets([0, 1, 0], "xyz") == "C1 = {x, z}, C2 = {y}"
    assert cluster_sets([2, 2], k=3) == "C1 = {}, C2 = {}, C3 = {0, 1}"
    with pytest.raises(ValueError, match="not below k=2"):
        cluster_sets([0, 2], k=2)
    with pytest.raises(ValueError, match="at least 0"):
        cluster_sets([0, -1])
    with pytest.raises(ValueError, match="names has 1 entries"):
        cluster_sets([0, 1], "a")


# ------------------------------------------------------- hierarchical merges


def partition_of(labels):
    groups = {}
    for i, label in enumerate(labels):
        groups.setdefault(label, []).append(i)
    return sorted(groups.values())


def test_merge_frames_tell_the_tutorials_centroid_story_on_a_to_j():
    ds = datasets.ten_points()
    figures, captions = merge_frames(ds.data, "centroid", ds.row_names)
    assert len(figures) == len(captions) == 10 and [f.kind for f in figures] == ["scatter"] * 10
    merged = [c.split(": ")[1].split(" merge")[0] for c in captions[1:]]
    assert merged == ["A and B", "I and J", "C and D", "{A, B} and {C, D}", "F and G", "E and {F, G}",
                      "H and {E, F, G}", "{A, B, C, D} and {E, F, G, H}",
                      "{I, J} and {A, B, C, D, E, F, G, H}"]
    assert captions[7].endswith("3 clusters: {A, B, C, D}, {E, F, G, H}, {I, J}.")
    assert captions[8].endswith("2 clusters: {A, B, C, D, E, F, G, H}, {I, J}.")
    # the frames colour the clusters of two or more: none at the start, {I,J} and {A,B,C,D} at the end
    assert 'data-label="-1"' in figures[0].svg and 'data-label="0"' not in figures[0].svg
    assert re.findall(r'data-label="(-?\d+)"', figures[8].svg) == ["0", "1"]


def test_merge_colours_follow_the_merges_and_stay_steady():
    from scipy.cluster import hierarchy as sch

    rng = np.random.default_rng(3)
    n = 15
    X = rng.normal(size=(n, 2))
    for method in ("single", "complete", "average", "centroid", "ward"):
        Z = sch.linkage(X, method)
        frames = _merge_colours(Z.tolist(), n)
        assert len(frames) == n and frames[0] == [-1] * n and set(frames[-1]) == {0}
        used = set()
        nodes = {j: [j] for j in range(n)}  # the clusters after each merge, replayed from Z
        for i in range(1, n):
            labels, before = frames[i], frames[i - 1]
            a, b = int(Z[i - 1][0]), int(Z[i - 1][1])
            nodes[n + i - 1] = nodes.pop(a) + nodes.pop(b)
            clusters = sorted(sorted(c) for c in nodes.values())
            # grey exactly for the points still on their own; one colour per cluster, none shared
            assert sorted(j for j in range(n) if labels[j] < 0) == sorted(c[0] for c in clusters if len(c) == 1)
            groups = [c for c in clusters if len(c) > 1]
            colours = [{labels[j] for j in c} for c in groups]
            assert all(len(c) == 1 for c in colours) and len(set().union(*colours)) == len(groups)
            # clusters the merge did not touch keep their colour
            for c in groups:
                if len({before[j] for j in c}) == 1 and before[c[0]] >= 0:
                    assert {labels[j] for j in c} == {before[c[0]]}
            # the new cluster takes the colour of its part holding the lowest coloured point, or a new one
            merged = next(c for c in groups if len({before[j] for j in c}) > 1 or before[c[0]] < 0)
            coloured = [j for j in merged if before[j] >= 0]
            if coloured:
                assert labels[merged[0]] == before[min(coloured)]
            else:
                assert labels[merged[0]] not in used
            used.update(lab for lab in labels if lab >= 0)


def test_merge_player_is_a_step_player_and_refuses_bad_input():
    player = merge_player([[0, 0], [0, 1], [5, 5]], "complete", names="abc", title="Three")
    assert isinstance(player, StepPlayer) and len(player) == 3
    assert player.captions[2] == "Step 2: c and {a, b} merge at 7.07; 1 cluster: {a, b, c}."
    with pytest.raises(ValueError, match="names has 2 entries but X has 3"):
        merge_frames([[0, 0], [0, 1], [5, 5]], "single", names="ab")
    with pytest.raises(ValueError, match="method"):
        merge_frames([[0, 0], [0, 1], [5, 5]], "nearest")


def legend_texts(svg):
    legend = re.search(r'<g class="clp-legend".*?</g>', svg).group(0)
    return re.findall(r"<text[^>]*>([^<]*)</text>", legend)


@pytest.mark.parametrize("lang, alone", [("en", "alone"), ("nb", "alene"), ("id", "sendiri")])
def test_merge_player_names_the_points_not_merged_yet_in_its_legend(lang, alone):
    import clusterlab

    clusterlab.set_language(lang)
    try:
        figures, captions = merge_frames([[0, 0], [0, 1], [5, 5], [9, 9]], "single", names="abcd")
    finally:
        clusterlab.set_language("en")
    legends = [legend_texts(f.svg)[1:] for f in figures]  # [0] is the legend's title
    assert legends == [[alone], [alone, "0"], ["0", "1"], ["0"]]  # a+b, then c+d, then all
    assert not any(">-1<" in f.svg or "−1" in f.svg or "-1:" in f.svg for f in figures)
    assert f"{alone}: 4" in figures[0].svg.split("</desc>")[0]  # the description names them too
    assert "-1" not in captions[0] and alone in captions[0]
