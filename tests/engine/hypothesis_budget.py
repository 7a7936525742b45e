"""How many examples a hypothesis test of the engine draws.

A normal run (`make test`) draws the count the test asks for. Under mutation testing
(`make mutation`: mutmut sets MUTANT_UNDER_TEST in the test process, for every mutant and
while it maps tests to functions) a tenth of it, at least 30: each surviving mutant runs
every test that reaches its function, and the full counts made a run over engine/ take
hours. The hand-written tables and broken models kill most mutants before any hypothesis
test runs; a mutant that only a rare drawn example notices may survive there, and is then
re-checked with a normal run before it is explained away.
"""

from __future__ import annotations

import os

UNDER_MUTATION = "MUTANT_UNDER_TEST" in os.environ


def examples(count: int) -> int:
    """`count`, or a tenth of it (at least 30) under mutation testing."""
    return max(30, count // 10) if UNDER_MUTATION else count
