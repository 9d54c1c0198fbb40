"""Answer widgets: one input per question kind, a question row around it, and repeatable groups."""
