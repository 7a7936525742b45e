#!/usr/bin/env python3
"""Screenshots of the built site's main pages, for review (not a test).

    make build && .venv/bin/python scripts/screenshots.py [--site site] [--out build/screenshots]
                                                          [--full-page]

Builds nothing: serves an existing `site/` on a loopback port and drives Debian's Chromium
(/usr/bin/chromium, through Playwright; never a downloaded browser; the launch flags of
site_hosting/local_chromium.py). Writes one PNG per page, window size and palette:

    build/screenshots/<page>-<width>x<height>-<palette>.png

pages: home, article, checker, decision-table, build-report; sizes: 1366x900 (desktop)
and 390x844 (phone); palettes: default (light) and slate (dark), chosen the way a
reader's system preference chooses them. Any request beyond loopback is refused.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import Page, Route, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a clone without installing the package

from site_hosting.local_chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from site_hosting.local_http import serve_directory  # noqa: E402

ARTICLE = (
    "mail-flow-best-practices/use-connectors-to-configure-mail-flow/"
    "use-connectors-to-configure-mail-flow/"
)
PAGES = {
    "home": "",
    "article": ARTICLE,
    "checker": "checker/",
    "decision-table": "decision-table/",
    "build-report": "build-report/",
}
SIZES = [(1366, 900), (390, 844)]
PALETTES = {"default": "light", "slate": "dark"}  # Material scheme -> system preference




def _settle(page: Page) -> None:
    """Wait for what draws late: the checker's form, where the page has one."""
    checker = page.locator("[data-connector-checker]")
    if checker.count():
        try:
            checker.first.locator("form, .cc-form").first.wait_for(timeout=15000)
        except Exception:  # the shot still shows what a reader would see meanwhile
            print(f"  note: {page.url}: the checker had not drawn its form after 15 s")
    page.wait_for_timeout(300)  # Material's fade-ins


def take_screenshots(site: Path, out: Path, full_page: bool) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with serve_directory(site) as origin, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)

        def local_only(route: Route) -> None:
            if route.request.url.startswith((origin, "data:", "blob:")):
                route.continue_()
            else:
                route.abort()

        for scheme, preference in PALETTES.items():
            for width, height in SIZES:
                context = browser.new_context(
                    viewport={"width": width, "height": height},
                    color_scheme=preference,  # type: ignore[arg-type]
                    is_mobile=width < 600,
                    has_touch=width < 600,
                )
                context.route("**/*", local_only)
                page = context.new_page()
                for name, path in PAGES.items():
                    page.goto(origin + path, wait_until="networkidle")
                    _settle(page)
                    target = out / f"{name}-{width}x{height}-{scheme}.png"
                    page.screenshot(path=str(target), full_page=full_page)
                    written.append(target)
                    print(f"  {target}")
                context.close()
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site",
                        help="the built site to serve (default: site/, from `make build`)")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "screenshots")
    parser.add_argument("--full-page", action="store_true",
                        help="the whole page, not only the first screen")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"screenshots: no built site in {args.site}: run `make build` first",
              file=sys.stderr)
        return 2
    if not CHROMIUM.exists():
        print("screenshots: /usr/bin/chromium is missing: `make test` (or "
              "`make system-deps` as root) installs Debian's chromium", file=sys.stderr)
        return 2
    written = take_screenshots(args.site, args.out, args.full_page)
    print(f"screenshots: {len(written)} files in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
