"""The intranet archive (`make dist`): what it holds, and how its nginx sample serves it."""

from __future__ import annotations

import gzip
import re
import tarfile
import urllib.request
import zipfile

import brotli

from ..conftest import Archive

WASM = "assets/pyodide/314.0.7/pyodide.asm.wasm"


def test_archives_hold_the_site_the_sample_config_and_the_guide(dist_archive: Archive) -> None:
    with tarfile.open(dist_archive.tarball) as tar:
        tar_names = set(tar.getnames())
    with zipfile.ZipFile(dist_archive.zipfile) as archive:
        zip_names = set(archive.namelist())
    top = dist_archive.unpacked.name
    expected = {f"{top}/site/index.html", f"{top}/nginx.conf.sample", f"{top}/HOSTING.md",
                f"{top}/site/{WASM}", f"{top}/site/{WASM}.gz", f"{top}/site/{WASM}.br"}
    assert expected <= tar_names
    assert {n for n in tar_names if not n.endswith("/")} == {
        n for n in zip_names if not n.endswith("/")}
    guide = (dist_archive.unpacked / "HOSTING.md").read_text()
    for server in ("nginx", "Apache", "IIS", "/docs/exchange/", "application/wasm"):
        assert server in guide


def test_precompressed_copies_decode_to_the_original(dist_archive: Archive) -> None:
    site = dist_archive.unpacked / "site"
    original = (site / WASM).read_bytes()
    assert gzip.decompress((site / f"{WASM}.gz").read_bytes()) == original
    assert brotli.decompress((site / f"{WASM}.br").read_bytes()) == original
    assert (site / f"{WASM}.br").stat().st_size < 0.4 * len(original)


def _is_text(data: bytes) -> bool:
    """Text by content, whatever the file's name: UTF-8 with no NUL byte."""
    if b"\0" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def test_every_text_file_over_1_kb_has_gzip_and_brotli_copies_of_itself(
    dist_archive: Archive,
) -> None:
    site = dist_archive.unpacked / "site"
    copies = (".gz", ".br")
    texts = {
        path: data
        for path in sorted(site.rglob("*"))
        if path.is_file() and not path.name.endswith(copies)
        and path.stat().st_size > 1024 and _is_text(data := path.read_bytes())
    }
    missing, wrong = [], []
    for path, data in texts.items():
        name = path.relative_to(site).as_posix()
        gz, br = (path.with_name(path.name + suffix) for suffix in copies)
        if not (gz.is_file() and br.is_file()):
            missing.append(name)
        elif gzip.decompress(gz.read_bytes()) != data or brotli.decompress(br.read_bytes()) != data:
            wrong.append(name)
    # pages, search index and checker.json, stylesheets, scripts, our SVG, a vendored LICENSE
    kinds = {path.suffix for path in texts}
    assert {".html", ".json", ".css", ".js", ".mjs", ".svg", ""} <= kinds, kinds
    assert missing == []
    assert wrong == []


def fetch(url: str, encoding: str = "gzip") -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()


def test_nginx_sample_serves_wasm_compressed_typed_and_cached(archive_server: str) -> None:
    status, headers, body = fetch(archive_server + WASM)
    assert status == 200
    assert headers["content-type"] == "application/wasm"
    assert headers["content-encoding"] == "gzip"
    assert len(body) < 6_000_000
    assert "immutable" in headers["cache-control"]
    assert "'wasm-unsafe-eval'" in headers["content-security-policy"]


def test_nginx_sample_serves_brotli_copies_and_the_trimmed_stdlib_compressed(
    archive_server: str, dist_archive: Archive
) -> None:
    # `make test` installs Debian's brotli module; the sample's brotli_static line is on.
    _, headers, body = fetch(archive_server + WASM, "br, gzip")
    assert headers["content-encoding"] == "br"
    assert len(body) < 3_000_000
    # named by its content (it changes with what the engine imports; cached as immutable)
    site = dist_archive.unpacked / "site"
    (stdlib_path,) = site.glob("assets/pyodide/*/python_stdlib-*.pyc.zip")
    stdlib = stdlib_path.relative_to(site).as_posix()
    assert re.fullmatch(r"assets/pyodide/314\.0\.7/python_stdlib-[0-9a-f]{10}\.pyc\.zip", stdlib)
    _, raw_headers, raw = fetch(archive_server + stdlib, "identity")
    _, headers, body = fetch(archive_server + stdlib, "br, gzip")
    assert "content-encoding" not in raw_headers
    assert headers["content-encoding"] == "br"
    assert brotli.decompress(body) == raw
    # only the modules the checker imports: well under the stock 4.5 MB of bytecode
    assert len(body) < 1_500_000


def test_nginx_sample_pages_revalidate_and_mjs_is_javascript(archive_server: str) -> None:
    _, page_headers, _ = fetch(archive_server)
    assert page_headers["cache-control"] == "no-cache"
    _, headers, _ = fetch(archive_server + "assets/pyodide/314.0.7/pyodide.mjs", "identity")
    assert headers["content-type"].startswith("text/javascript")
