"""The questionnaire session: the wizard's state and navigation, with no Qt (the GUI is a view of it)."""
