from __future__ import annotations

import yaml

from catchall.controls.diff import diff_lists
from catchall.controls.schema import ControlList


def _list(entries: list[dict[str, object]]) -> ControlList:
    return ControlList.model_validate(
        {"regime": "EU", "name": "n", "source": {"title": "t", "version": "v"}, "entries": entries}
    )


def test_added_removed_changed() -> None:
    old = _list([{"code": "A", "title": "a", "text": "x"}, {"code": "B", "title": "b", "text": "y"}])
    new = _list([{"code": "A", "title": "a", "text": "x2"}, {"code": "C", "title": "c", "text": "z"}])
    changes = {(c.code, c.change): c.fields for c in diff_lists(old, new)}
    assert changes == {("A", "changed"): ("text",), ("B", "removed"): (), ("C", "added"): ()}


def test_threshold_change_is_seen() -> None:
    crit = {"param": "outside_diameter", "op": ">", "value": "75 mm"}
    old = _list([{"code": "A", "title": "a", "text": "x", "criteria": crit}])
    new = _list([{"code": "A", "title": "a", "text": "x", "criteria": dict(crit, value="70 mm")}])
    assert [(c.code, c.fields) for c in diff_lists(old, new)] == [("A", ("criteria",))]
    assert yaml.safe_dump(old.model_dump(by_alias=True))
