"""The decision table page: labels not keys, rows that open the checker with their answers,
and the claim it makes — later answers add up — checked over every reachable answer set."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qsl, urlsplit

from engine import Model, decide, reachable_answer_sets
from engine.decision_page import decision_page_markdown, seed_cases

LINK = re.compile(r'<a href="([^"]+)" title="Open in the checker">([^<]+)</a>')


def needs_of(result: object) -> dict[str, str]:
    return {c["id"]: c["need"] for c in result["connectors"]}  # type: ignore[index]


def test_the_article_cases_come_first_and_are_the_18_seed_cases(model: Model) -> None:
    page = decision_page_markdown(model, "../checker/")
    first = page.split("## What each later answer changes")[0]
    links = LINK.findall(first)
    assert [text for _, text in links] == [str(n) for n in range(1, 19)]
    assert len(seed_cases(model)) == 18


def test_every_row_opens_the_checker_with_answers_the_engine_accepts(model: Model) -> None:
    page = decision_page_markdown(model, "../checker/")
    links = LINK.findall(page)
    assert len(links) > 60
    for href, _ in links:
        url = urlsplit(html.unescape(href))
        assert url.path == "../checker/"
        decide(model, dict(parse_qsl(url.query)))  # raises if the answers were refused


def test_labels_not_keys(model: Model) -> None:
    page = decision_page_markdown(model, "../checker/")
    text = LINK.sub("", page)  # hrefs carry keys on purpose
    for key in model.questions:
        assert f"`{key}`" not in text and f"{key}=" not in text
    for value in ("exchange-2010-or-later", "not-needed", "filtering-service", "smtp-relay"):
        assert value not in text
    assert "Your own mail servers: Exchange Server 2010 or later" in text


def test_later_answers_add_up_as_the_page_says(model: Model) -> None:
    """For every reachable set: its connectors are the seed case's, changed by each later
    answer alone (union, required winning) — what the page tells a reader to do."""
    later = [q for q in model.questions.values() if q.default is not None]
    checked = 0
    for answers in reachable_answer_sets(model):
        if answers["service"] == "neither":
            continue
        seed = {k: v for k, v in answers.items() if model.questions[k].default is None}
        expected = needs_of(decide(model, seed))
        for question in later:
            value = answers.get(question.id)
            if value is None or value == question.default:
                continue
            alone = needs_of(decide(model, {**seed, question.id: value}))
            base = needs_of(decide(model, seed))
            for connector in base:
                if connector not in alone:
                    expected.pop(connector, None)
            for connector, need in alone.items():
                if base.get(connector) != need and expected.get(connector) != "required":
                    expected[connector] = need
        assert needs_of(decide(model, answers)) == expected, answers
        checked += 1
    assert checked == 384
