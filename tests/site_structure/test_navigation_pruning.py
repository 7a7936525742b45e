"""Material's navigation.prune is turned on for a docset-sized site, not for a small one.

The plugins' `on_files` are run on the project's own configuration with generated pages (no
build; the translator and the checker switched off through their option, so the pages are
only titled and listed): from 100 pages the theme's features gain navigation.prune.
"""

from __future__ import annotations

import logging

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..conftest import ROOT


def article(config: MkDocsConfig, n: int) -> File:
    file = File(f"area/article-{n:04d}.md", None, config.site_dir, config.use_directory_urls)
    file.content_string = f"# Article {n}\n"
    return file


def features_after_structure(page_count: int, extra_features: tuple[str, ...] = ()) -> list[str]:
    config: MkDocsConfig = load_config(str(ROOT / "mkdocs.yml"))
    config.theme["features"] = [*config.theme["features"], *extra_features]
    config.plugins["docfx"].config.enabled = False
    config.plugins["connector-checker"].config.enabled = False
    files = Files([article(config, n) for n in range(page_count)])
    config.plugins.run_event("files", files, config=config)
    return list(config.theme["features"])


@pytest.mark.parametrize("pages", [1, 99])
def test_a_small_site_keeps_the_whole_navigation(pages: int) -> None:
    assert "navigation.prune" not in features_after_structure(pages)


@pytest.mark.parametrize("pages", [100, 3000])
def test_a_docset_sized_site_prunes_its_navigation(
    pages: int, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.site_structure"):
        assert "navigation.prune" in features_after_structure(pages)
    assert "navigation.prune is on" in caplog.text


def test_navigation_expand_needs_the_whole_tree_so_nothing_is_pruned(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.site_structure"):
        features = features_after_structure(500, ("navigation.expand",))
    assert "navigation.prune" not in features
    assert "navigation.expand is on: the navigation is not pruned" in caplog.text


def test_the_log_says_why_the_navigation_is_pruned(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.site_structure"):
        features_after_structure(120)
    assert [r.getMessage() for r in caplog.records if "navigation.prune" in r.getMessage()] == [
        "site structure: 120 pages (from 100, option prune_navigation_from): Material's "
        "navigation.prune is on, each page expands only its own sections"
    ]


def test_navigation_prune_set_by_the_site_is_left_as_it_is(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.site_structure"):
        features = features_after_structure(500, ("navigation.prune",))
    assert features.count("navigation.prune") == 1
    assert "navigation.prune is on" not in caplog.text
