"""Analyze stage: sentences and the cross-source annotations (entities, quotes, numbers, dates)."""
