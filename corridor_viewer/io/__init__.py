"""Pure-Python readers for the bundled data."""
