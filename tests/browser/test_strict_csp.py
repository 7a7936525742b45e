"""The unpacked intranet archive under /docs/exchange/, served by nginx with its sample
configuration and strict CSP: no violation, the checker works."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from ..conftest import Build
from .conftest import (
    ARTICLE_URL,
    Traffic,
    assert_hit_is_the_article,
    first_search_hit,
    page_urls,
)

CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; "
    "style-src 'self'; img-src 'self' data:"
)
SUBPATH = "/docs/exchange/"
# Records every CSP violation the page reports.
WATCH_CSP = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI || "inline"} ${e.sourceFile}`));
"""


@pytest.fixture
def nginx_url(archive_server: str) -> str:
    """The unpacked intranet archive, served by nginx with its own sample configuration."""
    return archive_server


@pytest.fixture
def csp_watched(
    watched: tuple[BrowserContext, Traffic], nginx_url: str
) -> tuple[BrowserContext, Traffic]:
    context, traffic = watched
    traffic.origin = nginx_url.split(SUBPATH)[0]
    context.add_init_script(WATCH_CSP)
    return context, traffic


def test_pages_under_a_subpath_raise_no_csp_violation(
    built_site: Build, nginx_url: str, csp_watched: tuple[BrowserContext, Traffic]
) -> None:
    context, traffic = csp_watched
    page = context.new_page()
    urls = page_urls(built_site)
    for url in urls:
        response = page.goto(nginx_url + url.lstrip("/"), wait_until="networkidle")
        assert response is not None and response.ok, url
        assert response.headers["content-security-policy"] == CSP
        assert page.evaluate("window.__violations") == [], url
    assert len(urls) >= 4
    assert traffic.outside() == []


def open_article_at_a_required_verdict(context: BrowserContext, nginx_url: str) -> Page:
    """The article at a shared URL whose answers need connectors, once it has answered."""
    page = context.new_page()
    page.goto(f"{nginx_url}{ARTICLE_URL}?service=eop&servers=other-smtp&partners=no")
    page.locator(".cc-result[data-verdict='required']").wait_for(timeout=60_000)
    return page


def test_checker_answers_a_shared_url_under_the_strict_csp(
    nginx_url: str, csp_watched: tuple[BrowserContext, Traffic]
) -> None:
    context, traffic = csp_watched
    page = open_article_at_a_required_verdict(context, nginx_url)
    assert page.evaluate("window.__violations") == []
    assert traffic.outside() == []
    assert traffic.errors == []


def test_instant_navigation_works_on_another_port_under_a_subpath(
    nginx_url: str, csp_watched: tuple[BrowserContext, Traffic]
) -> None:
    # The site was built for another port and the root path: with no absolute URL to
    # itself, Material still takes over links, so the checker's worker is kept.
    context, traffic = csp_watched
    page = open_article_at_a_required_verdict(context, nginx_url)
    page.evaluate("window.__samePage = true")
    page.locator("a[href$='checker/']").first.click()
    page.wait_for_url("**/docs/exchange/checker/")
    page.locator("[data-connector-checker] .cc-form").wait_for()
    assert page.evaluate("window.__samePage === true")  # no full page load
    assert page.evaluate("window.__connectorChecker.boots") == 1
    assert page.evaluate("window.__violations") == []
    assert traffic.outside() == []


def test_search_finds_the_article_under_the_strict_csp(
    nginx_url: str, csp_watched: tuple[BrowserContext, Traffic]
) -> None:
    context, traffic = csp_watched
    page = context.new_page()
    page.goto(nginx_url, wait_until="networkidle")
    assert_hit_is_the_article(first_search_hit(page, "hybrid"))
    assert page.evaluate("window.__violations") == []
    assert traffic.outside() == []


def test_the_plan_works_under_the_strict_csp(
    nginx_url: str, csp_watched: tuple[BrowserContext, Traffic]
) -> None:
    """Fields, the fragment, the script and its download, on the archive's nginx and CSP."""
    context, traffic = csp_watched
    page = context.new_page()
    page.goto(f"{nginx_url}checker/?service=eop&servers=other-smtp&partners=no"
              "#domains=contoso.com&server_cert=mail.contoso.com")
    page.locator(".cc-plan-script").wait_for(timeout=60_000)
    page.locator(".cc-plan-field input[name=smart_hosts]").fill("mail.contoso.com")
    script = page.locator(".cc-plan-script")
    expect(script).to_contain_text("-SmartHosts 'mail.contoso.com'")  # (no eval under the CSP)
    assert "-TlsSenderCertificateName 'mail.contoso.com'" in script.inner_text()
    assert "smart_hosts=mail.contoso.com" in page.url.split("#", 1)[1]
    with page.expect_download() as download_info:
        page.locator(".cc-plan-download").click()
    path = download_info.value.path()
    assert path is not None and "New-OutboundConnector" in path.read_text("utf-8")
    assert page.evaluate("window.__violations") == []
    assert not [url for url in traffic.requests if "contoso" in url]
    assert traffic.outside() == []
