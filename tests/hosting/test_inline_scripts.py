"""Inline scripts become files; data blocks and external scripts stay as they are."""

from __future__ import annotations

from site_hosting import externalize_inline_scripts

PAGE = (
    "<head><script>var a = 1;</script>"
    '<script id="__config" type="application/json">{"base": "."}</script>'
    '<script src="bundle.js"></script></head>'
    '<body><script type="module">import "./x.js";</script><script> </script></body>'
)


def test_inline_code_moves_to_files_named_by_its_hash() -> None:
    html, files = externalize_inline_scripts(PAGE, "../assets/inline-scripts/")
    assert sorted(files.values()) == ['import "./x.js";', "var a = 1;"]
    for name in files:
        assert len(name) == len("0123456789abcdef.js")
        assert f'src="../assets/inline-scripts/{name}"></script>' in html
    assert '<script type="module" src="../assets/inline-scripts/' in html


def test_data_blocks_external_and_empty_scripts_are_left_alone() -> None:
    html, _ = externalize_inline_scripts(PAGE, "x/")
    assert '<script id="__config" type="application/json">{"base": "."}</script>' in html
    assert '<script src="bundle.js"></script>' in html
    assert "<script> </script>" in html
    assert "var a = 1;" not in html


def test_the_same_code_gives_the_same_file() -> None:
    _, first = externalize_inline_scripts("<script>x()</script>", "a/")
    _, second = externalize_inline_scripts("<p></p><script>x()</script>", "b/")
    assert first == second
