"""The connector checker on the site: form spec, widget placement, the MkDocs adapter.

The engine itself lives in `engine/`; the browser code in `docs/assets/checker/`.
"""

from __future__ import annotations

from .form_spec import checker_spec
from .widget import WIDGET_ATTRIBUTE, insert_widget, widget_html

__all__ = ["WIDGET_ATTRIBUTE", "checker_spec", "insert_widget", "widget_html"]
