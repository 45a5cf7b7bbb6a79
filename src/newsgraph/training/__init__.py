"""Fitting the trained parts of the stages on gold data, parsed by the pipeline's own components."""
