"""Benchmarks and the question-set evaluation shared with the tests."""
