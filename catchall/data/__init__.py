"""Packaged data: control lists, grades, vocabularies (YAML with pydantic schemas)."""
