"""The house drawn from the code (issue 18): no file in viewer/ over 600 lines, and imports at
the top of each module unless a heavy library (or a part of the app) is deferred on purpose —
then the module says so, once, in a ``# Deferred on purpose: name, name (why)`` comment."""

from __future__ import annotations

import ast
import re
from pathlib import Path

VIEWER = Path(__file__).resolve().parents[2] / "viewer"
MAX_LINES = 600
DEFERRED = re.compile(r"#\s*Deferred on purpose:\s*(.+)")


def sources() -> list[Path]:
    return sorted(VIEWER.rglob("*.py"))


def test_no_file_in_viewer_is_over_600_lines() -> None:
    long = {
        str(p.relative_to(VIEWER.parent)): n
        for p in sources()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"over {MAX_LINES} lines (split them by role): {long}"


def _type_checking(node: ast.If) -> bool:
    return "TYPE_CHECKING" in ast.unparse(node.test)


def late_imports(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, module) of every import inside a function or class (not under TYPE_CHECKING)."""
    found: list[tuple[int, str]] = []

    def walk(node: ast.AST, nested: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _type_checking(child):
                continue
            inner = nested or isinstance(
                child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef
            )
            if nested and isinstance(child, ast.Import):
                found.extend((child.lineno, alias.name) for alias in child.names)
            elif nested and isinstance(child, ast.ImportFrom):
                found.append((child.lineno, child.module or ""))
            walk(child, inner)

    walk(tree, False)
    return found


def declared(text: str) -> set[str]:
    """The names a module's ``# Deferred on purpose: names (why)`` comments list (the comment
    may run on over the next comment lines)."""
    names: set[str] = set()
    lines = text.splitlines()
    for i, line in enumerate(lines):
        match = DEFERRED.search(line)
        if not match:
            continue
        said = match.group(1)
        for more in lines[i + 1 :]:
            if "(" in said or not more.lstrip().startswith("#"):
                break
            said += " " + more.lstrip().lstrip("#")
        names |= set(re.findall(r"[A-Za-z_][\w.]*", said.split("(")[0]))
    return names


def test_imports_are_at_the_top_unless_deferred_on_purpose() -> None:
    bad = []
    for path in sources():
        text = path.read_text(encoding="utf-8")
        allowed = declared(text)
        for line, module in late_imports(ast.parse(text)):
            parts = module.split(".")
            prefixes = {".".join(parts[: i + 1]) for i in range(len(parts))}
            if not prefixes & allowed:
                bad.append(f"{path.relative_to(VIEWER.parent)}:{line}: import {module}")
    assert not bad, (
        "imports inside functions: move them to the top, or say why in the module's "
        "'# Deferred on purpose: NAME (why)' comment:\n" + "\n".join(bad)
    )


def test_the_check_finds_a_late_import_and_honours_the_comment() -> None:
    code = "import os\n\ndef f():\n    import json\n    from pathlib import Path\n"
    assert late_imports(ast.parse(code)) == [(4, "json"), (5, "pathlib")]
    assert declared("# Deferred on purpose: pandas, pyarrow.csv (heavy)\n") == {
        "pandas",
        "pyarrow.csv",
    }
    two_lines = "# Deferred on purpose: viewer.io.a,\n# viewer.io.b (readers)\nx = 1  # (\n"
    assert declared(two_lines) == {"viewer.io.a", "viewer.io.b"}
    guarded = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import numpy\n"
    assert late_imports(ast.parse(guarded)) == []
