"""The evaluation harness: gold loading, scoring and reports. Scoring is pure."""
