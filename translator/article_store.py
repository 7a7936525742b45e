"""Parsed articles kept compact between the two passes of a docset's translation.

Links between articles need every article parsed (titles, anchors, asset ids) before any is
rendered, so a docset's translation parses all of them first. Kept as markdown-it tokens, a
5 KB article takes ~400 KB of memory (~640 `Token` objects with their dicts and lists);
3,000 of them took over a gigabyte. Between the passes only an article's tokens are stored,
pickled and compressed (zlib's fastest level: ~68 KB pickled, ~9 KB compressed; storing
and loading cost a few milliseconds, parsing again ~13); everything else (front matter,
title, report, the anchors in ``env``) stays as it is, so the report the render adds to is
the one the parse wrote to. Tokens hold plain data only (their ``meta`` values are
strings, numbers, lists), which `tests/translator/test_article_store.py` checks over every
fixture: a stored article renders exactly as one rendered straight away.
"""

from __future__ import annotations

import pickle
import zlib
from dataclasses import dataclass, replace

from .article import ParsedArticle

__all__ = ["StoredArticle", "store_article"]


@dataclass(frozen=True)
class StoredArticle:
    summary: ParsedArticle  # the parsed article without its tokens (meta, title, report, env)
    pickled_tokens: bytes  # zlib-compressed

    def load(self) -> ParsedArticle:
        """The parsed article again, ready to render (once: rendering edits the tokens)."""
        return replace(self.summary, tokens=pickle.loads(zlib.decompress(self.pickled_tokens)))


def store_article(parsed: ParsedArticle) -> StoredArticle:
    tokens = pickle.dumps(parsed.tokens)
    return StoredArticle(replace(parsed, tokens=[]), zlib.compress(tokens, 1))
