"""Screening: run the engines over an inquiry and decide."""
