"""The one object behind every front: settings in, screening and storage out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from catchall.model import Inquiry, ListVersion, ScreeningReport
from catchall.screening.pipeline import Pipeline
from catchall.screening.seal import sealed
from catchall.services.engines import build_pipeline
from catchall.services.parties import matcher
from catchall.settings import Settings
from catchall.store import Store


@dataclass(frozen=True)
class Screened:
    """A report with where it was stored and the hash that lets it be verified."""

    report: ScreeningReport
    inquiry_id: str | None
    content_hash: str | None


class Catchall:
    """Screening and storage for one set of settings; CLI, API and web all call this."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._pipeline: tuple[tuple[str, ...], Pipeline] | None = None

    @cached_property
    def store(self) -> Store:
        """The store, migrated on first use."""
        store = Store(self.settings.db_url)
        store.upgrade()
        return store

    @property
    def pipeline(self) -> Pipeline:
        """The engines over the lists in force (rebuilt only when a list version changes)."""
        index, versions = matcher(self.store, self.settings.cache_dir)
        key = tuple(v.id for v in versions)
        if self._pipeline is None or self._pipeline[0] != key:
            lists = [ListVersion(source=v.source, version=v.version) for v in versions]
            self._pipeline = (key, build_pipeline(index, lists))
        return self._pipeline[1]

    def upgrade_db(self) -> str:
        """Migrate the store explicitly; returns the revision in force."""
        return Store(self.settings.db_url).upgrade()

    def screen(self, inquiry: Inquiry, *, save: bool = True, organisation: str | None = None) -> Screened:
        """Screen an inquiry, seal the report with a content hash and, unless told not to, store both."""
        report = self.pipeline.screen(inquiry, now=dt.datetime.now(dt.UTC))
        data = inquiry.model_dump(mode="json", by_alias=True, exclude_none=True)
        document = sealed(data, report.model_dump(mode="json", exclude={"inquiry", "content_hash"}))
        report = ScreeningReport.model_validate(document)
        if not save:
            return Screened(report, None, report.content_hash)
        body = {k: v for k, v in document.items() if k not in ("inquiry", "content_hash")}
        inquiry_id, _ = self.store.save_screening(data, body, organisation=organisation)
        return Screened(report, inquiry_id, report.content_hash)
