"""Content: the form, rules, sources and regions as validated data models, and their loading and checks."""
