"""The connector checker in Debian's Chromium: real Pyodide, the real engine wheel."""

from __future__ import annotations

import json
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, Route, expect

from engine import decide, load_packaged_model

from ..conftest import ROOT
from .conftest import ARTICLE_URL, Traffic

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BOOT_TIMEOUT_MS = 60_000
# One shared URL per verdict (what CPython's engine answers is the expected value).
SHARED_ANSWERS = [
    {"service": "eop", "servers": "other-smtp", "partners": "no"},
    {"service": "exchange-online", "servers": "none", "devices": "yes", "partners": "no"},
    {"service": "exchange-online", "servers": "none", "devices": "no", "partners": "no"},
    {"service": "exchange-online", "servers": "exchange-2010-or-later", "hybrid": "yes",
     "partners": "no"},
]


def expected_verdict(answers: dict[str, str]) -> str:
    return str(decide(load_packaged_model(), answers)["verdict"])


def test_shared_answers_cover_every_verdict() -> None:
    verdicts = {expected_verdict(a) for a in SHARED_ANSWERS}
    assert verdicts == {"required", "optional", "not-needed"}


def verdict_of(page: Page) -> str:
    result = page.locator(".cc-result[data-verdict]:not([data-verdict=''])").first
    result.wait_for(timeout=BOOT_TIMEOUT_MS)
    return str(result.get_attribute("data-verdict"))


@pytest.mark.parametrize("answers", SHARED_ANSWERS, ids=lambda a: "-".join(a.values()))
@pytest.mark.parametrize("where", ["checker/", ARTICLE_URL])
def test_shared_url_shows_the_verdict_with_no_clicks(
    site_url: str, watched: tuple[BrowserContext, Traffic], answers: dict[str, str], where: str
) -> None:
    context, traffic = watched
    page = context.new_page()
    page.goto(f"{site_url}{where}?{urlencode(answers)}")
    assert verdict_of(page) == expected_verdict(answers)
    assert page.locator(".cc-connector").count() == len(
        decide(load_packaged_model(), answers)["connectors"]
    )
    assert page.locator(".cc-diagram svg[role=img]").count() == 1
    assert traffic.outside() == []
    assert traffic.errors == []


def test_clicking_through_the_form_changes_result_and_url(
    site_url: str, watched: tuple[BrowserContext, Traffic]
) -> None:
    context, traffic = watched
    page = context.new_page()
    page.goto(site_url + "checker/")
    page.get_by_label("Exchange Online (mailboxes in Microsoft 365 / Office 365)").check()
    expect(page.locator("[data-question=devices]")).to_be_hidden()
    page.get_by_label("None — all our mailboxes are in Exchange Online").check()
    expect(page.locator("[data-question=devices]")).to_be_visible()
    expect(page.locator("[data-question=hybrid]")).to_be_hidden()
    page.locator("[data-question=devices] input[value=yes]").check()
    page.locator("[data-question=partners] input[value=no]").check()
    assert verdict_of(page) == "optional"
    query = dict(parse_qsl(urlsplit(page.url).query))
    assert query == {"service": "exchange-online", "servers": "none", "devices": "yes",
                     "partners": "no"}
    page.locator("[data-question=partners] input[value=yes]").check()
    page.locator("[data-question=devices] input[value=no]").check()
    expect(page.locator(".cc-result")).to_have_attribute("data-verdict", "optional")
    expect(page.locator(".cc-connector")).to_have_count(2)
    page.locator("[data-question=service] input[value=eop]").check()
    # Standalone EOP protects servers of your own: "none" is refused, with the reason, in
    # the options' labels; the refused option is marked, not locked, and one click on an
    # accepted answer fixes it.
    error = page.locator(".cc-result .cc-error")
    expect(error).to_contain_text('"None — all our mailboxes are in Exchange Online" cannot go')
    assert "servers=" not in error.inner_text()
    refused = page.locator("[data-question=servers] input[value=none]")
    expect(refused).to_be_enabled()
    expect(refused).to_have_attribute("aria-invalid", "true")
    fixes = page.locator(".cc-result .cc-fixes button")
    assert fixes.all_inner_texts() == [
        "Exchange Server 2010 or later (2010, 2013, 2016, 2019, Subscription Edition)",
        "Exchange Server 2007 or earlier",
        "Another SMTP mail server (not Microsoft Exchange)",
    ]
    fixes.nth(1).click()
    expect(page.locator(".cc-result")).to_have_attribute("data-verdict", "required")
    expect(page.get_by_label("Exchange Server 2007 or earlier")).to_be_checked()
    expect(refused).to_have_attribute("aria-invalid", "false")
    assert traffic.errors == []


def test_back_undoes_the_last_answer(
    site_url: str, watched: tuple[BrowserContext, Traffic]
) -> None:
    context, traffic = watched
    page = context.new_page()
    page.goto(f"{site_url}checker/?service=exchange-online&servers=none&devices=no")
    page.locator("[data-question=partners] input[value=no]").check()
    assert verdict_of(page) == "not-needed"
    page.locator("[data-question=partners] input[value=yes]").check()
    expect(page.locator(".cc-result")).to_have_attribute("data-verdict", "optional")
    page.go_back()
    expect(page.locator(".cc-result")).to_have_attribute("data-verdict", "not-needed")
    expect(page.locator("[data-question=partners] input[value=no]")).to_be_checked()
    page.go_back()  # before partners was answered: one question left, no verdict
    expect(page.locator(".cc-result")).to_have_attribute("data-verdict", "")
    expect(page.locator("[data-question=partners] input[value=no]")).not_to_be_checked()
    assert urlsplit(page.url).path.endswith("/checker/")
    page.go_forward()
    expect(page.locator(".cc-result")).to_have_attribute("data-verdict", "not-needed")
    assert traffic.errors == []


def test_instant_navigation_does_not_boot_pyodide_twice(
    site_url: str, watched: tuple[BrowserContext, Traffic]
) -> None:
    context, traffic = watched
    page = context.new_page()
    answers = urlencode(SHARED_ANSWERS[0])
    page.goto(f"{site_url}{ARTICLE_URL}?{answers}")
    assert verdict_of(page) == "required"
    page.locator("a[href$='checker/']").first.click()
    page.wait_for_url("**/checker/")
    page.get_by_label("Exchange Online (mailboxes in Microsoft 365 / Office 365)").check()
    page.get_by_label("Another SMTP mail server (not Microsoft Exchange)").check()
    page.locator("[data-question=partners] input[value=yes]").check()
    assert verdict_of(page) == "required"
    for _ in range(3):  # Back undoes the three answers given here...
        page.go_back()
    page.go_back()  # ...then leaves the checker
    page.wait_for_url(f"**/{ARTICLE_URL}*")
    page.locator("[data-connector-checker] .cc-form").wait_for()
    assert page.evaluate("window.__connectorChecker.boots") == 1
    wasm = [url for url in traffic.requests if url.endswith(".wasm")]
    assert len(wasm) == 1
    assert traffic.errors == []


@pytest.mark.parametrize("where", ["checker/", ARTICLE_URL])
def test_axe_finds_no_serious_violations(
    site_url: str, watched: tuple[BrowserContext, Traffic], where: str
) -> None:
    context, _ = watched
    page = context.new_page()
    page.goto(f"{site_url}{where}?{urlencode(SHARED_ANSWERS[1])}")
    verdict_of(page)
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("async () => (await axe.run(document)).violations")
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], "\n".join(serious)


def test_when_wasm_is_blocked_the_checker_says_so_and_the_page_works(
    site_url: str, watched: tuple[BrowserContext, Traffic]
) -> None:
    """A CSP without 'wasm-unsafe-eval' makes loadPyodide hang: the timeout must catch it."""
    context, traffic = watched

    def shorten_timeout(route: Route) -> None:
        spec = json.loads(route.fetch().text())
        spec["bootTimeoutSeconds"] = 3
        route.fulfill(json=spec)

    def forbid_wasm(route: Route) -> None:
        response = route.fetch()
        headers = {**response.headers,
                   "content-security-policy": "default-src 'self'; script-src 'self'"}
        route.fulfill(response=response, headers=headers)

    page = context.new_page()
    page.route("**/checker.json", shorten_timeout)
    page.route("**/engine-worker.js", forbid_wasm)
    page.goto(f"{site_url}checker/?{urlencode(SHARED_ANSWERS[0])}")
    fallback = page.locator(".cc-fallback")
    fallback.wait_for(timeout=30_000)
    assert "cannot run here" in fallback.inner_text()
    links = fallback.locator("a")
    assert links.count() == 3
    assert any("decision-table/" in (links.nth(i).get_attribute("href") or "")
               for i in range(3))
    assert page.locator(".cc-result").get_attribute("data-verdict") == ""
    page.locator("a", has_text="Full decision table").first.click()
    page.wait_for_url("**/decision-table/")
    cases = page.locator("article table").first.locator("a[title='Open in the checker']")
    expect(cases).to_have_count(18)
    assert traffic.outside() == []


def test_keyboard_alone_answers_and_the_result_is_announced(
    site_url: str, watched: tuple[BrowserContext, Traffic]
) -> None:
    context, traffic = watched
    page = context.new_page()
    page.goto(site_url + "checker/")
    page.locator("[data-question=service] input").first.focus()
    page.keyboard.press("Space")  # Exchange Online
    page.keyboard.press("Tab")  # next group: servers, first option (none)
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # devices
    page.keyboard.press("ArrowDown")  # devices = no
    # mx, outbound, add_on have defaults: Tab passes them without answering.
    for _ in range(3):
        page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # partners
    page.keyboard.press("ArrowDown")  # partners = no
    assert verdict_of(page) == "not-needed"
    # The defaults the engine took are said, with their labels.
    assumed = page.locator(".cc-assumed-note li")
    assert assumed.count() == 3
    assert "Microsoft 365 sends it directly" in assumed.nth(1).inner_text()
    result = page.locator(".cc-result")
    assert result.get_attribute("aria-live") == "polite"
    assert dict(parse_qsl(urlsplit(page.url).query)) == {
        "service": "exchange-online", "servers": "none", "devices": "no", "partners": "no"}
    assert traffic.errors == []


def test_the_form_can_be_filled_before_pyodide_is_ready(
    site_url: str, watched: tuple[BrowserContext, Traffic]
) -> None:
    """The worker's "ready" is held back 3 s: answers are taken, progress shows, then
    the verdict."""
    context, traffic = watched
    hold_ready = (
        "const postNow = self.postMessage.bind(self);\n"
        "self.postMessage = (m) => m.type === 'ready' ? setTimeout(() => postNow(m), 3000) "
        ": postNow(m);\n"
    )

    def slow_worker(route: Route) -> None:
        route.fulfill(body=hold_ready + route.fetch().text(), content_type="text/javascript")

    context.route("**/engine-worker.js", slow_worker)  # (a worker's own fetch: context)
    page = context.new_page()
    page.goto(site_url + "checker/")
    page.locator("[data-question=service] input[value=eop]").check()
    page.locator("[data-question=servers] input[value=other-smtp]").check()
    page.locator("[data-question=partners] input[value=no]").check()
    status = page.locator(".cc-status")
    assert status.inner_text().strip() != ""
    # While Python starts, the status says so (a boot stage), not "Working out the answer".
    page.wait_for_timeout(500)
    assert status.inner_text().strip().endswith("…")
    assert "Working out the answer" not in status.inner_text()
    assert page.locator(".cc-result").get_attribute("data-verdict") == ""
    assert verdict_of(page) == "required"
    assert status.inner_text().strip() == ""
    assert traffic.errors == []
