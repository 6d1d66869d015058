"""A cell's traceback reads like CPython's: a line repeated by a recursion is
shown three times, then counted, not printed a thousand times."""

from __future__ import annotations

import traceback

from livecells import runner


def error_text(code: str) -> str:
    result = runner.run_cell(code, runner.new_namespace())
    assert not result.ok
    return result.items[-1][1]


def test_an_endless_recursion_shows_three_lines_and_counts_the_rest():
    text = error_text("def f(n):\n    return f(n + 1)\nf(0)")
    assert text.count("Cell line 2, in f") == 3
    assert "[Previous line repeated" in text and text.endswith("RecursionError: maximum recursion depth exceeded\n")
    assert len(text.splitlines()) < 15


def test_the_count_of_repeats_is_cpythons():
    code = "def g(n):\n    return 1 / n if n == 0 else g(n - 1)\ng({})"
    for depth, more in ((2, None), (3, 1), (4, 2)):
        text = error_text(code.format(depth))
        try:
            exec(compile(code.format(depth), "<cell>", "exec"), {})
        except ZeroDivisionError as exc:
            cpython = "".join(traceback.format_exception(exc))
        repeated = f"[Previous line repeated {more} more time{'s' * (more != 1)}]" if more else None
        assert (repeated in cpython) if repeated else ("Previous line repeated" not in cpython)
        assert (repeated in text) if repeated else ("Previous line repeated" not in text)
        assert text.count("Cell line 2, in g") == min(depth + 1, 3)
