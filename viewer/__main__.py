"""``python -m viewer`` runs the application, like the ``adiz-viewer`` command."""

from viewer.app import main

raise SystemExit(main())
