"""The source article is kept byte for byte as received."""

from __future__ import annotations

import hashlib

from .conftest import ROOT, SEED_ARTICLE

# SHA-256 of shared/seeds/000_3e8ec20f61b7e2ea.txt, the seed as received.
SEED_SHA256 = "b19a7c2895dd57d7418187e8788581dd38e481c0f5913051a2871e43c4389fb6"
SEED_FILE = ROOT.parent / "shared" / "seeds" / "000_3e8ec20f61b7e2ea.txt"


def test_seed_article_is_byte_identical_to_the_seed() -> None:
    article = (ROOT / "docs" / SEED_ARTICLE).read_bytes()
    assert hashlib.sha256(article).hexdigest() == SEED_SHA256
    if SEED_FILE.exists():  # beside the checkout on the team's machines and in CI
        assert article == SEED_FILE.read_bytes()
