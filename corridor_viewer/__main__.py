import sys

from corridor_viewer.app import main

sys.exit(main())
