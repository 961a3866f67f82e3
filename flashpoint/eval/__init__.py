"""Evaluation against gold corpora (`flashpoint eval ...`); see `flashpoint.eval.geo`."""
