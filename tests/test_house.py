"""The house rules hold: ruff's lint and format, and the import contracts (layers; Qt and reportlab in place).

The contracts live in pyproject.toml. A planted import that breaks each kind of contract must make the
check fail, so a contract that quietly stopped looking at anything would be caught here.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


def _run(*command: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *command], cwd=cwd, capture_output=True, text=True, timeout=300)


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    code = (
        "import sys; sys.path.insert(0, '.'); from importlinter.cli import lint_imports_command; lint_imports_command()"
    )
    return subprocess.run(
        [sys.executable, "-c", code, "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def test_ruff_lint_passes():
    done = _run("ruff", "check", "--output-format", "concise", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_format_is_applied():
    done = _run("ruff", "format", "--check", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_import_contracts_are_kept():
    done = _lint_imports(ROOT)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "3 kept, 0 broken" in done.stdout


@pytest.mark.parametrize(
    ("module", "planted", "broken"),
    [
        ("content/form.py", "from screener.engine import visibility", "Layers"),
        ("engine/evaluation.py", "import PySide6.QtWidgets", "Qt only in the GUI"),
        ("report/build.py", "import reportlab.platypus", "reportlab and pypdf only in the PDF renderer"),
    ],
)
def test_a_planted_import_breaks_its_contract(tmp_path, module, planted, broken):
    shutil.copytree(ROOT / "screener", tmp_path / "screener", ignore=shutil.ignore_patterns("__pycache__", "_data"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "screener" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{planted}  # noqa\n", encoding="utf-8")
    done = _lint_imports(tmp_path)
    assert done.returncode != 0, done.stdout[-2000:]
    assert f"{broken}" in done.stdout and "BROKEN" in done.stdout


FORM_WORDS = re.compile(r"\b(ketamine|esketamine|spravato|infusions?|OCD|ERP|SSRIs?|Y-BOCS)\b", re.IGNORECASE)


def _code_strings(path: Path):
    """Every string literal in a module that is not a docstring, with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def test_no_form_specific_words_in_the_code():
    """The form's words live in forms/: a second form (tests/forms/mini) must not inherit ketamine wording."""
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text!r}"
        for path in sorted((ROOT / "screener").rglob("*.py"))
        if path.name != "paths.py"  # it names the shipped form's folder, the default
        for line, text in _code_strings(path)
        if FORM_WORDS.search(text)
    ]
    assert not found, "\n".join(found)
