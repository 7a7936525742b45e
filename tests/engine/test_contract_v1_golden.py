"""Old shared links keep their meaning: every first-contract answer set decides as before.

`golden/contract_v1_decisions.json` was written once, by the engine of the first contract
(before the second version's questions existed), for every answer set over the first
contract's keys: each key absent or one of its values (405 sets). It is never regenerated.
Later questions take their defaults when unanswered, so each set must still give the same
verdict and connector set (from, to, need), or be refused for the same question.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from engine import AnswerError, Model, decide

GOLDEN = json.loads(
    (Path(__file__).parent / "golden" / "contract_v1_decisions.json").read_text("utf-8")
)["cases"]


def test_golden_file_covers_every_first_contract_answer_set() -> None:
    # 3 states of service, 5 of servers, 3 each of hybrid, devices, partners.
    assert len(GOLDEN) == 3 * 5 * 3 * 3 * 3
    assert len({json.dumps(case["answers"], sort_keys=True) for case in GOLDEN}) == len(GOLDEN)


@pytest.mark.parametrize(
    "case",
    GOLDEN,
    ids=lambda case: (
        "&".join(f"{key}={value}" for key, value in case["answers"].items()) or "no-answers"
    ),
)
def test_first_contract_answers_keep_their_meaning(model: Model, case: dict[str, Any]) -> None:
    answers = case["answers"]
    if "refused" in case:
        with pytest.raises(AnswerError) as refusal:
            decide(model, answers)
        assert refusal.value.key == case["refused"]
        return
    result = decide(model, answers)
    assert result["verdict"] == case["verdict"]
    assert (
        sorted([c["from"], c["to"], c["need"]] for c in result["connectors"]) == case["connectors"]
    )
    assert sorted(entry["key"] for entry in result["ignored"]) == case["ignored"]
