"""QtGui rendering: one paint() for the canvas and for every file format."""

from corridor_viewer.render.paint import PaintOptions, paint

__all__ = ["PaintOptions", "paint"]
