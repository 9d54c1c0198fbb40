"""screener: a questionnaire that prepares a patient's summary for a specialist consultation (forms are data)."""

__version__ = "0.1.0"
