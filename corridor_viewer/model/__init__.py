"""The pure-Python model. Nothing here may import PySide6 (tests/test_architecture.py checks)."""
