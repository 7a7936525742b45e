"""The build's own check of the decision model's anchors against the *built* article
(checker_site/mkdocs_plugin.py): the model compiler checks the article's source, the build
checks again what the translation made of it."""

from __future__ import annotations

from pathlib import Path

from engine import load_packaged_model, referenced_anchors

from ..conftest import SEED_ARTICLE, copy_project, run_mkdocs_build

REMOVED = "ConnMailFlow1"


def test_the_build_fails_when_an_anchor_the_model_links_to_is_not_in_the_article(
    tmp_path: Path,
) -> None:
    assert REMOVED in referenced_anchors(load_packaged_model())
    project = copy_project(tmp_path / "project")
    article = project / "docs" / SEED_ARTICLE
    source = article.read_bytes()
    anchor = f'<a name="{REMOVED}"> </a>\r\n'.encode()
    if anchor not in source:
        anchor = anchor.replace(b"\r\n", b"\n")
    assert source.count(anchor) == 1
    article.write_bytes(source.replace(anchor, b""))

    result = run_mkdocs_build(project, tmp_path / "site")

    log = result.stdout + result.stderr
    assert result.returncode != 0, log
    errors = [line for line in log.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, log
    assert errors[0].startswith(
        "ERROR   -  connector checker: the decision model does not fit the built article "
        f"{SEED_ARTICLE}: "
    ), errors[0]
    assert f"the article has no anchor '{REMOVED}'" in errors[0]
    assert not (tmp_path / "site" / "index.html").exists()  # nothing half-built is left
