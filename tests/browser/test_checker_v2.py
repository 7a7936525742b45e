"""The second contract's questions in Debian's Chromium: shared URLs, relevance, defaults.

Expected values come from CPython's engine (the same wheel answers in the page).
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from playwright.sync_api import BrowserContext, expect

from engine import decide, load_packaged_model

from .conftest import ARTICLE_URL, Traffic
from .test_checker import verdict_of

V2_SHARED = [
    {"service": "exchange-online", "servers": "none", "devices": "no", "mx": "filtering-service",
     "partners": "no"},
    {"service": "exchange-online", "servers": "none", "devices": "yes",
     "device_method": "smtp-relay", "partners": "no"},
    {"service": "neither", "servers": "other-smtp"},
    {"service": "exchange-online", "servers": "exchange-2010-or-later", "hybrid": "yes",
     "hybrid_connectors": "missing", "outbound": "via-your-servers", "add_on": "yes",
     "partners": "no"},
]


@pytest.mark.parametrize("answers", V2_SHARED, ids=lambda a: "-".join(a.values()))
@pytest.mark.parametrize("where", ["checker/", ARTICLE_URL])
def test_shared_url_with_new_keys_shows_the_engines_result(
    site_url: str, watched: tuple[BrowserContext, Traffic], answers: dict[str, str], where: str
) -> None:
    context, traffic = watched
    expected = decide(load_packaged_model(), answers)
    page = context.new_page()
    page.goto(f"{site_url}{where}?{urlencode(answers)}")
    assert verdict_of(page) == expected["verdict"]
    result = page.locator(".cc-result").first
    expect(result.locator(".cc-verdict")).to_have_text(expected["headline"])
    names = result.locator(".cc-connector strong").all_inner_texts()
    assert names == [c["name"] for c in expected["connectors"]]
    # The diagram draws every line and box the engine listed, and says so in words.
    svg = result.locator(".cc-diagram svg")
    assert svg.locator(".cc-d-link").count() == len(expected["diagram"]["edges"])
    assert svg.locator(".cc-d-node").count() == len(expected["diagram"]["nodes"])
    assert svg.locator("desc").text_content() == expected["diagram"]["summary"]
    assert traffic.outside() == []
    assert traffic.errors == []


def test_a_question_appears_and_disappears_with_relevance(
    site_url: str, watched: tuple[BrowserContext, Traffic]
) -> None:
    context, traffic = watched
    page = context.new_page()
    page.goto(f"{site_url}checker/?service=exchange-online&servers=none&partners=no")
    method = page.locator("[data-question=device_method]")
    expect(method).to_be_hidden()
    page.locator("[data-question=devices] label", has_text="Yes").click()
    expect(method).to_be_visible()
    assert verdict_of(page) == "optional"  # device_method assumed: not sure
    page.locator("[data-question=device_method] label", has_text="SMTP relay").click()
    expect(page.locator(".cc-result")).to_have_attribute("data-verdict", "required")
    page.locator("[data-question=devices] label", has_text="No").click()
    expect(method).to_be_hidden()
    expect(page.locator(".cc-result")).to_have_attribute("data-verdict", "not-needed")
    # The answer to a question no longer asked leaves the shared URL.
    assert "device_method" not in dict(parse_qsl(urlsplit(page.url).query))
    # Standalone EOP: the Exchange Online-only questions go away.
    page.locator("[data-question=service] label", has_text="Standalone").click()
    for key in ("outbound", "add_on", "devices"):
        expect(page.locator(f"[data-question={key}]")).to_be_hidden()
    expect(page.locator("[data-question=mx]")).to_be_visible()
    assert traffic.errors == []


def test_assumed_answers_are_shown_and_can_be_changed(
    site_url: str, watched: tuple[BrowserContext, Traffic]
) -> None:
    context, traffic = watched
    page = context.new_page()
    page.goto(f"{site_url}checker/?service=eop&servers=other-smtp&partners=no")
    assert verdict_of(page) == "required"
    notes = page.locator(".cc-assumed-note li")
    expect(notes).to_have_count(1)
    expect(notes.first).to_contain_text("To Microsoft 365")
    notes.first.locator("button", has_text="Change").click()
    focused = page.evaluate("document.activeElement.closest('[data-question]').dataset.question")
    assert focused == "mx"
    page.locator("[data-question=mx] label", has_text="mail servers we run").click()
    expect(page.locator(".cc-assumed-note")).to_have_count(0)
    assert dict(parse_qsl(urlsplit(page.url).query))["mx"] == "your-servers"
    expected = decide(load_packaged_model(), dict(parse_qsl(urlsplit(page.url).query)))
    expect(page.locator(".cc-result .cc-verdict")).to_have_text(expected["headline"])
    assert traffic.errors == []


def test_the_page_shows_exactly_the_questions_the_engine_asks(
    site_url: str, watched: tuple[BrowserContext, Traffic]
) -> None:
    """The form evaluates relevance from the engine's exported conditions (so it works before
    Python starts): on every 24th reachable answer set it must show exactly the questions
    the engine asked (answered or assumed)."""
    from engine import reachable_answer_sets

    context, traffic = watched
    page = context.new_page()
    model = load_packaged_model()
    cases = reachable_answer_sets(model)[::24]
    assert len(cases) > 15
    for answers in cases:
        page.goto(f"{site_url}checker/?{urlencode(answers)}")
        verdict_of(page)
        shown = page.locator("[data-question]:visible").evaluate_all(
            "sets => sets.map(s => s.dataset.question)"
        )
        assert shown == list(decide(model, answers)["answers"]), answers
    assert traffic.errors == []
