"""The word-list helper of the analysis regexes, and the analysis packages' import graph."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from quellenlage.patterns import either_case

SRC = Path(__file__).resolve().parent.parent / "src" / "quellenlage"


def test_either_case_gives_each_word_both_initials() -> None:
    assert either_case("sprecher(?:in)? ärzt(?:e|in)? 3sat") == "[Ss]precher(?:in)?|[Ää]rzt(?:e|in)?|3sat"
    pattern = re.compile(rf"[\w-]*(?:{either_case('sprecher polizei')})$")
    assert pattern.match("Bahnsprecher") and pattern.match("Polizei") and not pattern.match("Sprecherei")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_the_attribution_and_claims_stages_import_no_circle() -> None:
    """An import circle is a design question (../shared/design/LAYERS.md): none among the modules
    of the stages that find speakers and sources, at any depth."""
    modules = {
        f"quellenlage.{p.relative_to(SRC).with_suffix('').as_posix().replace('/', '.')}": p
        for folder in ("attribution", "claims", "events")
        for p in (SRC / folder).glob("*.py")
        if p.name != "__init__.py"
    }
    graph = {name: {m for m in _imports(path) if m in modules and m != name} for name, path in modules.items()}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for following in graph[start]:
            if following == goal or (following not in seen and (seen.add(following) or reaches(following, goal, seen))):
                return True
        return False

    assert "quellenlage.attribution.speaker_phrases" in graph["quellenlage.attribution.speakers"]
    circles = sorted(name for name in graph if reaches(name, name, set()))
    assert circles == []
