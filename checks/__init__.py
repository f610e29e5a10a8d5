"""Validation stage: pandera models of every table, readable messages, provenance checks."""
