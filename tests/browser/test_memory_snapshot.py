"""The opt-in fast start (connector-checker `memory_snapshot: true`) in Chromium: the worker
restores Python's memory with the engine imported, and answers as the engine does."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from ..conftest import ROOT, config_for_port, free_loopback_port, run_mkdocs_build
from .conftest import ARTICLE_URL, Traffic, serve_directory
from .test_checker import SHARED_ANSWERS, expected_verdict, verdict_of


@pytest.fixture(scope="module")
def snapshot_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("snapshot-site")
    port = free_loopback_port()
    config = config_for_port(tmp_path_factory.mktemp("snapshot-config"), port)
    os.environ["CHECKER_MEMORY_SNAPSHOT"] = "true"  # mkdocs.yml reads it with !ENV
    try:
        result = run_mkdocs_build(ROOT, site, "--strict", "-f", str(config))
    finally:
        del os.environ["CHECKER_MEMORY_SNAPSHOT"]
    assert result.returncode == 0, result.stdout + result.stderr
    assert list(Path(site).glob("assets/pyodide/*/engine-*.snapshot"))
    with serve_directory(site, port) as url:
        yield url


def watched_page(browser: Browser, origin: str) -> tuple[Page, Traffic]:
    context = browser.new_context()
    traffic = Traffic(origin.rstrip("/"))
    context.on("request", lambda request: traffic.requests.append(request.url))
    page = context.new_page()
    page.on("console", lambda m: m.type in ("error", "warning") and traffic.errors.append(m.text))
    page.on("pageerror", lambda e: traffic.errors.append(str(e)))
    return page, traffic


@pytest.mark.parametrize("answers", SHARED_ANSWERS, ids=lambda a: "-".join(a.values()))
def test_shared_urls_answer_from_the_snapshot(
    browser: Browser, snapshot_site_url: str, answers: dict[str, str]
) -> None:
    page, traffic = watched_page(browser, snapshot_site_url)
    page.goto(f"{snapshot_site_url}checker/?{urlencode(answers)}")
    assert verdict_of(page) == expected_verdict(answers)
    stages = page.evaluate("window.__connectorChecker.bootStages")
    assert "snapshot" in stages and "loadPyodide" not in stages  # restored, not started
    assert any(url.endswith(".snapshot") for url in traffic.requests)
    assert not any(url.endswith(".whl") for url in traffic.requests)
    assert traffic.outside() == []
    assert traffic.errors == []
    page.context.close()


def test_answer_changes_after_a_snapshot_start(browser: Browser, snapshot_site_url: str) -> None:
    page, traffic = watched_page(browser, snapshot_site_url)
    hybrid_done = SHARED_ANSWERS[3]  # the wizard made the connectors: not needed
    page.goto(f"{snapshot_site_url}{ARTICLE_URL}?{urlencode(hybrid_done)}")
    assert verdict_of(page) == expected_verdict(hybrid_done) == "not-needed"
    page.locator("[data-question=hybrid] input[value=no]").check()
    expected = expected_verdict({**hybrid_done, "hybrid": "no"})
    assert expected != "not-needed"
    expect(page.locator(".cc-result").first).to_have_attribute("data-verdict", expected)
    assert traffic.errors == []
    page.context.close()


def broken_snapshot(kind: str) -> Callable[[Route], None]:
    def serve(route: Route) -> None:
        if kind == "missing":
            route.fulfill(status=404, body="not found")
        else:  # bytes that are no memory snapshot
            route.fulfill(status=200, body=bytes(range(256)) * 1024,
                          content_type="application/octet-stream")
    return serve


@pytest.mark.parametrize("kind", ["missing", "garbage"])
def test_a_snapshot_that_cannot_be_restored_falls_back_to_a_normal_start(
    browser: Browser, snapshot_site_url: str, kind: str
) -> None:
    """The worker warns and starts Python the ordinary way. (The garbage is 256 KB: with
    31 MB of it routed through Playwright the checker timed out here, though Pyodide in Node
    rejects such bytes at once: "Snapshot has invalid magic number".)"""
    page, traffic = watched_page(browser, snapshot_site_url)
    page.context.route("**/*.snapshot", broken_snapshot(kind))  # the worker's fetch
    answers = SHARED_ANSWERS[0]
    page.goto(f"{snapshot_site_url}checker/?{urlencode(answers)}")
    assert verdict_of(page) == expected_verdict(answers)
    stages = page.evaluate("window.__connectorChecker.bootStages")
    assert "loadPyodide" in stages and "snapshot" not in stages  # started, not restored
    assert any(url.endswith(".whl") for url in traffic.requests)  # the engine's own wheel
    reason = "404 for" if kind == "missing" else "Snapshot has invalid magic number"
    warnings = [e for e in traffic.errors
                if e.startswith("connector checker: memory snapshot not used") and reason in e]
    assert len(warnings) == 1, traffic.errors
    others = [e for e in traffic.errors if e not in warnings]
    # a missing one may also surface as the worker's uncaught "404 for <snapshot URL>"
    # (when depends on the machine's load: it can come after the verdict); nothing else
    assert {e.split(" for ")[0] for e in others} <= (set() if kind == "garbage" else {"404"})
    page.context.close()


def test_a_plan_after_a_snapshot_start(browser: Browser, snapshot_site_url: str) -> None:
    """The snapshot holds the engine without its plan: the plan's modules and recipes come
    in their own archive, unpacked beside a package imported from the snapshot."""
    page, traffic = watched_page(browser, snapshot_site_url)
    page.goto(f"{snapshot_site_url}checker/?service=exchange-online&servers=other-smtp"
              "&partners=no#domains=contoso.com&server_ips=203.0.113.10"
              "&smart_hosts=mail.contoso.com")
    assert verdict_of(page) == "required"
    expect(page.locator(".cc-plan-script")).to_contain_text("-SenderIPAddresses '203.0.113.10'")
    assert "snapshot" in page.evaluate("window.__connectorChecker.bootStages")
    assert len([url for url in traffic.requests if "python_stdlib_plan" in url]) == 1
    assert traffic.outside() == []
    assert traffic.errors == []
    page.context.close()
