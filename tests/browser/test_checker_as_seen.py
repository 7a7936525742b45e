"""The checker as an admin sees it, on a 1366x900 desktop and a 390x844 phone, in both
palettes: the answer in view, legible diagram text, copy on plain HTTP, print, the folded
inline checker, and axe with a result on screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from engine import decide, load_packaged_model

from ..conftest import ROOT, Build, free_loopback_port
from .conftest import ARTICLE_URL, CHROMIUM, CHROMIUM_ARGS, serve_directory
from .test_checker import verdict_of

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
PALETTES = {"default": "light", "slate": "dark"}
BUSY = {  # many connectors: the diagram's hardest case
    "service": "exchange-online", "servers": "exchange-2010-or-later", "hybrid": "yes",
    "mx": "filtering-service", "outbound": "via-service", "add_on": "yes", "partners": "yes",
}


@dataclass(frozen=True)
class View:
    page: Page
    viewport: str
    scheme: str


@pytest.fixture(params=[(v, s) for v in VIEWPORTS for s in PALETTES], ids=lambda p: "-".join(p))
def view(request: pytest.FixtureRequest, browser: Browser) -> Iterator[View]:
    viewport, scheme = request.param
    context = browser.new_context(
        viewport=VIEWPORTS[viewport], color_scheme=PALETTES[scheme]  # type: ignore[arg-type]
    )
    yield View(context.new_page(), viewport, scheme)
    context.close()


def in_viewport(page: Page, selector: str) -> bool:
    return bool(page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)].some((e) => {
             const r = e.getBoundingClientRect();
             return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && !e.closest('[hidden]');
           })""",
        selector,
    ))


def assert_answer_in_view(page: Page, headline: str) -> None:
    """The verdict itself, or the one-line summary of it, is on screen."""
    page.wait_for_timeout(300)  # the summary follows the result's layout
    if in_viewport(page, ".cc-result .cc-verdict"):
        return
    summary = page.locator(".cc-summary:visible")
    expect(summary).to_have_count(1)
    assert in_viewport(page, ".cc-summary")
    assert summary.inner_text().startswith(headline)


def test_the_answer_is_in_view_after_the_last_answer(view: View, site_url: str) -> None:
    page = view.page
    page.goto(f"{site_url}checker/?service=exchange-online&servers=none&devices=yes")
    partners_no = page.locator("[data-question=partners] input[value=no]")
    partners_no.scroll_into_view_if_needed()
    partners_no.check()
    assert verdict_of(page) == "optional"
    expected = decide(load_packaged_model(), {"service": "exchange-online", "servers": "none",
                                              "devices": "yes", "partners": "no"})
    assert_answer_in_view(page, expected["headline"])
    # Focus stays where the reader was.
    assert page.evaluate("document.activeElement.value") == "no"


def test_the_answer_is_in_view_when_a_shared_link_opens(view: View, site_url: str) -> None:
    page = view.page
    answers = {"service": "eop", "servers": "other-smtp", "partners": "yes"}
    page.goto(f"{site_url}{ARTICLE_URL}?{urlencode(answers)}")
    assert verdict_of(page) == "required"
    assert_answer_in_view(page, decide(load_packaged_model(), answers)["headline"])
    # The summary takes the reader to the result.
    if page.locator(".cc-summary:visible").count():
        page.locator(".cc-summary").click()
        page.wait_for_timeout(500)
        assert in_viewport(page, ".cc-result .cc-verdict") or page.evaluate(
            "document.querySelector('.cc-result').getBoundingClientRect().top < innerHeight"
        )


def smallest_visible_text(page: Page) -> float:
    """The smallest on-screen text size in the result, in CSS px (SVG text scaled)."""
    return float(page.evaluate(
        """() => {
          let smallest = Infinity;
          for (const e of document.querySelectorAll('.cc-result *')) {
            if (![...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
            if (!e.getClientRects().length) continue;  // not rendered (display: none)
            let size = parseFloat(getComputedStyle(e).fontSize);
            const svg = e.closest('svg');
            if (svg) size = size * svg.getScreenCTM().a;
            smallest = Math.min(smallest, size);
          }
          return smallest;
        }"""
    ))


@pytest.mark.parametrize("answers", [BUSY, {"service": "eop", "servers": "other-smtp",
                                            "partners": "no"}], ids=["busy", "eop"])
def test_no_result_text_under_12px_on_a_phone(
    browser: Browser, site_url: str, answers: dict[str, str]
) -> None:
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.goto(f"{site_url}checker/?{urlencode(answers)}")
    verdict_of(page)
    assert smallest_visible_text(page) >= 12
    # The picture gives way to its equivalent list, which names every line.
    expected = decide(load_packaged_model(), answers)["diagram"]
    expect(page.locator(".cc-d-list li")).to_have_count(len(expected["edges"]))
    expect(page.locator(".cc-diagram svg")).to_be_hidden()
    context.close()


def test_the_desktop_diagram_text_is_legible(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    page.goto(f"{site_url}checker/?{urlencode(BUSY)}")
    verdict_of(page)
    expect(page.locator(".cc-diagram svg")).to_be_visible()
    assert smallest_visible_text(page) >= 12
    legend = page.locator(".cc-d-legend text").all_text_contents()
    kinds = {edge["kind"] for edge in decide(load_packaged_model(), BUSY)["diagram"]["edges"]}
    words = {"required": "connector required", "optional": "connector optional",
             "in-place": "connectors already in place", "plain": "no connector"}
    assert sorted(legend) == sorted(words[kind] for kind in kinds)
    context.close()


@pytest.fixture
def intranet(built_site: Build, browser: Browser) -> Iterator[tuple[Browser, str]]:
    """The site on plain HTTP under a host name that is not localhost: not a secure context
    (Chromium maps the name to 127.0.0.1)."""
    with serve_directory(built_site.site, free_loopback_port()) as url:
        port = urlsplit(url).port
        intranet_browser = browser.browser_type.launch(
            executable_path=str(CHROMIUM),
            args=[*CHROMIUM_ARGS, "--host-resolver-rules=MAP intranet.test 127.0.0.1"],
        )
        yield intranet_browser, f"http://intranet.test:{port}/"
        intranet_browser.close()


def test_copy_link_works_on_a_plain_http_intranet(intranet: tuple[Browser, str]) -> None:
    browser, url = intranet
    page = browser.new_page()
    page.goto(f"{url}checker/?service=eop&servers=other-smtp&partners=no")
    assert page.evaluate("isSecureContext") is False
    assert page.evaluate("typeof navigator.clipboard") == "undefined"
    verdict_of(page)
    page.locator(".cc-copy").click()
    field = page.locator(".cc-copy-field")
    expect(field).to_be_visible()
    assert field.input_value() == page.url
    selected = page.evaluate(
        "(() => { const f = document.activeElement;"
        " return [f.className, f.selectionStart, f.selectionEnd, f.value.length]; })()"
    )
    assert selected == ["cc-copy-field", 0, len(page.url), len(page.url)]
    note = page.locator(".cc-copy-note").inner_text()
    assert "not on HTTPS" in note


def test_a_result_prints_as_a_clean_record(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(f"{site_url}checker/?service=eop&servers=other-smtp&partners=yes")
    verdict_of(page)
    page.emulate_media(media="print")
    visible_controls = page.locator(
        ".connector-checker input:visible, .connector-checker button:visible"
    )
    expect(visible_controls).to_have_count(0)
    expect(page.locator(".cc-record")).to_be_visible()
    assert page.locator(".cc-record-url").inner_text() == page.url
    record = page.locator(".cc-record").inner_text()
    assert "Standalone Exchange Online Protection (EOP)" in record
    expect(page.locator(".cc-connectors")).to_be_visible()
    page.close()


def test_the_inline_checker_keeps_the_article_readable(browser: Browser, site_url: str) -> None:
    page = browser.new_page(viewport=VIEWPORTS["desktop"])
    page.goto(site_url + ARTICLE_URL)
    fold = page.locator("details.cc-fold")
    expect(fold).not_to_have_attribute("open", "")
    # "the table below": the section's table follows within a few lines of its paragraph.
    gap = page.evaluate(
        """() => {
          const fold = document.querySelector('details.cc-fold');
          let table = fold.nextElementSibling;
          while (table && !table.querySelector('table') && table.tagName !== 'TABLE')
            table = table.nextElementSibling;
          return table.getBoundingClientRect().top - fold.getBoundingClientRect().top;
        }"""
    )
    assert gap < 200
    page.goto(f"{site_url}{ARTICLE_URL}?service=eop&servers=other-smtp&partners=no")
    expect(page.locator("details.cc-fold")).to_have_attribute("open", "")
    assert verdict_of(page) == "required"
    page.close()


@pytest.mark.parametrize("where", ["checker/", ARTICLE_URL])
@pytest.mark.parametrize("scheme", list(PALETTES))
def test_axe_finds_no_serious_violation_with_a_result(
    browser: Browser, site_url: str, where: str, scheme: str
) -> None:
    context = browser.new_context(color_scheme=PALETTES[scheme])  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(f"{site_url}{where}?{urlencode(BUSY)}")
    verdict_of(page)
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("async () => (await axe.run()).violations")
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], "\n".join(serious)
    context.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_decision_table_fits_the_content_area(
    browser: Browser, site_url: str, viewport: str
) -> None:
    page = browser.new_page(viewport=VIEWPORTS[viewport])
    page.goto(site_url + "decision-table/")
    fits = page.evaluate(
        """() => {
          const content = document.querySelector('.md-content__inner').getBoundingClientRect();
          const tables = [...document.querySelectorAll('.cc-decision-table table')];
          const cells = tables.flatMap((t) => [...t.querySelectorAll('td')]);
          const outside = cells.filter((c) => {
            const r = c.getBoundingClientRect();
            return r.width > 0 && (r.left < content.left - 1 || r.right > content.right + 1);
          });
          const wraps = document.querySelectorAll('.cc-decision-table .md-typeset__scrollwrap');
          const scrolling = [...wraps].filter((w) => w.scrollWidth > w.clientWidth + 1);
          return {tables: tables.length, cells: cells.length, outside: outside.length,
                  scrolling: scrolling.length,
                  page: document.documentElement.scrollWidth > innerWidth + 1};
        }"""
    )
    assert fits["tables"] > 5 and fits["cells"] > 100
    assert (fits["outside"], fits["scrolling"], fits["page"]) == (0, 0, False)
    # Labels, not keys; the first table is the article's 18 cases, each opening the checker.
    first = page.locator(".cc-decision-table table").first
    assert "exchange-2010-or-later" not in first.inner_text()
    expect(first.locator("a[title='Open in the checker']")).to_have_count(18)
    page.close()


def test_article_tables_on_a_phone_say_they_scroll_and_keep_from_and_to_apart(
    browser: Browser, site_url: str
) -> None:
    page = browser.new_page(viewport=VIEWPORTS["phone"])
    page.goto(site_url + ARTICLE_URL)
    hints = page.locator(".docfx-scroll-hint")
    expect(hints.first).to_be_visible()
    assert "scroll it sideways" in hints.first.inner_text()
    # The exported cell "... From: Your organization's email server          To: Office 365"
    # keeps its lines: "To:" starts a line of its own.
    cell = page.locator("article table").first.locator("td", has_text="Connector for incoming")
    html = cell.first.inner_html()
    assert "<br>To: Office 365" in html.replace("\n", "")
    page.close()


def test_external_links_in_a_result_are_marked(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(f"{site_url}checker/?service=eop&servers=other-smtp&partners=no")
    verdict_of(page)
    external = page.locator(".cc-result a.cc-external")
    assert external.count() > 0
    for i in range(external.count()):
        link = external.nth(i)
        assert (link.get_attribute("href") or "").startswith("https://")
        assert link.locator(".cc-external-mark").inner_text().strip() == "↗"
    page.close()
