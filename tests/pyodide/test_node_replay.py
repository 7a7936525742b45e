"""The engine wheel on the real Pyodide (Node, from node_modules) answers as CPython does.

Replays the hand-written table test (every reachable case) and the refused inputs of the
contract through `scripts/pyodide/replay_decisions.mjs`, with the wheel and the
byte-compiled stdlib that `make build` ships to the browser — once with the wheel unpacked
at start-up as the worker does it, once from the memory snapshot of the opt-in fast start.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from typing import Any

import pytest

from engine import AnswerError, decide, load_packaged_model

from ..conftest import ROOT
from ..engine.test_engine_decisions import EXPECTED

CHECKER_BUILD = ROOT / "build" / "checker"
REFUSED = [
    {"service": "exchange-online", "servers": "none", "devices": "yes", "partners": "no",
     "colour": "blue"},
    {"service": "gmail", "servers": "none", "partners": "no"},
    {"service": "eop", "servers": "none", "partners": "no"},
    {"service": "exchange-online", "servers": "exchange-2010-or-later", "partners": "no"},
]


def cpython_answer(answers: dict[str, str]) -> dict[str, Any]:
    try:
        return decide(load_packaged_model(), answers)
    except AnswerError as error:
        return {"error": str(error)}


@pytest.fixture(scope="module", params=["wheel", "memory snapshot"])
def pyodide_replay(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    node = shutil.which("node")
    wheels = sorted(CHECKER_BUILD.glob("*.whl"))
    stdlib = CHECKER_BUILD / "python_stdlib.pyc.zip"
    snapshot = CHECKER_BUILD / "engine.snapshot"
    if node is None or not wheels or not stdlib.is_file() or not snapshot.is_file():
        pytest.fail("node, the engine wheel, the compiled stdlib or the memory snapshot is "
                    "missing: run `make test`")
    engine = [str(wheels[-1])] if request.param == "wheel" else ["--snapshot", str(snapshot)]
    cases = [answers for answers, *_ in EXPECTED] + REFUSED
    cases_file = tmp_path_factory.mktemp("replay") / "cases.json"
    cases_file.write_text(json.dumps(cases))
    run = subprocess.run(
        [node, str(ROOT / "scripts" / "pyodide" / "replay_decisions.mjs"),
         *engine, str(stdlib), str(cases_file)],
        capture_output=True, text=True, cwd=ROOT, timeout=300, check=False,
    )
    assert run.returncode == 0, run.stderr
    replay: dict[str, Any] = json.loads(run.stdout)
    replay["cases"] = cases
    return replay


def test_runs_on_pyodides_python(pyodide_replay: dict[str, Any]) -> None:
    assert pyodide_replay["python"].startswith("3.14")


def test_every_table_case_matches_the_hand_written_table(pyodide_replay: dict[str, Any]) -> None:
    for (answers, verdict, connectors, source), result in zip(
        EXPECTED, pyodide_replay["results"], strict=False
    ):
        got = {(c["from"], c["to"], c["need"]) for c in result["connectors"]}
        assert (result["verdict"], got) == (verdict, connectors), f"{answers} ({source})"


def test_results_are_identical_to_cpython(pyodide_replay: dict[str, Any]) -> None:
    assert len(pyodide_replay["results"]) == len(EXPECTED) + len(REFUSED)
    for answers, result in zip(pyodide_replay["cases"], pyodide_replay["results"], strict=True):
        assert result == cpython_answer(answers), answers


def test_refused_inputs_give_the_same_messages(pyodide_replay: dict[str, Any]) -> None:
    errors = [r["error"] for r in pyodide_replay["results"][len(EXPECTED):]]
    assert len(errors) == len(REFUSED)
    assert "colour" in errors[0] and "gmail" in errors[1] and "hybrid" in errors[3]
