"""The checker where it cannot run: a server that sends Pyodide's .wasm with the wrong type,
a browser without WebAssembly, an engine wheel that is not the one the page was built with.
The reader gets the reason and the links to the same answers (the article's two tables,
the full decision table) instead of a form that never answers."""

from __future__ import annotations

import json
from urllib.parse import urlencode, urlsplit

from playwright.sync_api import BrowserContext, Page, Route, expect

from .conftest import ARTICLE_URL, Traffic
from .test_checker import SHARED_ANSWERS

FALLBACK_LINKS = [
    f"{ARTICLE_URL}#NeedConnector1",
    f"{ARTICLE_URL}#WhatifIhave1",
    "decision-table/",
]


def fallback_shown(page: Page, site_url: str, reason: str) -> None:
    """The checker's fallback: its title, `reason`, the three links, no verdict."""
    fallback = page.locator(".cc-result .cc-fallback")
    fallback.wait_for(timeout=30_000)
    expect(fallback.locator(".admonition-title")).to_have_text("The checker cannot run here")
    expect(fallback).to_contain_text(reason)
    hrefs = [urlsplit(str(a.evaluate("a => a.href")))._replace(query="").geturl()
             for a in fallback.locator("a").all()]  # (on the article: its own query kept)
    assert hrefs == [site_url + link for link in FALLBACK_LINKS]
    assert page.locator(".cc-result").get_attribute("data-verdict") == ""


def test_wasm_served_as_text_shows_the_fallback(
    site_url: str, watched: tuple[BrowserContext, Traffic]
) -> None:
    """A server without the application/wasm type: Pyodide's start never ends; the
    checker's boot timeout (shortened here to 10 s; a boot takes 1-3 s) must catch it."""
    context, traffic = watched
    served_as_text = []

    def shorten_timeout(route: Route) -> None:
        spec = json.loads(route.fetch().text())
        spec["bootTimeoutSeconds"] = 10
        route.fulfill(json=spec)

    def wasm_as_text(route: Route) -> None:
        served_as_text.append(route.request.url)
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers,
                                                  "content-type": "text/plain"})

    context.route("**/checker.json", shorten_timeout)
    context.route("**/*.wasm", wasm_as_text)  # fetched by the worker: a context route
    page = context.new_page()
    page.goto(f"{site_url}checker/?{urlencode(SHARED_ANSWERS[0])}")
    fallback_shown(page, site_url, "may not serve .wasm files as application/wasm")
    assert [url.rsplit("/", 1)[1] for url in served_as_text] == ["pyodide.asm.wasm"]
    assert traffic.outside() == []


def test_a_browser_without_webassembly_gets_the_fallback_at_once(
    site_url: str, watched: tuple[BrowserContext, Traffic]
) -> None:
    context, traffic = watched
    context.add_init_script("delete globalThis.WebAssembly;")
    page = context.new_page()
    page.goto(f"{site_url}{ARTICLE_URL}?{urlencode(SHARED_ANSWERS[0])}")
    reason = "This browser cannot run the checker (it needs WebAssembly and Web Workers)."
    fallback_shown(page, site_url, reason)
    # no worker was started, nothing of Pyodide downloaded
    assert not [url for url in traffic.requests if "engine-worker" in url or "pyodide" in url]
    assert traffic.outside() == []
    assert traffic.errors == []


def test_an_engine_wheel_that_is_not_the_built_one_is_not_run(
    site_url: str, watched: tuple[BrowserContext, Traffic]
) -> None:
    """The page carries the wheel's SHA-256 (Subresource Integrity): a changed wheel (a
    stale cache, a tampering proxy) is refused by fetch() and never unpacked or run."""
    context, traffic = watched
    changed = []

    def one_byte_changed(route: Route) -> None:
        body = bytearray(route.fetch().body())
        body[-1] ^= 0xFF  # the end of the zip's directory record: still a valid download
        changed.append(route.request.url)
        route.fulfill(body=bytes(body), content_type="application/octet-stream")

    context.route("**/connector_engine-*.whl", one_byte_changed)
    page = context.new_page()
    page.goto(f"{site_url}checker/?{urlencode(SHARED_ANSWERS[0])}")
    fallback_shown(page, site_url, "or it is not the file this page was built with")
    assert len(changed) == 1
    assert traffic.outside() == []
