#!/usr/bin/env python3
# Copyright 2026 Retail CRM Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Small files and small methods: no file under addons/*/models over 600 lines, no
function of the addons' Python code (tests aside) over 60 lines. A model that grows
past it is split by concern (one file per concern, ``_inherit`` of the same model);
a long method is cut into named steps.

Usage: scripts/check-sizes.py [addons/<module> ...] (every module by default)."""

import ast
import sys
from pathlib import Path

MAX_MODEL_FILE = 600
MAX_FUNCTION = 60


def problems(path):
    source = path.read_text()
    lines = source.count("\n")
    if path.parent.name == "models" and lines > MAX_MODEL_FILE:
        yield f"{path}: {lines} lines (at most {MAX_MODEL_FILE} in models/)"
    for node in ast.walk(ast.parse(source, str(path))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = node.end_lineno - node.lineno + 1
            if length > MAX_FUNCTION:
                yield (
                    f"{path}:{node.lineno}: {node.name} is {length} lines "
                    f"(at most {MAX_FUNCTION})"
                )


def main(roots):
    root = Path(__file__).resolve().parent.parent
    modules = [Path(r) for r in roots] or sorted((root / "addons").iterdir())
    found = [
        problem
        for module in modules
        for path in sorted(module.rglob("*.py"))
        if not {"tests", "migrations"} & set(path.parts)
        for problem in problems(path)
    ]
    if found:
        print("\n".join(found))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
