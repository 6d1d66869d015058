"""The learner checks (clusterlab.checks): right implementations pass, each typical slip
is caught and explained, and the expected answers agree with numpy and scikit-learn."""

from __future__ import annotations

import math
import statistics

import numpy as np
import pytest

from clusterlab.checks import (
    ASSIGN_CASES,
    UPDATE_CASES,
    Report,
    check_assign,
    check_kmeans,
    check_update,
    play_kmeans,
)
from clusterlab.kmeans import KMeans

# ------------------------------------------------------------- right answers


def assign_loops(points, centroids):
    labels = []
    for x in points:
        best, best_d = 0, None
        for j, c in enumerate(centroids):
            d = math.sqrt(sum((a - b) ** 2 for a, b in zip(x, c)))
            if best_d is None or d < best_d:
                best, best_d = j, d
        labels.append(best)
    return labels


def assign_squared(points, centroids):  # squared distances give the same labels
    def sq(x, c):
        return sum((a - b) ** 2 for a, b in zip(x, c))

    return [min(range(len(centroids)), key=lambda j: sq(x, centroids[j])) for x in points]


def assign_numpy(points, centroids):  # a numpy array of int64 is fine too
    d = ((np.array(points)[:, None, :] - np.array(centroids)[None, :, :]) ** 2).sum(axis=2)
    return d.argmin(axis=1)


def update_loops(points, labels, k):
    centroids = []
    for j in range(k):
        members = [x for x, lab in zip(points, labels) if lab == j]
        if not members:  # an empty cluster: put it on the first point
            members = [points[0]]
        centroids.append([sum(col) / len(members) for col in zip(*members)])
    return centroids


def update_statistics(points, labels, k):
    out = []
    for j in range(k):
        members = [x for x, lab in zip(points, labels) if lab == j] or [max(points)]
        out.append(tuple(statistics.fmean(col) for col in zip(*members)))
    return out


@pytest.mark.parametrize("assign", [assign_loops, assign_squared, assign_numpy])
def test_right_assign_functions_pass(assign):
    report = check_assign(assign)
    assert report.ok, report.problems
    assert repr(report).endswith("All right: your assign agrees with clusterlab on every case.")


@pytest.mark.parametrize("update", [update_loops, update_statistics])
def test_right_update_functions_pass(update):
    report = check_update(update)
    assert report.ok, report.problems


def test_the_combined_report_lists_every_case_and_says_all_right():
    text = repr(check_kmeans(assign_loops, update_loops))
    assert text.count("✓") == len(ASSIGN_CASES) + len(UPDATE_CASES) and "✗" not in text
    assert text.splitlines()[0] == f"assign: {len(ASSIGN_CASES)} of {len(ASSIGN_CASES)} cases right"
    assert text.endswith("All right: your assign and update agree with clusterlab on every case.")


def test_a_report_shows_in_a_cell_as_wrapping_text():
    report = check_kmeans(assign_loops, lambda points, labels, k: [[0] * len(points[0])] * k)
    markup = report._repr_html_()
    assert markup.startswith('<pre class="clp-report">') and markup.endswith("</pre>")
    assert "centroid 0 should be" in markup and "<" not in markup[24:-6]  # the text, escaped
    assert markup[24:-6].replace("&gt;", ">").replace("&amp;", "&").replace("&lt;", "<") == repr(report)


def test_the_summary_is_grammatical_for_one_two_and_three_functions():
    def summary(*names):
        return repr(Report([(name, [("a case", None)]) for name in names])).splitlines()[-1]

    assert summary("closest_pair") == "All right: your closest_pair agrees with clusterlab on every case."
    assert summary("f", "g") == "All right: your f and g agree with clusterlab on every case."
    assert summary("f", "g", "h") == "All right: your f, g and h agree with clusterlab on every case."


# ------------------------------------------------------- the expected answers


def test_expected_assignments_are_numpys_argmin():
    from clusterlab.checks import _reference_step

    for _, X, C in ASSIGN_CASES:
        labels, distances = _reference_step(X, C)
        D = np.linalg.norm(np.array(X, float)[:, None, :] - np.array(C, float)[None, :, :], axis=2)
        assert labels == D.argmin(axis=1).tolist()  # argmin: the first minimum on a tie
        np.testing.assert_allclose(distances, D)


def test_the_cases_cover_one_variable_ties_and_an_empty_cluster():
    assert any(len(X[0]) == 1 for _, X, _ in ASSIGN_CASES)
    assert any(len(X[0]) == 1 for _, X, _, _ in UPDATE_CASES)
    from clusterlab.checks import _reference_step

    ties = 0
    for _, X, C in ASSIGN_CASES:
        D = np.linalg.norm(np.array(X, float)[:, None, :] - np.array(C, float)[None, :, :], axis=2)
        ties += int(sum((row == row.min()).sum() > 1 for row in D))
    assert ties >= 2
    assert any(set(range(k)) - set(L) for _, _, L, k in UPDATE_CASES)
    unused = [set(range(len(C))) - set(_reference_step(X, C)[0]) for _, X, C in ASSIGN_CASES]
    assert any(unused)  # a centroid no point is nearest to


def test_expected_means_are_numpys():
    from clusterlab.checks import _means

    for _, X, L, k in UPDATE_CASES:
        A, lab = np.array(X, float), np.array(L)
        for j, m in enumerate(_means(X, L, k)):
            if m is None:
                assert not (lab == j).any()
            else:
                np.testing.assert_allclose(m, A[lab == j].mean(axis=0), rtol=1e-12)


# ------------------------------------------------------------- wrong answers


def only(report):
    assert not report.ok
    assert "Not yet" in repr(report)
    return report.problems[0]


def test_farthest_centroid_is_explained_with_the_distances():
    def assign(points, centroids):
        return [max(range(len(centroids)), key=lambda j: math.dist(x, centroids[j])) for x in points]

    msg = only(check_assign(assign))
    assert "labels[0] is 1, but observation 0 at (1, 1) is closer to centroid 0 (distance 0) than to centroid 1 (8.49)" in msg
    assert "farthest centroid" in msg


def test_one_based_labels_are_recognised():
    msg = only(check_assign(lambda P, C: [lab + 1 for lab in assign_loops(P, C)]))
    assert "there are 2 centroids, numbered 0 to 1" in msg and "Python counts from 0" in msg


def test_last_on_a_tie_gets_the_tie_rule():
    def assign(points, centroids):
        out = []
        for x in points:
            ds = [math.dist(x, c) for c in centroids]
            out.append(max(j for j, d in enumerate(ds) if d == min(ds)))  # the last minimum
        return out

    report = check_assign(assign)
    (msg,) = report.problems  # only the case with ties fails
    assert msg.startswith("ties:")
    assert "labels[1] is 1, but observation 1 at (2) is as close to centroid 0 as to centroid 1 (distance 1)" in msg
    assert "take the lower number, 0" in msg and "1 more point also got a wrong label" in msg


def test_the_first_point_instead_of_the_mean():
    def update(points, labels, k):
        return [next((x for x, lab in zip(points, labels) if lab == j), points[0]) for j in range(k)]

    assert only(check_update(update)).endswith(
        "but update gave (1, 1). That is observation 0 itself; the centroid is the mean of all 2 points of the cluster."
    )


def test_one_wrong_point_names_it_and_both_distances():
    def assign(points, centroids):
        labels = assign_loops(points, centroids)
        if len(points) == 10 and len(points[0]) == 2:
            labels[4] = 2  # E to I's cluster
        return labels

    (msg,) = check_assign(assign).problems
    assert msg == (
        "the ten points A-J, centroids C, G and I: labels[4] is 2, but observation 4 at (7, 5) is closer "
        "to centroid 0 (distance 3.81) than to centroid 2 (8.32)."
    )


@pytest.mark.parametrize(
    ("assign", "words"),
    [
        (lambda P, C: None, "assign returned None: did you forget `return`"),
        (lambda P, C: 0, "should return a list of labels, one per point, got int 0"),
        (lambda P, C: assign_loops(P, C)[:-1], "labels for"),
        (lambda P, C: [float(v) for v in assign_loops(P, C)], "labels[0] is 0.0 (float)"),
        (lambda P, C: [f"C{v + 1}" for v in assign_loops(P, C)], "labels[0] is 'C1' (str)"),
        (lambda P, C: [v - 1 for v in assign_loops(P, C)], "labels[0] is -1"),
        (lambda P, C: P.sort() or assign_loops(P, C), "changed the lists it was given"),
        (lambda P, C: [C[5] for _ in P], "assign raised IndexError: list index out of range"),
    ],
)
def test_broken_assign_results_get_a_clear_message(assign, words):
    assert words in only(check_assign(assign))


def test_sums_instead_of_means():
    def update(points, labels, k):
        sums = [[0.0] * len(points[0]) for _ in range(k)]
        for x, lab in zip(points, labels):
            sums[lab] = [s + v for s, v in zip(sums[lab], x)]
        return sums

    assert only(check_update(update)) == (
        "the lecture's points a-e in two clusters: centroid 0 should be the mean of observations 0, 1, "
        "(1.5, 1), but update gave (3, 2). That is their sum: divide by the number of points, 2."
    )


def test_mean_of_all_points_floor_division_and_wrong_count():
    def all_points(points, labels, k):
        return [[sum(col) / len(points) for col in zip(*points)] for _ in range(k)]

    def floor(points, labels, k):
        return [[sum(col) // len(col) for col in zip(*[x for x, lab in zip(points, labels) if lab == j] or [points[0]])]
                for j in range(k)]

    def minus_one(points, labels, k):
        out = []
        for j in range(k):
            members = [x for x, lab in zip(points, labels) if lab == j] or [points[0], points[0]]
            out.append([sum(col) / max(1, len(members) - 1) for col in zip(*members)])
        return out

    assert "mean of all points" in only(check_update(all_points))
    floor_report = check_update(floor)
    assert any("rounded down: divide with /, not //" in p for p in floor_report.problems)
    assert any("the sum divided by 3; the cluster has 4 points" in p for p in check_update(minus_one).problems)


def test_an_empty_cluster_that_crashes_or_is_left_out_is_explained():
    def crashes(points, labels, k):
        out = []
        for j in range(k):
            members = [x for x, lab in zip(points, labels) if lab == j]
            out.append([sum(col) / len(members) for col in zip(*members)] if members else [1 / len(members)])
        return out

    def leaves_out(points, labels, k):
        return [c for c in update_loops(points, labels, k) if c is not None][: len(set(labels))]

    def none_for_empty(points, labels, k):
        return [update_loops(points, labels, k)[j] if j in labels else None for j in range(k)]

    (msg,) = check_update(crashes).problems
    assert msg.startswith("an empty cluster: no point has label 1: update raised ZeroDivisionError")
    assert "Cluster 1 has no point, so it has no mean" in msg
    (msg,) = check_update(leaves_out).problems
    assert "update returned 2 centroids but k is 3" in msg and "Cluster 1 has no point" in msg
    (msg,) = check_update(none_for_empty).problems
    assert "centroid 1 is None" in msg and "Cluster 1 has no point" in msg


@pytest.mark.parametrize(
    ("update", "words"),
    [
        (lambda P, L, k: None, "update returned None"),
        (lambda P, L, k: [[float("nan")] * len(P[0])] * k, "must be a finite number"),
        (lambda P, L, k: [[0.0] * (len(P[0]) + 1)] * k, "has 3 numbers but the points have 2 variables"),
        (lambda P, L, k: L.clear() or update_loops(P, [0] * len(P), k), "changed the lists it was given"),
    ],
)
def test_broken_update_results_get_a_clear_message(update, words):
    assert words in only(check_update(update))


def test_a_one_variable_update_may_return_plain_numbers():
    def update(points, labels, k):
        return [c[0] for c in update_loops(points, labels, k)] if len(points[0]) == 1 else update_loops(points, labels, k)

    assert check_update(update).ok


def test_checks_refuse_something_that_is_not_a_function():
    with pytest.raises(TypeError, match=r"pass the function itself, without \(\)"):
        check_assign([0, 1])
    with pytest.raises(TypeError, match="update must be your function"):
        check_update(None)


# -------------------------------------------------------------------- play


def test_play_with_right_functions_matches_clusterlabs_kmeans():
    from clusterlab.datasets import ten_points
    from clusterlab.player import kmeans_player

    ds = ten_points()
    init = [ds.data["ABCDEFGHIJ".index(c)] for c in "CGI"]
    mine = play_kmeans(assign_loops, update_loops, ds.data, init, names=ds.row_names, title="A-J")
    theirs = kmeans_player(KMeans(3, init=init, tol=0).fit(ds.data), ds.data, ds.row_names, title="A-J")
    assert [c.replace("your update moves the centroids", "each centroid moves to the mean of its cluster")
            for c in mine.captions] == theirs.captions
    assert [f.svg for f in mine.frames] == [f.svg for f in theirs.frames]
    # the figure size passes through, as in kmeans_player
    small = play_kmeans(assign_loops, update_loops, ds.data, init, names=ds.row_names, width=480, height=420)
    assert all((f.width, f.height) == (480, 420) for f in small.frames)


def test_play_stops_after_max_iter_and_says_so():
    def update_nowhere(points, labels, k):  # centroids jump between two places: never settles
        update_nowhere.calls += 1
        return [[10.0, 10.0], [0.0, 0.0]] if update_nowhere.calls % 2 else [[0.0, 0.0], [10.0, 10.0]]

    update_nowhere.calls = 0
    player = play_kmeans(assign_loops, update_nowhere, [[1, 1], [9, 9]], [[0, 0], [10, 10]], max_iter=3)
    assert player.captions[-1].endswith("Stopped after 3 iterations: the clusters were still changing.")


def test_play_reports_an_unusable_result_with_its_iteration():
    with pytest.raises(ValueError, match="iteration 1: assign returned None"):
        play_kmeans(lambda P, C: None, update_loops, [[0], [1]], [[0], [1]])
    with pytest.raises(ValueError, match="iteration 1: update returned 1 centroids but k is 2"):
        play_kmeans(assign_loops, lambda P, L, k: [[0]], [[0], [1]], [[0], [1]])
    def means_only(points, labels, k):  # [] for an empty cluster
        return [[sum(c) / len(c) for c in zip(*[x for x, lab in zip(points, labels) if lab == j])] for j in range(k)]

    with pytest.raises(ValueError, match="iteration 1: centroid 1 has 0 numbers.*Cluster 1 has no point"):
        play_kmeans(lambda P, C: [0] * len(P), means_only, [[0], [1]], [[0], [1]])
    with pytest.raises(ValueError, match="init has 2 numbers per centroid but X has 1"):
        play_kmeans(assign_loops, update_loops, [[0], [1]], [[0, 0], [1, 1]])


def test_report_is_printable_and_has_problems():
    report = Report([("assign", [("case one", None), ("case two", "it is wrong")])])
    assert not report.ok and report.problems == ["case two: it is wrong"]
    assert str(report).splitlines() == [
        "assign: 1 of 2 cases right", "  ✓ case one", "  ✗ case two", "      it is wrong",
        "Not yet: fix the first ✗ above and run this cell again.",
    ]
