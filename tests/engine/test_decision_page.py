"""The decision table page: labels not keys, rows that open the checker with their answers,
and the claim it makes — later answers add up — checked over every reachable answer set."""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import parse_qsl, quote_plus, urlsplit

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


def cells_of(line: str) -> list[str]:
    assert line.startswith("| ") and line.endswith(" |")
    return line[2:-2].split(" | ")


def link(text: str, answers: dict[str, str]) -> str:
    href = "../checker/?" + "&amp;".join(f"{k}={quote_plus(v)}" for k, v in answers.items())
    return f'<a href="{href}" title="Open in the checker">{text}</a>'


def situation(model: Model, answers: dict[str, str]) -> str:
    return "<br>".join(f"{model.questions[k].name}: {model.questions[k].label_of(v)}"
                       for k, v in answers.items())


def connectors_cell(result: Any) -> str:
    return "<br>".join(
        f"{c['name']} ({c['need']}): {c['settings']['from']} → {c['settings']['to']}"
        for c in result["connectors"]
    ) or "no connector to create"


def change_cell(before: Any, after: Any) -> str:
    was = {c["name"]: c["need"] for c in before["connectors"]}
    now = {c["name"]: c["need"] for c in after["connectors"]}
    changes = [f"adds {n} ({need})" for n, need in now.items() if was.get(n) != need]
    changes += [f"drops {n}" for n in was if n not in now]
    text = "; ".join(changes) or "no connector changes; the advice does"
    if before["verdict"] != after["verdict"]:
        text += f"; the answer becomes {after['headline'].split(' — ')[0]}"
    return text


def test_every_row_of_the_page_is_its_case(model: Model) -> None:
    """Each table of the page, row by row, against decide(): the case's link (its number
    and answers), its situation in labels, its answer, its connectors or what changes."""
    lines = decision_page_markdown(model, "../checker/").split("\n")
    seeds = seed_cases(model)
    for number, (line, seed) in enumerate(zip(lines[6:], seeds, strict=False), start=1):
        result = decide(model, seed)
        assert cells_of(line) == [link(str(number), seed), situation(model, seed),
                                  result["headline"], connectors_cell(result)]
    sections = "\n".join(lines).split("\n### ")[1:]
    later = {f"{q.name}: {q.label_of(v)}": (q.id, v) for q in model.questions.values()
             if q.default is not None for v in q.values}
    changed_rows = new_rows = 0
    for section in sections:
        heading, blank, header, delimiter, *rows = section.split("\n")
        assert blank == "" and rows[-1] == "" and "" not in rows[:-1]
        if heading in later:
            key, value = later[heading]
            assert (header, delimiter) == ("| Cases | What changes |", "| --- | --- |")
            expected: dict[str, list[str]] = {}
            for number, seed in enumerate(seeds, start=1):
                before = decide(model, seed)
                if not model.questions[key].asked_when.holds(before["answers"]):
                    continue
                try:
                    after = decide(model, {**seed, key: value})
                except ValueError:
                    continue
                expected.setdefault(change_cell(before, after), []).append(
                    link(str(number), {**seed, key: value}))
            assert [cells_of(row) for row in rows[:-1]] == [
                [", ".join(cases), change] for change, cases in expected.items()]
            changed_rows += len(rows) - 1
        else:
            key, value = next((q.id, o.value) for q in model.questions.values()
                              for o in q.options if f"{q.name}: {o.label}" == heading)
            assert (header, delimiter) == ("| Case | Your situation | The answer |",
                                           "| --- | --- | --- |")
            cases = [a for a in reachable_answer_sets(model) if a.get(key) == value]
            assert [cells_of(row) for row in rows[:-1]] == [
                [link("Open", a), situation(model, a), decide(model, a)["headline"]]
                for a in cases]
            new_rows += len(rows) - 1
    assert changed_rows > 10 and new_rows > 0


def test_a_quote_in_the_checker_address_cannot_end_the_link(model: Model) -> None:
    page = decision_page_markdown(model, '../check"er/')
    assert 'href="../check&quot;er/?' in page and 'check"er' not in page


def test_a_bar_in_a_cell_does_not_end_it(raw_model: dict[str, Any]) -> None:
    from engine import load_model

    raw_model["outcomes"]["connectors"]["your-servers-to-office-365"]["settings"]["from"] = (
        "Your server | gateway"
    )
    page = decision_page_markdown(load_model(raw_model), "../checker/")
    assert "Your server \\| gateway → Office 365" in page
    assert "Your server | gateway" not in page


def test_each_answer_added_since_the_article_has_its_section(raw_model: dict[str, Any]) -> None:
    from engine import load_model

    servers = next(q for q in raw_model["questions"]["questions"] if q["id"] == "servers")
    servers["options"][3]["since_contract"] = 2  # other-smtp, as if it were new
    model = load_model(raw_model)
    headings = [line for line in decision_page_markdown(model, "../checker/").splitlines()
                if line.startswith("### ")]
    assert headings[-2:] == [
        "### Service: Neither — only our own Exchange servers, no Microsoft 365 mail service",
        "### Your own mail servers: Another SMTP mail server (not Microsoft Exchange)",
    ]
