"""The Image lab's steps (clusterlab.image_lab), which web/lab.js runs in the page's Python."""

from types import SimpleNamespace

from clusterlab.image_lab import SCATTER_SAMPLE, LabRun
from clusterlab.quantize import median_cut, psnr, quantize, random_palette


def ramp(width=40, height=30):
    data = bytearray()
    for y in range(height):
        for x in range(width):
            data += bytes((x * 6 % 256, y * 8 % 256, (x * y) % 256, 255))
    return SimpleNamespace(data=bytes(data), width=width, height=height)


def test_the_report_is_quantize_s_result_as_json_with_the_warnings_as_notes():
    image = ramp()
    run = LabRun(image, k=5, init="random", seed=3)
    q = quantize(image.data, image.width, image.height, k=5, init="random", random_state=3)
    report = run.report
    assert (report["palette"], report["counts"], report["mse"], report["n_iter"], report["colours"]) == (
        q.palette, q.counts, q.mse, q.n_iter, q.colours)
    assert report["psnr"] == psnr(q.mse) and report["seconds"] >= 0 and report["notes"] == []
    assert run.pixels == q.to_bytes()
    two = SimpleNamespace(data=bytes([9, 9, 9, 255] * 4), width=2, height=2)
    notes = LabRun(two, k=3, init="k-means++", seed=0).report["notes"]
    assert len(notes) == 1 and "1 distinct colour" in notes[0], notes


def test_the_comparison_uses_the_same_k_and_seed_as_the_run():
    image = ramp()
    run = LabRun(image, k=4, init="k-means++", seed=7)
    rows = run.comparison({"randomPalette": "tilfeldig", "medianCut": "median"})
    expected = [random_palette(image.data, 40, 30, k=4, random_state=7).mse, median_cut(image.data, 40, 30, k=4).mse,
                run.quantized.mse]
    assert [row[0] for row in rows] == ["tilfeldig", "median", "K-means"]
    assert [row[1] for row in rows] == expected and [row[2] for row in rows] == [psnr(m) for m in expected]


def test_the_scatter_plots_draw_a_sample_with_the_titles_given():
    image = ramp(60, 40)
    svg = LabRun(image, k=3, init="k-means++", seed=1).scatter_svg({"ownColour": "Own", "centroidColour": "Centroid"})
    assert svg.count("<svg") == 2 and "Own" in svg and "Centroid" in svg
    assert SCATTER_SAMPLE < 60 * 40
