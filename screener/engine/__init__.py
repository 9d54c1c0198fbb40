"""The engine: which questions apply, the answers document, evaluation into findings and an outcome, cases."""
