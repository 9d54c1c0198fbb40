"""screener: prepare a ketamine-therapy consultation for OCD from a patient's treatment history."""

__version__ = "0.1.0"
