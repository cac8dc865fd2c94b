"""Which engines screen an inquiry, chosen in one place."""

from __future__ import annotations

from catchall.goods.classifier import default_classifier
from catchall.goods.grades import default_grade_lookup
from catchall.model import ListVersion
from catchall.parties.matcher import Matcher
from catchall.redflags.countries import default_countries
from catchall.redflags.engine import redflags_engine
from catchall.redflags.loader import default_rules
from catchall.screening.goods import goods_engine
from catchall.screening.parties import parties_engine
from catchall.screening.pipeline import NamedEngine, Pipeline


def build_pipeline(matcher: Matcher, lists: list[ListVersion]) -> Pipeline:
    """Goods, then parties, then red flags (which read what the first two found)."""
    classifier = default_classifier()
    engines = [
        NamedEngine("goods", goods_engine(classifier, default_grade_lookup())),
        NamedEngine("parties", parties_engine(matcher)),
        NamedEngine("redflags", redflags_engine(default_rules(), default_countries())),
    ]
    return Pipeline(engines=engines, controls_version=classifier.registry.version, lists=lists)
