"""Evaluation code kept out of the package: gold scorers, corpus readers and metrics used by the benchmarks,
the training scripts and the tests (``benchmarks`` is on the tests' import path)."""
