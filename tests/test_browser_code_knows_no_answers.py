"""One source of truth: the checker's browser code names no question, answer or connector.

Questions, relevance, defaults and impossible combinations come from checker.json (the
engine's model); what a result shows, its diagram included, comes from the engine's reply.
So no string literal in the browser code may be a question key or an option value. (A
literal is read with a small tokenizer that skips comments and regular expressions are
not used in these files for such words; a key inside a longer text, e.g. a sentence, is
not a literal of its own and is allowed.)
"""

from __future__ import annotations

import re
from pathlib import Path

from engine import load_packaged_model

ROOT = Path(__file__).resolve().parents[1]
BROWSER_CODE = sorted((ROOT / "docs" / "assets" / "checker").glob("*.js"))
_TOKEN = re.compile(
    r"""//[^\n]*|/\*.*?\*/|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`""", re.S
)


def string_literals(source: str) -> list[str]:
    return [token[1:-1] for token in _TOKEN.findall(source) if token[0] in "\"'`"]


def test_the_tokenizer_finds_literals_and_skips_comments() -> None:
    sample = "// \"service\"\nconst a = \"mx\"; /* 'eop' */ f('no', `x ${y}`);"
    assert string_literals(sample) == ["mx", "no", "x ${y}"]


def test_no_question_key_or_option_value_in_the_browser_code() -> None:
    model = load_packaged_model()
    words = set(model.questions) | {v for q in model.questions.values() for v in q.values}
    assert BROWSER_CODE, "no browser code found"
    for path in BROWSER_CODE:
        found = sorted(set(string_literals(path.read_text("utf-8"))) & words)
        assert found == [], f"{path.name} names {found}: take them from checker.json or the result"
