"""Parties: names and identifiers screened against sanctions and denied-party lists."""
