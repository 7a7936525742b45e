#!/usr/bin/env python3
"""Package the built site for an intranet: dist/<name>-<version>.tar.gz and .zip.

    python scripts/make_dist.py [--site site] [--out dist]      (`make dist` builds first)

The archive holds one folder, <name>-<version>/, with:
- site/: the built site, plus precompressed copies (.gz, and .br with the brotli package)
  of every text and wasm file over 1 KB, for nginx `gzip_static` (and `brotli_static`);
- nginx.conf.sample: MIME types (application/wasm), the Content-Security-Policy, long
  caching of versioned assets, `gzip_static`, under the subpath /docs/exchange/;
- HOSTING.md: how to host it with nginx, Apache or IIS, at the root or under a subpath.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tarfile
import tempfile
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from site_hosting.precompressed import precompress  # noqa: E402

TEMPLATES = ROOT / "scripts" / "dist"
FIXED_MTIME = 315532800  # 1980-01-01: the same site gives the same archives


def write_archives(staging: Path, out: Path, stem: str) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in staging.rglob("*") if p.is_file())
    tar_path, zip_path = out / f"{stem}.tar.gz", out / f"{stem}.zip"
    with tarfile.open(tar_path, "w:gz") as tar:
        for path in files:
            info = tar.gettarinfo(path, arcname=path.relative_to(staging.parent).as_posix())
            info.mtime, info.uid, info.gid, info.uname, info.gname = FIXED_MTIME, 0, 0, "", ""
            with path.open("rb") as handle:
                tar.addfile(info, handle)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            name = path.relative_to(staging.parent).as_posix()
            archive.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), path.read_bytes())
    return [tar_path, zip_path]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        sys.exit(f"error: {args.site} has no index.html: run `make build` first")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    stem = f"{project['name']}-{project['version']}"
    with tempfile.TemporaryDirectory() as tmp:
        staging = Path(tmp) / stem
        shutil.copytree(args.site, staging / "site")
        print("precompressing (brotli at top quality: ~30 s the first time, then cached "
              "in build/precompressed/)", flush=True)
        count = precompress(staging / "site", cache=ROOT / "build" / "precompressed")
        for name in ("nginx.conf.sample", "HOSTING.md"):
            shutil.copy2(TEMPLATES / name, staging / name)
        archives = write_archives(staging, args.out, stem)
    print(f"precompressed {count} files (gzip, brotli)")
    for archive in archives:
        print(f"wrote {archive} ({archive.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
