"""The source article is kept byte for byte as received."""

from __future__ import annotations

from .conftest import ROOT, SEED_ARTICLE


def test_seed_article_is_byte_identical() -> None:
    seed = ROOT.parent / "shared" / "seeds" / "000_3e8ec20f61b7e2ea.txt"
    assert (ROOT / "docs" / SEED_ARTICLE).read_bytes() == seed.read_bytes()
