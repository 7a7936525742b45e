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


def test_the_page_reads_as_headed_sections_with_their_introductions(model: Model) -> None:
    lines = decision_page_markdown(model, "../checker/").split("\n")
    seeds = len(seed_cases(model))
    assert lines[:6] == [
        "## The article's cases",
        "",
        "The cases of the article's two tables. The questions added since (MX records, "
        "outbound mail, add-on services, how devices send, missing hybrid connectors) take "
        "their usual answer here. Each number opens the case in the checker.",
        "",
        "| # | Your situation | The answer | Connectors to create |",
        "| --- | --- | --- | --- |",
    ]
    assert all(line.startswith("| <a href=") for line in lines[6:6 + seeds])
    assert lines[6 + seeds:6 + seeds + 6] == [
        "",
        "## What each later answer changes",
        "",
        "Each later answer changes the case above as its section says; several later "
        "answers together add up (the checker gives the exact answer for any mix). The "
        "case numbers open the checker with that answer.",
        "",
        lines[6 + seeds + 5],
    ]
    assert lines[6 + seeds + 5].startswith("### ")


def test_a_section_for_each_answer_other_than_a_default_and_each_new_answer(
    model: Model,
) -> None:
    page = decision_page_markdown(model, "../checker/")
    headings = [line[4:] for line in page.splitlines() if line.startswith("### ")]
    later = [f"{q.name}: {o.label}" for q in model.questions.values() if q.default is not None
             for o in q.options if o.value != q.default]
    new = [f"{q.name}: {o.label}" for q in model.questions.values() for o in q.options
           if o.since_contract > 1]
    assert later and new
    assert headings == later + new
