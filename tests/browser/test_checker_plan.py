"""'Make it your plan' in Debian's Chromium: the fields the result needs, checked as the
reader types, the plan and script, download and copy — and no value ever in a request."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from playwright.sync_api import Browser, BrowserContext, expect

from engine import decide, load_packaged_model
from engine.plan import load_packaged_plan, make_plan

from .conftest import Traffic
from .test_checker import verdict_of
from .test_checker_as_seen import intranet  # noqa: F401  (fixture)

ANSWERS = {"service": "exchange-online", "servers": "other-smtp", "partners": "no"}
QUERY = "service=exchange-online&servers=other-smtp&partners=no"


def open_plan(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}checker/?{QUERY}")
    verdict_of(page)
    page.locator("details.cc-plan summary").click()
    page.locator(".cc-plan-field input").first.wait_for(timeout=30_000)


def test_the_plan_takes_values_and_keeps_them_out_of_every_request(
    site_url: str, watched: tuple[BrowserContext, Traffic]
) -> None:
    context, traffic = watched
    page = context.new_page()
    open_plan(page, site_url)
    names = page.locator(".cc-plan-field input").evaluate_all("inputs => inputs.map(i => i.name)")
    assert names == ["server_cert", "server_ips", "domains", "smart_hosts"]
    for key, value in (("domains", "contoso.com"), ("server_cert", "mail.contoso.com"),
                       ("smart_hosts", "mail.contoso.com")):
        field = page.locator(f".cc-plan-field input[name={key}]")
        field.fill(value)
        expect(page.locator(f".cc-plan-field input[name={key}]")).to_have_value(value)
    script = page.locator(".cc-plan-script")
    expect(script).to_contain_text("New-OutboundConnector -Name 'Connector to your email servers'")
    expected = make_plan(load_packaged_plan(), decide(load_packaged_model(), ANSWERS), {
        "domains": "contoso.com", "server_cert": "mail.contoso.com",
        "smart_hosts": "mail.contoso.com"})
    assert script.inner_text().strip() == expected["script"].strip()
    # The values are in the fragment, not the query; no request carries them.
    url = urlsplit(page.url)
    assert dict(parse_qsl(url.query)) == ANSWERS
    assert dict(parse_qsl(url.fragment))["domains"] == "contoso.com"
    assert not [r for r in traffic.requests if "contoso" in r]
    assert traffic.errors == []


def test_a_bad_value_is_refused_at_its_field(
    site_url: str, watched: tuple[BrowserContext, Traffic]
) -> None:
    context, traffic = watched
    page = context.new_page()
    open_plan(page, site_url)
    page.locator(".cc-plan-field input[name=server_ips]").fill("10.0.0.0/8")
    field = page.locator(".cc-plan-field input[name=server_ips]")
    expect(field).to_have_attribute("aria-invalid", "true")
    error = page.locator(".cc-plan-error")
    expect(error).to_contain_text("server_ips='10.0.0.0/8'")
    expect(error).to_contain_text("wider than /24")
    expect(page.locator(".cc-plan-script")).to_have_count(0)  # nothing written from it
    assert traffic.errors == []


def test_a_shared_plan_link_opens_the_plan_and_downloads_the_script(
    site_url: str, watched: tuple[BrowserContext, Traffic]
) -> None:
    context, _ = watched
    page = context.new_page()
    page.goto(f"{site_url}checker/?{QUERY}#domains=contoso.com&server_ips=203.0.113.10"
              "&smart_hosts=mail.contoso.com")
    verdict_of(page)
    expect(page.locator(".cc-plan-script")).to_contain_text("-SenderIPAddresses '203.0.113.10'")
    with page.expect_download() as download_info:
        page.locator(".cc-plan-download").click()
    download = download_info.value
    assert download.suggested_filename == "connector-plan.ps1"
    saved = download.path()
    assert saved is not None
    assert saved.read_text("utf-8") == page.locator(".cc-plan-script").inner_text() + "\n"


def test_copying_the_script_on_a_plain_http_intranet_selects_it(
    intranet: tuple[Browser, str],  # noqa: F811
) -> None:
    browser, url = intranet
    page = browser.new_page()
    page.goto(f"{url}checker/?{QUERY}#domains=contoso.com&server_ips=203.0.113.10")
    verdict_of(page)
    page.locator(".cc-plan-copy").click()
    selected = page.evaluate("window.getSelection().toString()")
    assert "New-InboundConnector" in selected
    assert "not on HTTPS" in page.locator(".cc-plan-copy-note").inner_text()
    page.close()


def test_an_international_domain_becomes_its_a_label_in_the_browser(
    site_url: str, watched: tuple[BrowserContext, Traffic]
) -> None:
    """The idna codec and ipaddress come in the plan's own stdlib archive, fetched with
    the first plan: they must be there and work."""
    context, traffic = watched
    page = context.new_page()
    page.goto(f"{site_url}checker/?{QUERY}#domains=b%C3%BCcher.example&server_ips=203.0.113.10"
              "&smart_hosts=mail.contoso.com")
    verdict_of(page)
    script = page.locator(".cc-plan-script")
    expect(script).to_contain_text("-RecipientDomains 'xn--bcher-kva.example'")
    plan_archives = [url for url in traffic.requests if "python_stdlib_plan" in url]
    assert len(plan_archives) == 1
    assert traffic.errors == []


def test_the_first_verdict_does_not_fetch_the_plans_modules(
    site_url: str, watched: tuple[BrowserContext, Traffic]
) -> None:
    context, traffic = watched
    page = context.new_page()
    page.goto(f"{site_url}checker/?{QUERY}")
    verdict_of(page)
    assert not [url for url in traffic.requests if "python_stdlib_plan" in url]
    assert not [url for url in traffic.requests if url.endswith("plan-view.js")]
