"""The build and the browser read what they agree on from web/contract.json:
the runtime's file names, the worker's message kinds and the time limits.
A file that writes one of those names by hand, or a message kind that one
side sends and the other does not know, fails here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONTRACT = json.loads((ROOT / "web" / "contract.json").read_text())

#: Everything that names the runtime's files: the build, its Node helpers, the
#: MkDocs side, the page template and the runtime itself.
READERS = sorted(
    [*ROOT.glob("web/*.js"), *ROOT.glob("web/*.mjs"), *ROOT.glob("tools/*.py"), *ROOT.glob("tools/*.mjs"),
     *ROOT.glob("py/livecells/*.py"), *ROOT.glob("overrides/**/*.html")]
)


def code_of(path: Path) -> str:
    """The file without its comments (whole-line and trailing ones)."""
    marker = "#" if path.suffix == ".py" else "//" if path.suffix in (".js", ".mjs") else None
    lines = path.read_text().splitlines()
    if marker is None:
        return "\n".join(lines)
    return "\n".join(re.sub(rf"(^|\s){re.escape(marker)}.*$", "", line) for line in lines)


@pytest.mark.parametrize("key", sorted(CONTRACT["files"]))
def test_no_file_writes_a_runtime_file_name_by_hand(key):
    name = CONTRACT["files"][key]
    # A string that is the name itself, or the name after a folder ('web/worker.mjs' is a source, allowed).
    literal = re.compile(rf"""(["'`]){re.escape(name)}\1|[{{]{{ lc }}[}}]{re.escape(name)}""")
    found = [str(p.relative_to(ROOT)) for p in READERS if literal.search(code_of(p))]
    assert found == [], f"{name!r} written by hand (use the contract's files.{key})"


def test_the_runtime_and_the_build_read_the_file_names_from_the_contract():
    """The test above cannot pass by nobody naming the files at all."""
    readers = {p.name for p in READERS if re.search(r"""(CONTRACT|contract)\.files|FILES\[|livecells_files""",
                                                    code_of(p))}
    assert {"config.js", "download.mjs", "after_python.js", "sw_register.js", "build_site.py",
            "make_sw.mjs", "mkdocs_hook.py", "main.html"} <= readers, readers


def test_every_message_kind_is_known_to_both_ends():
    worker = code_of(ROOT / "web" / "worker.mjs")
    client = code_of(ROOT / "web" / "worker_client.js")
    handlers = re.search(r"const HANDLERS = \{(.*?)\n\};", worker, re.S).group(1)
    handled = re.findall(r"^  (\w+)\(", handlers, re.M)
    assert handled == CONTRACT["messages"]["requests"]
    sent = set(re.findall(r"""postMessage\(\{ type: "(\w+)\"""", worker)) | {"status"}  # status(): one place
    assert sent == set(CONTRACT["messages"]["replies"]), sent
    heard = set(re.findall(r"""msg\.type === "(\w+)\"""", client))
    assert heard == set(CONTRACT["messages"]["replies"]), heard
    asked = set(re.findall(r"""(?:send|request)\(\{ type: "(\w+)\"""", client))
    assert asked == set(CONTRACT["messages"]["requests"]), asked


def test_every_time_limit_is_read_from_the_settings_and_none_is_written_in_the_runtime():
    runtime = {p.name: code_of(p) for p in [*ROOT.glob("web/*.js"), *ROOT.glob("web/*.mjs")]}
    for key in CONTRACT["timeouts"]:
        assert any(key in text for text in runtime.values()), f"nothing reads the time limit {key}"
    old_names = re.compile(r"\b(SILENT_MS|STALL_MS|SNAPSHOT_SETUP_MS)\b")
    assert [name for name, text in runtime.items() if old_names.search(text)] == []
