"""Accuracy evaluation: gold annotations, the perturbation benchmark and public paraphrase sets."""
