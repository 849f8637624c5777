"""Double-click or `python main.py` to start Corridor Viewer from a source checkout."""

import sys

from corridor_viewer.app import main

if __name__ == "__main__":
    sys.exit(main())
