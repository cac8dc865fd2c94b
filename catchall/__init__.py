"""Catchall: screens procurement inquiries for proliferation-sensitive goods, parties and red flags."""

__version__ = "0.1.0"
