"""Which engines screen an inquiry, chosen in one place."""

from __future__ import annotations

from catchall.goods.classifier import default_classifier
from catchall.goods.grades import default_grade_lookup
from catchall.screening.goods import goods_engine
from catchall.screening.pipeline import NamedEngine, Pipeline


def build_pipeline() -> Pipeline:
    """The pipeline with every engine the core provides."""
    classifier = default_classifier()
    engines = [NamedEngine("goods", goods_engine(classifier, default_grade_lookup()))]
    return Pipeline(engines=engines, controls_version=classifier.registry.version)
