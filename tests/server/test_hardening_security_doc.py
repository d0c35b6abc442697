"""SECURITY.md names, for each promise, the test that holds it: every test it names must exist, so a
renamed or deleted test cannot leave a promise standing on nothing."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_test_security_md_names_exists():
    """Each `file::test` in SECURITY.md is a test function in that file under tests/."""
    text = (ROOT / "SECURITY.md").read_text()
    named = re.findall(r"`([\w/]+\.py)::(\w+)`", text)
    assert len(named) > 30
    missing = []
    for file, test in named:
        path = ROOT / "tests" / file
        functions = {n.name for n in ast.walk(ast.parse(path.read_text()))
                     if isinstance(n, ast.FunctionDef)} if path.exists() else set()
        if test not in functions:
            missing.append(f"{file}::{test}")
    assert missing == []
