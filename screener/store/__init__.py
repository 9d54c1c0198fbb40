"""Storage: the draft on disk and safe file writing."""
