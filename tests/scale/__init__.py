"""Tests at the scale the program promises, each one command, outside the normal test run (see README)."""
