"""Precompressed copies of a built site's files, for nginx `gzip_static` / `brotli_static`.

The server then sends `file.gz` or `file.br` as is: no compression work per request, and
the best compression level, whatever the server's own settings.
"""

from __future__ import annotations

import gzip
import hashlib
import io
from pathlib import Path

import brotli  # type: ignore[import-untyped]  # no stubs published

__all__ = ["COMPRESSIBLE", "precompress"]

# Text (also found by content), wasm, and zips whose entries are stored (the checker's
# stdlib and wheel).
COMPRESSIBLE = frozenset(
    {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".wasm", ".map", ".zip",
     ".whl", ".snapshot"}
)
_COPIES = frozenset({".gz", ".br"})
MIN_SIZE = 1024
MIN_SAVING = 0.1  # a copy that saves less than 10 % (e.g. a deflated zip) is not written


def precompress(site: Path, cache: Path | None = None) -> int:
    """Write .gz and .br beside each file over 1 KB that is text or of a COMPRESSIBLE kind;
    returns how many files.

    Brotli at its best quality takes ~20 s on Pyodide's 9.6 MB wasm: with `cache`, results
    are kept there under the content's SHA-256 and reused by the next build.
    """
    count = 0
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.stat().st_size < MIN_SIZE or path.suffix in _COPIES:
            continue
        data = path.read_bytes()
        if path.suffix not in COMPRESSIBLE and not _is_text(data):
            continue
        gzipped = _gzip(data)
        if len(gzipped) > len(data) * (1 - MIN_SAVING):
            continue
        path.with_name(path.name + ".gz").write_bytes(gzipped)
        path.with_name(path.name + ".br").write_bytes(_brotli(data, cache))
        count += 1
    return count


def _is_text(data: bytes) -> bool:
    """Text whatever its name (a vendored LICENSE): UTF-8 with no NUL byte."""
    if b"\0" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _brotli(data: bytes, cache: Path | None) -> bytes:
    if cache is None or len(data) < 100_000:
        return bytes(brotli.compress(data, quality=11))
    cached = cache / (hashlib.sha256(data).hexdigest() + ".br")
    if not cached.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(brotli.compress(data, quality=11))
    return cached.read_bytes()


def _gzip(data: bytes) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9, mtime=0) as gz:
        gz.write(data)
    return buffer.getvalue()
