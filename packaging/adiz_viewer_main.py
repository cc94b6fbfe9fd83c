"""PyInstaller entry script: the frozen ``adiz-viewer`` executable runs `viewer.app.main`."""

import sys

from viewer.app import main

if __name__ == "__main__":
    sys.exit(main())
