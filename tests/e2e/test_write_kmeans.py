"""The "Write K-means yourself" page: the reader edits assign/update in the browser, runs
them, and the check explains a wrong assign() and accepts a right one."""

from __future__ import annotations

from conftest import cell_with, run_and_wait, set_code, wait_ready

PAGE = "write-kmeans/"

UPDATE = '''
def update(points, labels, k):
    centroids = []
    for j in range(k):
        members = [x for x, label in zip(points, labels) if label == j] or points
        centroids.append([sum(column) / len(column) for column in zip(*members)])
    return centroids
'''
WRONG_ASSIGN = '''
def assign(points, centroids):
    labels = []
    for x in points:
        distances = [math.dist(x, c) for c in centroids]
        labels.append(distances.index(max(distances)))   # the farthest: a slip
    return labels
'''
RIGHT_ASSIGN = WRONG_ASSIGN.replace("max(distances)))   # the farthest: a slip", "min(distances)))")


def test_the_check_explains_a_wrong_assign_and_accepts_a_right_one(page, site_url):
    page.goto(site_url + PAGE)
    wait_ready(page)
    mine = cell_with(page, "def assign(points, centroids):")
    check = cell_with(page, "check_kmeans(assign, update)")
    play = cell_with(page, "play_kmeans(assign, update, X, start")
    assert "Not yet" in check.locator(".lc-output").inner_text()  # the page's own TODOs

    set_code(page, mine, "import math\n" + WRONG_ASSIGN + UPDATE)
    run_and_wait(page, mine, timeout=60_000)
    run_and_wait(page, check)
    text = check.locator(".lc-output").inner_text()
    assert "assign: 0 of 5 cases right" in text and "update: 5 of 5 cases right" in text
    assert ("labels[0] is 1, but observation 0 at (1, 1) is closer to centroid 0 (distance 0) "
            "than to centroid 1 (8.49)") in text
    assert "Every point went to its farthest centroid" in text

    set_code(page, mine, "import math\n" + RIGHT_ASSIGN + UPDATE)
    run_and_wait(page, mine)
    run_and_wait(page, check)
    text = check.locator(".lc-output").inner_text()
    assert "All right: your assign and update agree with clusterlab on every case." in text
    assert "✗" not in text

    # the player now shows the lesson's run, and its controls work
    run_and_wait(page, play)
    player = play.locator(".clp-player")
    assert player.locator(".clp-frame").count() == 6
    player.locator(".clp-player-slider").focus()
    page.keyboard.press("End")
    last = player.locator(".clp-frame--current .clp-caption").inner_text()
    assert last == ("Iteration 3, assign: C1 = {A, B, C, D}, C2 = {E, F, G}, C3 = {H, I, J}; "
                    "no point changed cluster, so K-means stops.")
