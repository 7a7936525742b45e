"""The compiled model shipped inside the package as `engine/model.json`."""

from __future__ import annotations

import json
from importlib import resources

from engine.loading import load_model
from engine.model import Model

__all__ = ["MODEL_RESOURCE", "ModelNotCompiled", "load_packaged_model"]

MODEL_RESOURCE = "model.json"


class ModelNotCompiled(FileNotFoundError):
    """`engine/model.json` is missing: the build has not compiled `data/*.yaml` yet."""


def load_packaged_model() -> Model:
    """Load `engine/model.json`, written by `scripts/compile_model.py` (verified there)."""
    resource = resources.files("engine").joinpath(MODEL_RESOURCE)
    if not resource.is_file():
        raise ModelNotCompiled(
            "model not compiled: run `make build` (or python scripts/compile_model.py)"
        )
    return load_model(json.loads(resource.read_text(encoding="utf-8")))
