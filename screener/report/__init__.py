"""The report: the summary as plain data built from an evaluation, and its PDF and text renderings."""
