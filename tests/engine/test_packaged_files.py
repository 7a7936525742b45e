"""The engine reads its data files (model.json, plan.json) through the loader of the module
beside them; a module that was not imported from files gets a message saying so, not a
crash inside the reader."""

from __future__ import annotations

import sys
import types
import zipfile
from collections.abc import Iterator
from importlib.abc import Loader
from importlib.machinery import ModuleSpec
from pathlib import Path

import pytest

from engine.packaged import ModelNotCompiled, read_beside


class LoaderWithData(Loader):
    """A loader that reads data files from memory, as zipimport reads them from its zip."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = files

    def get_data(self, path: str) -> bytes:
        if path not in self.files:
            raise FileNotFoundError(path)
        return self.files[path]


@pytest.fixture
def fake_module() -> Iterator[types.ModuleType]:
    module = types.ModuleType("fake_engine_module")
    sys.modules[module.__name__] = module
    yield module
    del sys.modules[module.__name__]


def test_a_module_without_a_spec_is_told_plainly(fake_module: types.ModuleType) -> None:
    fake_module.__spec__ = None
    with pytest.raises(ModelNotCompiled) as raised:
        read_beside("fake_engine_module", "model.json")
    assert str(raised.value) == ("fake_engine_module was not imported from files: "
                                 "no model.json beside it")


def test_a_loader_that_cannot_read_files_is_told_plainly(fake_module: types.ModuleType) -> None:
    fake_module.__spec__ = ModuleSpec("fake_engine_module", Loader(), origin="/x/fake.py")
    with pytest.raises(ModelNotCompiled, match=r"not imported from files: no plan\.json beside"):
        read_beside("fake_engine_module", "plan.json")


def test_a_spec_without_an_origin_is_told_plainly(fake_module: types.ModuleType) -> None:
    loader = LoaderWithData({"/x/model.json": b"{}"})
    fake_module.__spec__ = ModuleSpec("fake_engine_module", loader, origin=None)
    with pytest.raises(ModelNotCompiled, match=r"not imported from files: no model\.json beside"):
        read_beside("fake_engine_module", "model.json")


def test_the_file_is_read_through_the_loader_as_utf8(fake_module: types.ModuleType) -> None:
    loader = LoaderWithData({"/x/model.json": "{\"name\": \"Contoso\u2019s\"}".encode()})
    fake_module.__spec__ = ModuleSpec("fake_engine_module", loader, origin="/x/fake.py")
    assert read_beside("fake_engine_module", "model.json") == "{\"name\": \"Contoso\u2019s\"}"


def test_a_missing_file_says_how_to_compile_it(fake_module: types.ModuleType) -> None:
    fake_module.__spec__ = ModuleSpec("fake_engine_module", LoaderWithData({}),
                                      origin="/x/fake.py")
    with pytest.raises(ModelNotCompiled, match=r"run `make build`"):
        read_beside("fake_engine_module", "model.json")


def test_a_package_in_a_zip_reads_its_data_file(tmp_path: Path) -> None:
    archive = tmp_path / "pkg.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("zipped_pkg/__init__.py", "")
        zipped.writestr("zipped_pkg/model.json", "{\"zipped\": true}")
    sys.path.insert(0, str(archive))
    try:
        __import__("zipped_pkg")
        assert read_beside("zipped_pkg", "model.json") == "{\"zipped\": true}"
    finally:
        sys.path.remove(str(archive))
        sys.modules.pop("zipped_pkg", None)
