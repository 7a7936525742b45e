"""The data files shipped inside the package: the compiled model `engine/model.json`.

Read through the loader that imported the module beside them (`get_data`, PEP 302), which
works for a package in a folder, in a zip on `sys.path` and in Pyodide, without importing
`importlib.resources`: eight modules the checker's browser would otherwise download.
"""

from __future__ import annotations

import json
import os
import sys

from engine.loading import load_model
from engine.model import Model

__all__ = ["MODEL_RESOURCE", "ModelNotCompiled", "load_packaged_model", "read_beside"]

MODEL_RESOURCE = "model.json"
NOT_COMPILED = "model not compiled: run `make build` (or python scripts/compile_model.py)"


class ModelNotCompiled(FileNotFoundError):
    """`engine/model.json` is missing: the build has not compiled `data/*.yaml` yet."""


def read_beside(module: str, name: str) -> str:
    """The text of the data file `name` in the folder of the imported `module`.

    Raises `ModelNotCompiled` when the file is not there.
    """
    spec = sys.modules[module].__spec__
    get_data = getattr(spec.loader, "get_data", None) if spec else None
    if spec is None or spec.origin is None or get_data is None:
        raise ModelNotCompiled(f"{module} was not imported from files: no {name} beside it")
    try:
        data: bytes = get_data(os.path.join(os.path.dirname(spec.origin), name))
    except OSError as error:
        raise ModelNotCompiled(NOT_COMPILED) from error
    return data.decode("utf-8")


def load_packaged_model() -> Model:
    """Load `engine/model.json`, written by `scripts/compile_model.py` (verified there)."""
    return load_model(json.loads(read_beside(__name__, MODEL_RESOURCE)))
