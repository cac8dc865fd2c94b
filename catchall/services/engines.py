"""Which engines screen an inquiry, chosen in one place."""

from __future__ import annotations

from catchall.screening.pipeline import NamedEngine, Pipeline


def build_pipeline() -> Pipeline:
    """The pipeline with every engine the core provides."""
    engines: list[NamedEngine] = []
    return Pipeline(engines=engines, controls_version="none")
