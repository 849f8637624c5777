"""Corridor Viewer: a desktop map of the South Caucasus corridors linked to Arabic news articles."""

__version__ = "0.1.0"
APP_NAME = "Corridor Viewer"
ORG_NAME = "CorridorViewer"
