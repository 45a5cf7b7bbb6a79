"""Evaluation of each extraction stage against the gold data in ../shared/data."""
