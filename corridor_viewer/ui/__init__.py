"""Thin Qt widgets that listen to the model."""
