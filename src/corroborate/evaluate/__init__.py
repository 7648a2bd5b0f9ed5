"""Evaluation helpers shared by tests and benchmarks (scoring briefings against hand-written gold)."""
