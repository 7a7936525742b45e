#!/usr/bin/env python3
"""Benchmark the decision engine in CPython: model load time and decisions per second.

Loads `engine/model.json` (compile it first: python scripts/compile_model.py), then times
JSON -> Model, `decide` over every reachable answer combination for many rounds, and the
verifier, all in one run. Prints one line per measurement.

    python scripts/bench_engine.py [--rounds 2000]
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a clone without installing the package

from engine import decide, load_model, reachable_answer_sets, verify_model  # noqa: E402


def best_seconds(action: Callable[[], object], repeat: int) -> float:
    """The fastest of `repeat` runs: the least disturbed by the rest of the machine."""
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2000, help="passes over all cases")
    parser.add_argument("--model", type=Path, default=ROOT / "engine" / "model.json")
    args = parser.parse_args()
    if not args.model.is_file():
        print(f"{args.model} missing: run python scripts/compile_model.py", file=sys.stderr)
        return 2
    text = args.model.read_text(encoding="utf-8")
    model = load_model(json.loads(text))
    cases = reachable_answer_sets(model)

    parse = best_seconds(lambda: json.loads(text), repeat=200)
    load = best_seconds(lambda: load_model(json.loads(text)), repeat=200)
    start = time.perf_counter()
    for _ in range(args.rounds):
        for answers in cases:
            decide(model, answers)
    decisions = args.rounds * len(cases)
    decide_seconds = time.perf_counter() - start
    verify = best_seconds(lambda: verify_model(model), repeat=50)

    print(f"python: {platform.python_implementation()} {platform.python_version()}")
    print(
        f"model: {args.model.relative_to(ROOT) if args.model.is_relative_to(ROOT) else args.model}"
        f" ({len(text):,} bytes, {len(model.questions)} questions, {len(cases)} reachable cases)"
    )
    print(
        f"model load (JSON text -> Model): {load * 1000:.3f} ms "
        f"(of which json.loads {parse * 1000:.3f} ms)"
    )
    print(
        f"decide: {decisions / decide_seconds:,.0f} decisions/s "
        f"({decide_seconds / decisions * 1e6:.1f} µs each; {decisions:,} decisions "
        f"= {args.rounds} rounds x {len(cases)} cases)"
    )
    print(f"verify_model (all {len(cases)} cases, every check): {verify * 1000:.3f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
