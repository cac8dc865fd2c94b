"""The domain model: inquiries in, reports out (CONTRACTS.md shapes)."""

from catchall.model.inquiry import Delivery, Exporter, Inquiry, Item, Money, Party, Payment
from catchall.model.report import Decision, Finding, ListVersion, ScreeningReport

__all__ = [
    "Decision",
    "Delivery",
    "Exporter",
    "Finding",
    "Inquiry",
    "Item",
    "ListVersion",
    "Money",
    "Party",
    "Payment",
    "ScreeningReport",
]
