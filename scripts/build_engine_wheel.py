#!/usr/bin/env python3
"""Build the decision engine (with its compiled model) into a pure-Python wheel for Pyodide.

    python scripts/build_engine_wheel.py OUT_DIR

Why not pyodide-build: every `pyodide build` downloads a cross-build environment, which this
network does not allow, and a pure-Python (py3-none-any) wheel needs no cross-building.
Why not setuptools: the project's pyproject.toml also packages the site translator, and the
browser needs only `engine/` plus `engine/model.json`. A wheel is a zip with a fixed layout
(PEP 427), so writing it directly keeps the build small, fast and reproducible.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST_NAME = "connector_engine"
VERSION = "0.1.0"
FIXED_DATE = (2020, 1, 1, 0, 0, 0)  # reproducible archives: same input, same bytes


def engine_files() -> list[Path]:
    package = ROOT / "engine"
    files = [*sorted(package.glob("*.py")), package / "model.json"]
    missing = [f for f in files if not f.is_file()]
    if missing:
        sys.exit(f"error: {missing[0]} is missing: run `make build` (it compiles data/ first)")
    return files


def record_line(name: str, data: bytes) -> list[str]:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return [name, f"sha256={digest}", str(len(data))]


def build_wheel(out_dir: Path) -> Path:
    dist_info = f"{DIST_NAME}-{VERSION}.dist-info"
    contents: list[tuple[str, bytes]] = [
        (f"engine/{f.name}", f.read_bytes()) for f in engine_files()
    ]
    contents.append((
        f"{dist_info}/METADATA",
        f"Metadata-Version: 2.1\nName: {DIST_NAME}\nVersion: {VERSION}\n"
        "Summary: Exchange Online connector decision engine (standard library only)\n"
        "Requires-Python: >=3.11\n".encode(),
    ))
    contents.append((
        f"{dist_info}/WHEEL",
        b"Wheel-Version: 1.0\nGenerator: scripts/build_engine_wheel.py\n"
        b"Root-Is-Purelib: true\nTag: py3-none-any\n",
    ))
    record = io.StringIO()
    writer = csv.writer(record, lineterminator="\n")
    for name, data in contents:
        writer.writerow(record_line(name, data))
    writer.writerow([f"{dist_info}/RECORD", "", ""])
    contents.append((f"{dist_info}/RECORD", record.getvalue().encode()))

    out_dir.mkdir(parents=True, exist_ok=True)
    wheel = out_dir / f"{DIST_NAME}-{VERSION}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in contents:
            archive.writestr(zipfile.ZipInfo(name, FIXED_DATE), data, zipfile.ZIP_DEFLATED)
    return wheel


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: build_engine_wheel.py OUT_DIR")
    wheel = build_wheel(Path(sys.argv[1]))
    print(f"built {wheel.relative_to(ROOT) if wheel.is_relative_to(ROOT) else wheel} "
          f"({wheel.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
